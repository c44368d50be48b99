import { dataVersion } from "~/db.server";
import { BoundedCache } from "~/utils/boundedCache";
import { registerCache } from "~/utils/cacheRegistry";
import { exportLimiter, Overloaded } from "./limiter.server";

/** A rendered export and the name it is downloaded under. */
export interface Rendered {
  body: Uint8Array | string;
  filename: string;
}

/**
 * Rendered exports kept until the database changes: a chart for a key is the same bytes until new facts arrive.
 * 32 MB holds a hundred or more PNGs (0.1–0.3 MB) and decks (1–3 MB; an entry may take an eighth). It was 64 MB:
 * under `npm run bench:load` decks filled it a third at a time, round after round (21, 33, 50 MB), 30 MB of the
 * server's growth from round to round, for next to no hits: a hundred decks asked for in turn rarely find one
 * another in a cache of forty. Now it is full after the first round.
 */
const cache = new BoundedCache<Rendered>(300, 32 * 1024 * 1024);
/** Renders under way, by database version and key: identical requests in flight share one render. */
const inFlight = new Map<string, Promise<Rendered>>();
let version = -1;
let renders = 0;
let hits = 0;

const sizeOf = ({ body }: Rendered) => (typeof body === "string" ? body.length * 2 : body.byteLength);

/** How long a render of each kind (deck, png, ...) took lately, from its start in the limiter: a moving mean. */
const typicalMs = new Map<string, number>();
let late = 0;

function timed(kind: string, render: () => Promise<Rendered>): Promise<Rendered> {
  const started = performance.now();
  return render().then((rendered) => {
    const took = performance.now() - started;
    const before = typicalMs.get(kind);
    typicalMs.set(kind, before === undefined ? took : before * 0.8 + took * 0.2);
    return rendered;
  });
}

/**
 * `promise`, or an Overloaded (a 503 with Retry-After) at `deadline` if it has not settled by then. The render goes
 * on and is kept in the cache, so the request asked again finds it; only this caller stops waiting.
 */
function beforeDeadline<T>(promise: Promise<T>, deadline: number | undefined, retryAfter: number): Promise<T> {
  if (deadline === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        late++;
        reject(new Overloaded("The export could not be drawn in time; try again shortly.", retryAfter));
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export interface RenderOptions {
  /** What is drawn (the format, or "deck"), for the typical time a render of it takes. */
  kind?: string;
  /**
   * When the answer is due (Date.now() milliseconds): a render that cannot start in time to finish by then is not
   * started, and a caller still waiting then gets Overloaded, so a client hears 503 rather than time out.
   */
  deadline?: number;
  /**
   * False for a render on the main thread that costs what a page does (CSV, a string join): kept and shared like
   * the others, but not queued behind the render workers' files.
   */
  limited?: boolean;
}

/**
 * The cached rendering for `key`, or the render already under way for it, or a new render through the export
 * limiter (which may refuse with Overloaded). `key` must name everything the export depends on and nothing else
 * (exportKey.ts). The whole export, data included, happens inside `render`, so a cached one costs no query.
 */
export async function cachedRender(
  key: string,
  render: () => Promise<Rendered>,
  { kind = "export", deadline, limited = true }: RenderOptions = {},
): Promise<Rendered> {
  const now = dataVersion();
  if (now !== version) {
    cache.clear();
    version = now;
  }
  const hit = cache.get(key);
  if (hit) {
    hits++;
    return hit;
  }
  const expectedMs = typicalMs.get(kind) ?? 0;
  const retryAfter = exportLimiter.retryAfterSeconds;
  const flightKey = `${now}\u0000${key}`;
  const pending = inFlight.get(flightKey);
  if (pending) {
    hits++;
    return beforeDeadline(pending, deadline, retryAfter);
  }
  const draw = () => {
    renders++;
    return timed(kind, render);
  };
  const flight = limited ? exportLimiter.run(draw, { deadline, expectedMs }) : draw();
  inFlight.set(flightKey, flight);
  flight
    .then((rendered) => {
      // Kept only if the data did not change meanwhile (the cache was cleared for a newer version then).
      if (version === now) cache.set(key, rendered, sizeOf(rendered));
    })
    .catch(() => {})
    .finally(() => inFlight.delete(flightKey));
  return beforeDeadline(flight, deadline, retryAfter);
}

/** Sizes and counts of the export cache and limiter. */
export function exportCacheStats() {
  return {
    ...cache.stats(),
    renders,
    hits,
    inFlight: inFlight.size,
    ...exportLimiter.stats(),
    late,
    typicalDeckMs: Math.round(typicalMs.get("deck") ?? 0),
  };
}

registerCache("exports", exportCacheStats);
