import { randomBytes } from "node:crypto";
import pg from "pg";
import { copyToPostgres } from "../../db/copyToPostgres";
import { openPostgres } from "../../db/postgres";

/**
 * The tests' PostgreSQL backend (docs/decisions/019): a database of its own per test file, created on the server
 * TEST_DATABASE_URL names, with collation C as the app requires.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const name = `figures_test_${randomBytes(6).toString("hex")}`;
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Moves what a seeded SQLite database holds into a new PostgreSQL database, migrated by the app's own opening
 * code, and points DATABASE_URL at it. Returns what undoes it.
 */
export async function moveToPostgres(sqlite: import("better-sqlite3").Database): Promise<() => Promise<void>> {
  const { url, drop } = await createTestDatabase();
  const target = await openPostgres(url);
  try {
    await copyToPostgres(sqlite, target);
  } finally {
    await target.pool.end();
  }
  process.env.DATABASE_URL = url;
  return async () => {
    delete process.env.DATABASE_URL;
    const { closePostgres } = await import("~/db.server");
    await closePostgres();
    await drop();
  };
}
