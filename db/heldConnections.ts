import { statSync } from "node:fs";
import type { DbHandle } from "./client";

/**
 * The long-lived connections a server process holds on a database file, so that all of them can be dropped at
 * once and reopened on their next use (decision 007): when the WAL they have open was deleted under them, and when
 * a fault clears (the file may have been replaced by a restored copy).
 *
 * Kept on globalThis: server.ts and the Remix build each bundle their own copy of this module, and a connection
 * left open by either one keeps the old WAL and its index alive for every process.
 */
export interface HeldConnection {
  path: string;
  /** Read-only connections never checkpoint on close; they are closed before the read-write ones. */
  readonly: boolean;
  /** Closes the connection and forgets it; its owner opens a new one when next asked. */
  drop: () => void;
  /** The WAL file this connection has open (device and inode), noted when it was first seen. */
  wal?: string | null;
}

const KEY = Symbol.for("financial-figures.heldConnections");
const shared = globalThis as { [KEY]?: Set<HeldConnection> };
shared[KEY] ??= new Set<HeldConnection>();
const held = shared[KEY];

/** The identity (device:inode) of a database's WAL file, or null when there is none. */
export function walIdentity(path: string): string | null {
  try {
    const s = statSync(`${path}-wal`);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** Registers a connection; the returned function unregisters it (when its owner closes it itself). */
export function holdConnection(connection: HeldConnection): () => void {
  connection.wal ??= walIdentity(connection.path);
  held.add(connection);
  return () => held.delete(connection);
}

/**
 * Closes every held connection on `path`, read-only ones first: the last read-write one to close then holds the
 * only reference to the old WAL and, when no other process has the file open, checkpoints it into the database,
 * which saves what was committed before the WAL was deleted. Returns how many were closed.
 */
export function dropConnections(path: string): number {
  const mine = [...held].filter((c) => c.path === path).sort((a, b) => Number(b.readonly) - Number(a.readonly));
  for (const c of mine) {
    held.delete(c);
    try {
      c.drop();
    } catch {
      // A connection that cannot even close is gone all the same: its owner opens a new one.
    }
  }
  return mine.length;
}

/**
 * Whether a held connection on `path` has a WAL open that is no longer the file at `path-wal` (deleted, or
 * replaced by another). A connection that had no WAL yet when registered notes the one it finds now.
 */
export function walReplaced(path: string): boolean {
  const now = walIdentity(path);
  let replaced = false;
  for (const c of held) {
    if (c.path !== path) continue;
    if (c.wal == null) c.wal = now;
    else if (c.wal !== now) replaced = true;
  }
  return replaced;
}

/** How many connections are held on `path`, for tests and the status report. */
export function heldCount(path: string): number {
  return [...held].filter((c) => c.path === path).length;
}

/**
 * A read-write connection opened on first use and held: dropping the held connections closes it, and the next call
 * opens a new one. `onOpen` runs on each new connection (its settings, or caches that belong to it).
 */
export function heldConnection(open: () => DbHandle, onOpen: (h: DbHandle) => void = () => {}): () => DbHandle {
  let handle: DbHandle | undefined;
  return () => {
    if (handle) return handle;
    const opened = open();
    handle = opened;
    onOpen(opened);
    holdConnection({
      path: opened.path,
      readonly: false,
      drop: () => {
        if (handle === opened) handle = undefined;
        opened.sqlite.close();
      },
    });
    return opened;
  };
}
