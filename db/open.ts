import { type DbHandle, defaultDatabasePath, openDatabase } from "./client";
import { postgresUrl, safeUrl } from "./databaseUrl";
import type { Sql } from "./sql";

/** The database a command works on: PostgreSQL when DATABASE_URL names one, else SQLite at DATABASE_PATH. */
export interface OpenedDatabase {
  sql: Sql;
  /** Its file, or PostgreSQL's URL without the password: for messages. */
  name: string;
  /** The SQLite connection, for what only SQLite has (quick_check); undefined on PostgreSQL. */
  sqlite?: DbHandle;
  close(): Promise<void>;
}

/** Opens (and migrates) the database the environment chooses; `path` picks a SQLite file instead (--db). */
export async function openChosenDatabase(path?: string): Promise<OpenedDatabase> {
  const url = path ? undefined : postgresUrl();
  if (url) {
    // Loaded only when asked for: the driver and its migrator cost a command on SQLite about 70 ms to start.
    const { openPostgres } = await import("./postgres");
    const pg = await openPostgres(url);
    return { sql: pg.sql, name: safeUrl(url), close: () => pg.pool.end() };
  }
  const handle = openDatabase(path ?? defaultDatabasePath());
  return {
    sql: handle.sql,
    name: handle.path,
    sqlite: handle,
    close: async () => {
      handle.sqlite.close();
    },
  };
}

/** What a command is about to open, for a message when opening fails. */
export function chosenDatabaseName(path?: string): string {
  const url = path ? undefined : postgresUrl();
  return url ? safeUrl(url) : (path ?? defaultDatabasePath());
}
