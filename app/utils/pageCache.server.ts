import Database from "better-sqlite3";
import type { NextFunction, Request, Response } from "express";
import { holdConnection } from "../../db/heldConnections";
import { BoundedCache } from "./boundedCache";
import { registerCache } from "./cacheRegistry";
import { pageKey } from "./pageKey.server";
import { hasSessionCookie } from "./sessionCookie";

/**
 * Whole responses to GET requests, kept until the database changes. Pages depend on nothing but the URL and the
 * data (there are no sessions), so a page is the same bytes until an import commits, which SQLite's data_version
 * tells. Under load this turns repeated views into memory reads instead of renders.
 */
// 2,800 distinct URLs once grew this cache to 626 MB: 64 MB holds about a thousand company pages.
const MAX_ENTRIES = 1000;
const MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  status: number;
  headers: Array<[string, string | number | string[]]>;
  body: Buffer;
  /** Where the Content-Security-Policy nonce is written in the body, and its length; each hit gets a fresh one. */
  nonceAt: number[];
  nonceLength: number;
}

/** Where `nonce` occurs in `body` (byte offsets), found once when the page is kept. */
export function nonceOffsets(body: Buffer, nonce: string | undefined): number[] {
  if (!nonce) return [];
  const needle = Buffer.from(nonce);
  const offsets: number[] = [];
  for (let i = body.indexOf(needle); i !== -1; i = body.indexOf(needle, i + needle.length)) offsets.push(i);
  return offsets;
}

/**
 * `body` as pieces with the nonce at each of `offsets` (the old one, `length` bytes) replaced by `to` (same length:
 * 16 random bytes in base64). A cached page must not replay one nonce to everyone, or a script injected anywhere
 * could learn and reuse it. The pieces are views of the kept bytes, not a copy: a hit once copied the whole page
 * (about 100 KB) to swap 24 bytes, some 90 MB a second of short-lived buffers at 900 hits a second, which the
 * allocator and the garbage collector then had to give back (README, Load).
 */
export function withNonce(body: Buffer, offsets: number[], length: number, to: string | undefined): Buffer[] {
  if (!to || !offsets.length || Buffer.byteLength(to) !== length) return [body];
  const fresh = Buffer.from(to);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const at of offsets) {
    pieces.push(body.subarray(from, at), fresh);
    from = at + length;
  }
  pieces.push(body.subarray(from));
  return pieces;
}

/**
 * SQLite's data_version, read on a connection of its own that only reads it (the app's connection is the one that
 * queries). Opened on first use and again after server.ts drops it (db/heldConnections.ts); a new connection
 * restarts the count, so it gives a number below any before and the cache starts afresh.
 */
export function sqliteDataVersion(databasePath: string): () => number {
  let sqlite: Database.Database | undefined;
  let generation = 0;
  return () => {
    if (!sqlite) {
      const opened = new Database(databasePath, { readonly: true, fileMustExist: true });
      sqlite = opened;
      generation++;
      holdConnection({
        path: databasePath,
        readonly: true,
        drop: () => {
          if (sqlite === opened) sqlite = undefined;
          opened.close();
        },
      });
    }
    return generation * 2 ** 32 + (sqlite.pragma("data_version", { simple: true }) as number);
  };
}

/**
 * `dataVersion` changes whenever the data may have (SQLite's data_version, or on PostgreSQL the version heard
 * from every instance's commits, db/pgChanges.ts); null when it is not known, and then nothing is kept or served.
 */
export function pageCache(dataVersion: () => number | null) {
  let version: number | null = -1;
  const entries = new BoundedCache<Entry>(MAX_ENTRIES, MAX_BYTES);
  /**
   * Pages being rendered, by version and key: a request for one waits for it and is answered with the same bytes
   * (its own nonce), so fifty requests for one cold page are one render, not fifty (issue 11). Settles with null
   * when the render is not kept (an error, a redirect, the client gone): each waiter then renders its own.
   */
  const rendering = new Map<string, Promise<Entry | null>>();
  let hits = 0;
  let stored = 0;
  let shared = 0;
  registerCache("pages", () => ({ ...entries.stats(), hits, stored, shared, rendering: rendering.size }));

  const send = (res: Response, entry: Entry, how: "hit" | "shared") => {
    res.status(entry.status);
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("X-Cache", how);
    const pieces = withNonce(entry.body, entry.nonceAt, entry.nonceLength, res.locals.nonce);
    res.setHeader("Content-Length", entry.body.length);
    res.cork();
    for (const piece of pieces.slice(0, -1)) res.write(piece);
    res.end(pieces.at(-1));
  };

  return (req: Request, res: Response, next: NextFunction) => {
    // Exports keep their own cache; only pages and their data requests are kept here.
    if (req.method !== "GET" || req.path.startsWith("/export/")) return next();
    // A signed-in person's pages carry their name and buttons: never served from, nor kept in, the shared cache.
    if (hasSessionCookie(req.headers.cookie)) return next();
    const now = dataVersion();
    if (now !== version) {
      entries.clear();
      version = now;
    }
    if (now === null) return next();
    // Parameters a page ignores, their order and spelt-out defaults make no new key; a query the page refuses
    // has none and is never kept (pageKey.server.ts).
    const key = pageKey(req.originalUrl);
    if (key === null) return next();
    const hit = entries.get(key);
    if (hit) {
      hits++;
      send(res, hit, "hit");
      return;
    }
    const flightKey = `${now}\u0000${key}`;
    const under = rendering.get(flightKey);
    if (under) {
      void under.then((entry) => {
        if (!entry) return next();
        shared++;
        send(res, entry, "shared");
      });
      return;
    }
    let settle: (entry: Entry | null) => void = () => {};
    rendering.set(
      flightKey,
      new Promise<Entry | null>((resolve) => {
        settle = (entry) => {
          rendering.delete(flightKey);
          settle = () => {};
          resolve(entry);
        };
      }),
    );
    // A response that never ends (the client gone first) shares nothing; the waiters render their own.
    res.on("close", () => settle(null));
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : typeof chunk === "string"
            ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
            : Buffer.from(chunk as Uint8Array),
      );
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      // Only whole successful pages are kept (and shared): errors and redirects are rendered afresh each time.
      if (res.statusCode !== 200) settle(null);
      else {
        const body = Buffer.concat(chunks);
        // The policy (with its nonce) is set afresh for every request, before this middleware runs.
        const headers = Object.entries(res.getHeaders()).filter(
          (e): e is [string, string | number | string[]] =>
            e[1] !== undefined && e[0] !== "date" && e[0] !== "content-security-policy",
        );
        // Headers and the key count too: a page's headers are about a kilobyte.
        const nonce: string | undefined = res.locals.nonce;
        const entry = {
          status: 200,
          headers,
          body,
          nonceAt: nonceOffsets(body, nonce),
          nonceLength: nonce?.length ?? 0,
        };
        // Kept only if the data did not change meanwhile (the cache was cleared for a newer version then); shared
        // with the requests that waited for it either way, which asked before the change.
        if (version === now) {
          entries.set(key, entry, body.length + 1024 + key.length * 2);
          stored++;
        }
        settle(entry);
      }
      return end(chunk, ...rest);
    }) as Response["end"];
    next();
  };
}
