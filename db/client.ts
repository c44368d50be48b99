import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type FiguresDb = BetterSQLite3Database<typeof schema>;
export interface DbHandle {
  sqlite: Database.Database;
  db: FiguresDb;
  path: string;
}

/** Beside this file when run from source; under the working directory when bundled into the Remix build. */
const migrationsFolder = [
  resolve(dirname(fileURLToPath(import.meta.url)), "migrations"),
  resolve(process.cwd(), "db/migrations"),
].find((dir) => existsSync(resolve(dir, "meta/_journal.json")));

export function defaultDatabasePath(): string {
  return process.env.DATABASE_PATH || resolve(process.cwd(), "data/figures.db");
}

/** Opens (creating if needed) and migrates the database; every entry point goes through here. */
export function openDatabase(path = defaultDatabasePath()): DbHandle {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets the dashboard read while an import writes; the busy timeout lets two imports queue.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  if (!migrationsFolder) throw new Error("db/migrations not found: run commands from the project folder");
  migrate(db, { migrationsFolder });
  return { sqlite, db, path };
}
