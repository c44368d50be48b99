import { dataVersion } from "~/db.server";
import { BoundedCache } from "~/utils/boundedCache";
import { registerCache } from "~/utils/cacheRegistry";
import { exportLimiter } from "./limiter.server";

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

/**
 * The cached rendering for `key`, or the render already under way for it, or a new render through the export
 * limiter (which may refuse with Overloaded). `key` must name everything the export depends on and nothing else
 * (exportKey.ts). The whole export, data included, happens inside `render`, so a cached one costs no query.
 */
export async function cachedRender(key: string, render: () => Promise<Rendered>): Promise<Rendered> {
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
  const flightKey = `${now}\u0000${key}`;
  const pending = inFlight.get(flightKey);
  if (pending) {
    hits++;
    return pending;
  }
  const flight = exportLimiter.run(() => {
    renders++;
    return render();
  });
  inFlight.set(flightKey, flight);
  try {
    const rendered = await flight;
    // Kept only if the data did not change meanwhile (the cache was cleared for a newer version then).
    if (version === now) cache.set(key, rendered, sizeOf(rendered));
    return rendered;
  } finally {
    inFlight.delete(flightKey);
  }
}

/** Sizes and counts of the export cache and limiter. */
export function exportCacheStats() {
  return { ...cache.stats(), renders, hits, inFlight: inFlight.size, ...exportLimiter.stats() };
}

registerCache("exports", exportCacheStats);
