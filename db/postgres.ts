import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { postgresUrl, safeUrl } from "./databaseUrl";
import { busyTimeoutMs } from "./faults";
import { CHANGES_CHANNEL, committedLocally } from "./pgChanges";
import * as schema from "./schema.pg";
import { MAX_STATEMENTS, type Sql, type SqlValue } from "./sql";

export { postgresUrl, safeUrl };

export interface PgHandle {
  pool: pg.Pool;
  db: NodePgDatabase<typeof schema>;
  sql: Sql;
  url: string;
}

/** Beside this file when run from source; under the working directory when bundled. */
const migrationsFolder = [
  resolve(dirname(fileURLToPath(import.meta.url)), "migrations-pg"),
  resolve(process.cwd(), "db/migrations-pg"),
].find((dir) => existsSync(resolve(dir, "meta/_journal.json")));

/** Any number, the same in every process: who migrates holds it, the others wait and then find nothing to do. */
const MIGRATION_LOCK = 170_017;

/**
 * Connects to PostgreSQL and applies db/migrations-pg, one process at a time. Refuses a database whose text does
 * not sort by code point, as SQLite's does: company names would list in another order on each backend.
 */
export async function openPostgres(url: string, options: PgWriteOptions = {}): Promise<PgHandle> {
  if (!migrationsFolder) throw new Error("db/migrations-pg not found: run commands from the project folder");
  const pool = newPool(url);
  try {
    // datlocprovider (PostgreSQL 15) is 'i' when ICU sorts the text whatever datcollate says.
    const { rows } = await pool.query<{ collate: string; provider: string | null }>(
      `SELECT datcollate AS collate, to_jsonb(d) ->> 'datlocprovider' AS provider
       FROM pg_database d WHERE datname = current_database()`,
    );
    const { collate, provider } = rows[0] ?? { collate: "?", provider: null };
    if (!/^(C|POSIX)(\.|$)/i.test(collate) || (provider !== null && provider !== "c")) {
      throw new Error(
        `database collation is ${provider === "i" ? "ICU" : collate}: create it with LC_COLLATE 'C' (TEMPLATE ` +
          "template0, libc provider), so that names sort as on SQLite (docs/decisions/019)",
      );
    }
    const db = drizzle(pool, { schema });
    const lock = await pool.connect();
    try {
      await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(db, { migrationsFolder });
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
      lock.release();
    }
    return { pool, db, sql: postgresSql(pool, url, options), url };
  } catch (err) {
    await pool.end();
    throw err;
  }
}

/**
 * `?` placeholders as PostgreSQL's `$1, $2, ...`, leaving quoted strings and names alone (a `?` inside '...' or
 * "..." is text, not an argument).
 */
export function numberedPlaceholders(text: string): string {
  let out = "";
  let n = 0;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === "?") out += `$${++n}`;
    else out += ch;
  }
  return out;
}

/**
 * count(*) and sum() of integers come back as bigint, and avg() as numeric, which node-postgres gives as strings
 * (they may exceed a double). Counts of facts never do, and SQLite gives numbers: read them as numbers.
 */
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function newPool(url: string, max?: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, types, ...(max ? { max } : {}) });
  // An idle connection the server ends (a restart, an administrator, a dropped database) is an 'error' event on the
  // pool; unhandled, it would end the process. The pool drops that client and opens another when next asked.
  pool.on("error", (err: Error & { code?: string }) => {
    if (err.code !== "57P01") console.warn(`PostgreSQL: an idle connection was lost (${err.message})`);
  });
  return pool;
}

/**
 * PostgreSQL's text cannot hold U+0000, and an argument with one fails the whole query ("invalid byte sequence"):
 * a company name typed with a NUL in it was a 500. It becomes U+FFFD, the character a decoder puts for what it
 * cannot read: no stored name or text holds a NUL on either backend, so a comparison still finds nothing, and a
 * stored text keeps its length, so the offsets into it stay right.
 */
export const withoutNul = (v: SqlValue): SqlValue =>
  typeof v === "string" && v.includes("\u0000") ? v.replaceAll("\u0000", "\ufffd") : v;

/** Any number, the same in every process: held by each write transaction for its length (decision 020). */
export const WRITE_LOCK = 170_020;

export interface PgWriteOptions {
  /**
   * How long a write transaction waits for the write lock, in milliseconds: the server passes writeWaitMs
   * (DATABASE_WRITE_WAIT_MS, decision 040), so a lock not had by then is the same 503 as on SQLite; commands keep
   * DATABASE_BUSY_MS. PostgreSQL waits in its own process, so either wait leaves the event loop free.
   */
  lockTimeoutMs?: () => number;
}

/** `url` names the database for this process's caches, which each commit made here invalidates (db/pgChanges.ts). */
export function postgresSql(pool: pg.Pool, url?: string, options: PgWriteOptions = {}): Sql {
  const texts = new Map<string, string>();
  const numbered = (text: string) => {
    let out = texts.get(text);
    if (out === undefined) {
      if (texts.size >= MAX_STATEMENTS) texts.clear();
      out = numberedPlaceholders(text);
      texts.set(text, out);
    }
    return out;
  };
  const on = (client: pg.Pool | pg.PoolClient) => {
    const query = (text: string, args: SqlValue[]) => client.query(numbered(text), args.map(withoutNul));
    return {
      dialect: "postgres" as const,
      memoKey: null,
      all: async <T>(text: string, args: SqlValue[] = []) => (await query(text, args)).rows as T[],
      get: async <T>(text: string, args: SqlValue[] = []) => (await query(text, args)).rows[0] as T | undefined,
      run: async (text: string, args: SqlValue[] = []) => (await query(text, args)).rowCount ?? 0,
    };
  };
  return {
    ...on(pool),
    transaction: async (fn) => {
      const out = await writeTransaction(pool, on, fn, (options.lockTimeoutMs ?? busyTimeoutMs)());
      if (url) committedLocally(url);
      return out;
    },
  };
}

/**
 * One write transaction on a connection of its own. Writers take one advisory lock for the transaction's length,
 * so writes run one at a time across every instance, as SQLite's write lock makes them: an import and a merge
 * never race to create the same company, and what each reads before it writes is still true when it commits. The
 * notification is delivered to listeners only if the transaction commits (db/pgChanges.ts).
 */
async function writeTransaction<T>(
  pool: pg.Pool,
  on: (client: pg.PoolClient) => Omit<Sql, "transaction">,
  fn: (tx: Sql) => Promise<T>,
  lockTimeoutMs: number,
): Promise<T> {
  const client = await pool.connect();
  let savepoints = 0;
  const tx: Sql = {
    ...on(client),
    transaction: async (inner) => {
      const name = `sp${++savepoints}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const out = await inner(tx);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return out;
      } catch (err) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw err;
      }
    },
  };
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    // As SQLite's busy timeout: a writer waits this long for another's transaction, then fails with 55P03.
    // 0 would mean no limit at all to PostgreSQL: at least a millisecond.
    await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
    await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
    const out = await fn(tx);
    await client.query("SELECT pg_notify($1, '')", [CHANGES_CHANNEL]);
    await client.query("COMMIT");
    return out;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: Error) => {
      broken = e;
    });
    throw err;
  } finally {
    // A connection that could not even roll back is not given to the next request.
    client.release(broken);
  }
}
