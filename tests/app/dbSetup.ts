import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Points the app's database at a fresh temporary file holding the seed articles (and any extra folders), before
 * any app module opens it. Returns a cleanup function.
 *
 * In the vitest project "postgres" (TEST_BACKEND=postgres, vitest.config.ts) the seeded rows are then moved into
 * a PostgreSQL database of their own and the SQLite connection is closed: every model the test calls must read
 * PostgreSQL, since a read of SQLite would fail on the closed connection.
 */
export async function seedTemporaryDatabase(extra: string[] = []): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "figures-app-"));
  process.env.DATABASE_PATH = join(dir, "app.db");
  const { getDb } = await import("~/db.server");
  const { importFiles } = await import("../../importers/run/importFiles");
  const report = await importFiles(getDb(), ["seeds", ...extra]);
  if (report.errors.length) throw new Error(`seed import failed: ${JSON.stringify(report.errors)}`);
  const removeSqlite = () => {
    getDb().sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  };
  if (process.env.TEST_BACKEND !== "postgres") return async () => removeSqlite();
  const { moveToPostgres } = await import("../helpers/pgDb");
  const dropPostgres = await moveToPostgres(getDb().sqlite);
  removeSqlite();
  return dropPostgres;
}
