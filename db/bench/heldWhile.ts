/**
 * How long `work` takes and the longest the event loop went without a turn meanwhile (ms): a ticker queued with
 * setImmediate notes every turn, so a query that holds the loop shows as one long gap between two ticks. The last
 * stretch, from the last tick to the end of the work, is a hold too. For `npm run bench:facts` and the facts
 * page's reliability tests (docs/decisions/036).
 */
export async function heldWhile<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; held: number }> {
  let held = 0;
  let last = performance.now();
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - t0, held: Math.max(held, performance.now() - last) };
  } finally {
    ticking = false;
  }
}
