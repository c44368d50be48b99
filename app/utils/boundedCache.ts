/**
 * A least-recently-used map bounded by entry count and by bytes (as the caller measures them), so a flood of
 * distinct URLs costs at most `maxBytes` of memory however big or many the entries. An entry bigger than an
 * eighth of the budget is not kept at all: it would evict most of the others for one URL.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private bytes = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Map order is insertion order: re-inserting marks it the most recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V, size: number): void {
    this.delete(key);
    if (size > this.maxBytes / 8) return;
    this.entries.set(key, { value, size });
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.size;
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  /** What the cache holds now, for the load bench and the tests. */
  stats(): { entries: number; bytes: number; maxEntries: number; maxBytes: number } {
    return { entries: this.entries.size, bytes: this.bytes, maxEntries: this.maxEntries, maxBytes: this.maxBytes };
  }
}
