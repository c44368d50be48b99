/**
 * What a process closes when it stops (server.ts on SIGTERM): the PostgreSQL pool and its listener, which live in
 * the Remix build's copy of app/db.server.ts, register here. Kept on globalThis, since server.ts and the build
 * each bundle their own copy of this module.
 */
const KEY = Symbol.for("financial-figures.shutdown");
const shared = globalThis as { [KEY]?: Set<() => Promise<void>> };
shared[KEY] ??= new Set();
const closers = shared[KEY];

/** Registers a closer; returns what unregisters it. */
export function onShutdown(close: () => Promise<void>): () => void {
  closers.add(close);
  return () => closers.delete(close);
}

/** Runs every closer once, each failure logged and none stopping the others. */
export async function closeAll(): Promise<void> {
  const all = [...closers];
  closers.clear();
  await Promise.all(all.map((close) => close().catch((err) => console.error(`closing: ${(err as Error).message}`))));
}
