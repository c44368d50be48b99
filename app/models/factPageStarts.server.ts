import { dataVersion } from "~/db.server";
import { createLimiter, Overloaded } from "~/exports/limiter.server";
import { registerCache } from "~/utils/cacheRegistry";

/**
 * Where the pages of one order of the facts start, for a page asked for by its number alone (a bookmark, a typed
 * URL, /api/facts): found by walking the order from its start a page or a few at a time, as the page's Next links
 * would, with a turn of the event loop between slices of about SLICE_MS, and kept until the data changes
 * (docs/decisions/036). A filtered order read by OFFSET held the event loop for the whole count, up to a second
 * on a million facts; walked, no turn is longer than a slice and a few pages, and the pages walked past are known
 * for the next request. Identical walks in flight are one walk: a request for page 150 of a walk under way to
 * page 200 waits for it, one for page 200 of a walk going to 150 takes it further. Walks go through a limiter of
 * their own (two at once, sixteen waiting, as exports), so a flood of deep numbered pages is refused with 503 and
 * Retry-After, not queued without end.
 */

/** How long one turn of the event loop may walk before it lets other requests in. */
const SLICE_MS = 5;
/**
 * The most pages one query of a walk reads, when pages come cheap (an unfiltered order). Few: how many rows a
 * page costs changes along an order (the share of facts that match is not the same everywhere), and a query of
 * many cheap pages that runs into dear ones holds the event loop for all of them (64 held it 335 ms on a million
 * facts, with a kind and a status sorted by year).
 */
const MAX_PAGES_PER_STEP = 8;
/** The most orders whose page starts are kept (each a few hundred ids at most, a few thousand for /api/facts). */
const MAX_WALKS = 256;

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** How long a numbered page may wait for its walk before it is answered 503 (the walk goes on, and is kept). */
export const PAGE_WALK_DEADLINE_MS = envNumber("FACTS_WALK_DEADLINE_MS", 7000);

const walkLimiter = createLimiter({
  concurrency: envNumber("FACTS_WALKS", 2),
  maxQueue: envNumber("FACTS_WALK_QUEUE", 16),
  maxWaitMs: envNumber("FACTS_WALK_QUEUE_MS", 5000),
  words: {
    busy: (count) =>
      `The server is busy finding ${count} pages asked for by number; follow the Next links from page 1, or try again shortly.`,
    late: "This page could not be found in time; try again shortly.",
    noSlot: (seconds) =>
      `No page could be looked for within ${seconds} s; follow the Next links from page 1, or try again shortly.`,
  },
});

interface Walk {
  /** ends[k]: the id of the last fact of page k + 1, which page k + 2 starts after. */
  ends: number[];
  /** The order ended: no page starts past the last end. */
  finished: boolean;
  /** A fact the walk stood on was gone (the data changed under it): numbered pages fall back to OFFSET. */
  broken: boolean;
  /** How many page ends the walk under way is to find. */
  target: number;
  running: Promise<void> | null;
}

/**
 * Up to `count` ids of the order after the fact `after` (from its start when null), or null when that fact is
 * gone.
 */
export type Step = (after: number | null, count: number) => Promise<number[] | null>;

const walks = new Map<string, Walk>();
let version = Number.NaN;
let started = 0;
let stepsRun = 0;
let late = 0;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function advance(walk: Walk, pageSize: number, step: Step): Promise<void> {
  started++;
  let pagesPerStep = 1;
  while (walk.ends.length < walk.target && !walk.finished && !walk.broken) {
    const slice = performance.now();
    do {
      const pages = Math.min(pagesPerStep, walk.target - walk.ends.length);
      const t0 = performance.now();
      const ids = await step(walk.ends.at(-1) ?? null, pages * pageSize);
      stepsRun++;
      if (!ids) {
        walk.broken = true;
        break;
      }
      for (let i = pageSize - 1; i < ids.length; i += pageSize) walk.ends.push(ids[i]);
      if (ids.length < pages * pageSize) walk.finished = true;
      // More pages a query while a query takes under an eighth of a slice; one at a time where few facts match.
      const took = performance.now() - t0;
      if (took < SLICE_MS / 8) pagesPerStep = Math.min(MAX_PAGES_PER_STEP, pagesPerStep * 2);
      else if (took > SLICE_MS / 4) pagesPerStep = Math.max(1, Math.floor(pagesPerStep / 2));
    } while (walk.ends.length < walk.target && !walk.finished && !walk.broken && performance.now() - slice < SLICE_MS);
    await turn();
  }
}

/** `promise`, or Overloaded (a 503 with Retry-After) at `deadline`; the walk goes on for whoever asks next. */
function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        late++;
        reject(
          new Overloaded("This page could not be found in time; try again shortly.", walkLimiter.retryAfterSeconds),
        );
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** The walk of `key` for the data as it is now (none kept while the data's version cannot be known). */
function walkOf(key: string): Walk {
  const now = dataVersion();
  const fresh = (): Walk => ({ ends: [], finished: false, broken: false, target: 0, running: null });
  if (now < 0) return fresh();
  if (now !== version) {
    walks.clear();
    version = now;
  }
  let walk = walks.get(key);
  if (walk) walks.delete(key);
  else walk = fresh();
  // Most recently used last; the least recently used goes first past MAX_WALKS.
  walks.set(key, walk);
  if (walks.size > MAX_WALKS) walks.delete(walks.keys().next().value as string);
  return walk;
}

/**
 * The id of the last fact of page `page - 1` of the order `key` (the fact page `page` starts after): "end" when
 * the order has fewer pages, "gone" when the walk met a fact that is gone. Throws Overloaded (503) when the walk
 * is refused or has not got there by `deadline`.
 */
export async function pageStart(
  key: string,
  page: number,
  pageSize: number,
  step: Step,
  deadline = Date.now() + PAGE_WALK_DEADLINE_MS,
): Promise<number | "end" | "gone"> {
  const need = page - 1;
  const walk = walkOf(key);
  for (;;) {
    if (walk.ends.length >= need) return walk.ends[need - 1];
    if (walk.broken) return "gone";
    if (walk.finished) return "end";
    walk.target = Math.max(walk.target, need);
    if (!walk.running) {
      const running = walkLimiter.run(() => advance(walk, pageSize, step), { deadline });
      walk.running = running.finally(() => {
        walk.running = null;
      });
    }
    await beforeDeadline(walk.running, deadline);
  }
}

/**
 * Page `page` of the order `key` was read from a start the walk found (or from the start), and ends at `lastId`
 * after a full page: the next page's start is known too, so pages asked for in turn by number each cost a page.
 */
export function notePageEnd(key: string, page: number, lastId: number): void {
  const walk = walks.get(key);
  if (walk && version === dataVersion() && walk.ends.length === page - 1) walk.ends.push(lastId);
}

/** Forgets every walk (the benchmark and the tests time walks from the start). */
export function forgetPageStarts(): void {
  walks.clear();
}

export function pageStartStats() {
  return {
    entries: walks.size,
    ends: [...walks.values()].reduce((n, w) => n + w.ends.length, 0),
    walks: started,
    steps: stepsRun,
    late,
    ...walkLimiter.stats(),
  };
}

registerCache("factPageStarts", pageStartStats);
