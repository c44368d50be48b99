import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbHandle, openDatabase } from "../../db/client";

/** A migrated database in a fresh temporary folder, removed by the returned cleanup. */
export function tempDb(): { handle: DbHandle; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "figures-test-"));
  const handle = openDatabase(join(dir, "test.db"));
  return {
    handle,
    dir,
    cleanup: () => {
      handle.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
