import { getDb } from "~/db.server";

/** Rendered exports kept until the database changes: a chart for a URL is the same bytes until new facts arrive. */
const MAX_ENTRIES = 200;
const MAX_BYTES = 200 * 1024 * 1024;

/** A rendered export and the name it is downloaded under. */
export interface Rendered {
  body: Uint8Array | string;
  filename: string;
}

interface Entry extends Rendered {
  size: number;
}

let version = -1;
let bytes = 0;
const entries = new Map<string, Entry>();

function currentVersion(): number {
  return getDb().sqlite.pragma("data_version", { simple: true }) as number;
}

/**
 * The cached rendering for `key`, or renders it (once per database version), keeping the most recent ones. The
 * whole export, data included, happens inside `render`, so a cached one costs no query.
 */
export async function cachedRender(key: string, render: () => Promise<Rendered>): Promise<Rendered> {
  const now = currentVersion();
  if (now !== version) {
    entries.clear();
    bytes = 0;
    version = now;
  }
  const hit = entries.get(key);
  if (hit) {
    // Map order is insertion order: re-inserting marks it the most recently used.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const rendered = await render();
  const { body } = rendered;
  const size = typeof body === "string" ? body.length * 2 : body.byteLength;
  entries.set(key, { ...rendered, size });
  bytes += size;
  for (const [k, e] of entries) {
    if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
    entries.delete(k);
    bytes -= e.size;
  }
  return rendered;
}
