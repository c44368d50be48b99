import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Points the app's database at a fresh temporary file holding the seed articles (and any extra folders), before
 * any app module opens it. Returns a cleanup function.
 */
export async function seedTemporaryDatabase(extra: string[] = []): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "figures-app-"));
  process.env.DATABASE_PATH = join(dir, "app.db");
  const { getDb } = await import("~/db.server");
  const { importFiles } = await import("../../importers/run/importFiles");
  const report = importFiles(getDb(), ["seeds", ...extra]);
  if (report.errors.length) throw new Error(`seed import failed: ${JSON.stringify(report.errors)}`);
  return () => {
    getDb().sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
