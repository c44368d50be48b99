import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { busyTimeoutMs } from "./faults";
import * as schema from "./schema";
import { type Sql, type SqliteSqlOptions, sqliteSql } from "./sql";

export type FiguresDb = BetterSQLite3Database<typeof schema>;
export interface DbHandle {
  sqlite: Database.Database;
  db: FiguresDb;
  /** The same connection behind the interface the models share with PostgreSQL (db/sql.ts). */
  sql: Sql;
  path: string;
}

/** Beside this file when run from source; under the working directory when bundled into the Remix build. */
const migrationsFolder = [
  resolve(dirname(fileURLToPath(import.meta.url)), "migrations"),
  resolve(process.cwd(), "db/migrations"),
].find((dir) => existsSync(resolve(dir, "meta/_journal.json")));

/** The SQLite file the app and every command use when DATABASE_URL names no PostgreSQL database (db/open.ts). */
export function defaultDatabasePath(): string {
  return process.env.DATABASE_PATH || resolve(process.cwd(), "data/figures.db");
}

/**
 * Opens (creating if needed) and migrates the database; every entry point goes through here. The server's
 * connections pass `writesWaitOnTimers` (db/sql.ts, decision 040); commands keep the blocking busy timeout.
 */
export function openDatabase(path = defaultDatabasePath(), options: SqliteSqlOptions = {}): DbHandle {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  // WAL lets the dashboard read while an import writes. Switching a new file to WAL fails at once, busy timeout
  // or not, while another process is creating it: wait for that process instead.
  whileBusy(() => sqlite.pragma("journal_mode = WAL"));
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  if (!migrationsFolder) throw new Error("db/migrations not found: run commands from the project folder");
  migrateOnce(db, migrationsFolder);
  return { sqlite, db, sql: sqliteSql(sqlite, options), path };
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

/** Retries an operation that SQLite refuses while another connection holds its lock, up to the busy timeout. */
function whileBusy<T>(operation: () => T): T {
  const limit = busyTimeoutMs();
  for (let waited = 0; ; waited += 50) {
    try {
      return operation();
    } catch (err) {
      if ((err as { code?: string }).code !== "SQLITE_BUSY" || waited >= limit) throw err;
      sleep(50);
    }
  }
}

/**
 * drizzle reads which migrations are applied before it takes a write lock, so two processes opening a new
 * database can both start the first one: the loser finds the tables already made. Its migrations are then the
 * winner's, done or under way, so it waits for the lock and checks again.
 */
function migrateOnce(db: FiguresDb, folder: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      whileBusy(() => migrate(db, { migrationsFolder: folder }));
      return;
    } catch (err) {
      const message = `${(err as Error).message} ${(err as { cause?: Error }).cause?.message ?? ""}`;
      if (!/already exists/.test(message) || attempt >= 5) throw err;
      sleep(100 * attempt);
    }
  }
}
