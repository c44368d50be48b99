import { inject } from "vitest";

/**
 * The environment of a command a browser test runs beside the server (`npm run user`, `npm run import`): the
 * server's database, SQLite's file or, when the setup chose PostgreSQL (TEST_DATABASE_URL set), that database.
 */
export function commandEnv(): NodeJS.ProcessEnv {
  const url = inject("databaseUrl");
  return { ...process.env, DATABASE_PATH: inject("databasePath"), ...(url ? { DATABASE_URL: url } : {}) };
}
