import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";
import { dropConnections, walReplaced } from "../../db/heldConnections";

/**
 * Watches for the server's WAL being deleted (or replaced) under it, and then drops every connection the server
 * holds so each reopens on its next use (decision 007). Until that happens the old WAL's index stays in the
 * shared memory file and every import fails with a short read; closing the last read-write connection also
 * checkpoints the deleted WAL, which still holds the commits made before it was deleted.
 *
 * The folder is watched (inotify on Linux: a deletion is seen within milliseconds), and polled every second in
 * case the file system sends no events.
 */
export function watchWal(path: string, pollMs = 1000): () => void {
  const check = () => {
    if (!walReplaced(path)) return;
    const closed = dropConnections(path);
    console.error(
      `Database ${path}: its WAL file was deleted or replaced under the server; closed ${closed} connection(s), reopening on the next request.`,
    );
  };
  const timer = setInterval(check, pollMs);
  timer.unref();
  let watcher: FSWatcher | undefined;
  try {
    const wal = `${basename(path)}-wal`;
    watcher = watch(dirname(path), (event, name) => {
      if (event === "rename" && name === wal) check();
    });
    watcher.unref();
    watcher.on("error", () => watcher?.close());
  } catch {
    // No watching on this file system: the poll alone.
  }
  return () => {
    clearInterval(timer);
    watcher?.close();
  };
}
