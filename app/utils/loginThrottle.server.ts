/**
 * Failed sign-ins, counted per account and per address, in memory (one server process). Each failure makes the
 * next answer wait longer (a quarter of a second, doubling, at most 8 s), and from the fifth failure on the
 * account or address is refused outright for a while, without checking the password, so guessing costs
 * minutes per handful of tries. A success clears the account's count, not the address's.
 */
const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES = 4;
const MAX_DELAY_MS = 8_000;
const MAX_KEYS = 10_000;

interface Record {
  failures: number;
  last: number;
}

const records = new Map<string, Record>();

function current(key: string, now: number): Record | undefined {
  const r = records.get(key);
  if (r && now - r.last > WINDOW_MS) {
    records.delete(key);
    return undefined;
  }
  return r;
}

/** How long the answer to a failure waits, given the failures counted so far (this one included). */
export function failureDelayMs(failures: number): number {
  return Math.min(250 * 2 ** Math.max(0, failures - 1), MAX_DELAY_MS);
}

/** How long a key stays refused after its latest failure, once past the free ones: 30 s, doubling, at most 15 min. */
function lockMs(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(30_000 * 2 ** (failures - FREE_FAILURES - 1), WINDOW_MS);
}

const keysOf = (account: string, address: string) => [`account:${account.toLowerCase()}`, `address:${address}`];

/** Seconds to wait before this account or address may try again, or 0 when it may try now. */
export function retryAfterSeconds(account: string, address: string, now = Date.now()): number {
  let wait = 0;
  for (const key of keysOf(account, address)) {
    const r = current(key, now);
    if (r) wait = Math.max(wait, r.last + lockMs(r.failures) - now);
  }
  return Math.ceil(Math.max(0, wait) / 1000);
}

/** Counts a failure; returns how long to hold the answer back. */
export function noteFailure(account: string, address: string, now = Date.now()): number {
  let worst = 0;
  for (const key of keysOf(account, address)) {
    const r = current(key, now) ?? { failures: 0, last: now };
    r.failures++;
    r.last = now;
    records.delete(key);
    records.set(key, r);
    worst = Math.max(worst, r.failures);
  }
  // Oldest first: a flood of invented names cannot grow the map without bound.
  while (records.size > MAX_KEYS) records.delete(records.keys().next().value as string);
  return failureDelayMs(worst);
}

export function noteSuccess(account: string): void {
  records.delete(`account:${account.toLowerCase()}`);
}

/** For tests. */
export function resetThrottle(): void {
  records.clear();
}
