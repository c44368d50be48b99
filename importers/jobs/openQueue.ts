import type { ImportQueue } from "./queue";
import { jobsDatabasePath, openSqliteQueue } from "./sqliteQueue";

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

/**
 * The queue for this configuration: pg-boss in the PostgreSQL database DATABASE_URL names, else the jobs file
 * beside the SQLite database at `databasePath`. `where` says which, for messages.
 */
export async function openImportQueue(databasePath: () => string): Promise<{ queue: ImportQueue; where: string }> {
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    // Loaded only when asked for, as db/open.ts loads the driver: a command on SQLite starts without pg (decision 020).
    const { openPgBossQueue } = await import("./pgBossQueue");
    const shown = new URL(url);
    shown.password = shown.password ? "***" : "";
    return { queue: await openPgBossQueue(url), where: `pg-boss in ${shown.toString()}` };
  }
  const path = jobsDatabasePath(databasePath());
  return { queue: openSqliteQueue(path), where: path };
}
