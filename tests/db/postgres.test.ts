import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyToPostgres } from "../../db/copyToPostgres";
import { openPostgres, type PgHandle } from "../../db/postgres";
import { isLocked } from "../../db/writeWait";
import { importFiles } from "../../importers/run/importFiles";
import { createTestDatabase } from "../helpers/pgDb";
import { tempDb } from "../helpers/tempDb";

/**
 * The PostgreSQL backend itself (docs/decisions/019), against the server TEST_DATABASE_URL names: run only in the
 * vitest project "postgres".
 */
const dropAfter: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of dropAfter) await drop();
});

async function freshDatabase(): Promise<string> {
  const { url, drop } = await createTestDatabase();
  dropAfter.push(drop);
  return url;
}

describe("opening PostgreSQL", () => {
  test("migrates a new database to the tables of db/schema.pg.ts, once even when two processes open it at once", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
    try {
      const tables = await a.sql.all<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      expect(tables.map((t) => t.name)).toEqual([
        "articles",
        "audit_log",
        "companies",
        "company_aliases",
        "company_redirects",
        "company_removals",
        "fact_reviews",
        "fact_segments",
        "facts",
        "import_runs",
        "login_failures",
        "users",
      ]);
      // Every migration of db/migrations-pg applied, each once.
      const journal = JSON.parse(readFileSync("db/migrations-pg/meta/_journal.json", "utf8")) as { entries: unknown[] };
      expect(journal.entries.length).toBeGreaterThanOrEqual(2);
      const migrations = { n: journal.entries.length };
      expect(await b.sql.get("SELECT count(*) AS n FROM drizzle.__drizzle_migrations")).toEqual(migrations);
      // Opened again: nothing left to apply.
      const again = await openPostgres(url);
      await again.pool.end();
      expect(await a.sql.get("SELECT count(*) AS n FROM drizzle.__drizzle_migrations")).toEqual(migrations);
    } finally {
      await a.pool.end();
      await b.pool.end();
    }
  });

  test("refuses a database whose names would sort otherwise than on SQLite, and says how to make one", async () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const name = `figures_test_icu_${process.pid}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`);
    await client.end();
    dropAfter.push(async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
    const url = new URL(admin);
    url.pathname = `/${name}`;
    await expect(openPostgres(url.toString())).rejects.toThrow(/collation is ICU: create it with LC_COLLATE 'C'/);
  });
});

describe("the Sql interface on PostgreSQL", () => {
  let handle: PgHandle;
  beforeAll(async () => {
    handle = await openPostgres(await freshDatabase());
  });
  afterAll(() => handle?.pool.end());

  test("takes ? arguments, reads counts as numbers, and says how many rows a statement changed", async () => {
    const { sql } = handle;
    expect(sql.dialect).toBe("postgres");
    expect(await sql.run("INSERT INTO companies (name, slug) VALUES (?, ?), (?, ?)", ["A?", "a", "B", "b"])).toBe(2);
    expect(
      await sql.all("SELECT name, '?' AS mark FROM companies WHERE slug IN (?, ?) ORDER BY name", ["a", "b"]),
    ).toEqual([
      { name: "A?", mark: "?" },
      { name: "B", mark: "?" },
    ]);
    expect(await sql.get('SELECT count(*) AS n, avg(id) AS "meanId" FROM companies')).toEqual({ n: 2, meanId: 1.5 });
    expect(await sql.get("SELECT id FROM companies WHERE slug = ?", ["none"])).toBeUndefined();
  });

  test("an argument holding a NUL (which PostgreSQL's text cannot) matches nothing instead of failing", async () => {
    const { sql } = handle;
    expect(await sql.get("SELECT id FROM companies WHERE name = ?", ["A\u0000"])).toBeUndefined();
    expect(await sql.get("SELECT ? AS typed", ["a\u0000b"])).toEqual({ typed: "a\ufffdb" });
  });
});

describe("a server's write waiting for the write lock on PostgreSQL", () => {
  test("waits lockTimeoutMs for another's transaction, then fails with 55P03 (the 503) writing nothing", async () => {
    const url = await freshDatabase();
    // As app/db.server.ts opens it: the write lock waited for DATABASE_WRITE_WAIT_MS, here 600 ms (decision 040).
    const server = await openPostgres(url, { lockTimeoutMs: () => 600 });
    const other = await openPostgres(url);
    try {
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let holding = () => {};
      const taken = new Promise<void>((r) => {
        holding = r;
      });
      // Another instance's transaction, holding the write lock until released.
      const otherWrite = other.sql.transaction(async (tx) => {
        await tx.run("INSERT INTO companies (name, slug) VALUES (?, ?)", ["Held", "held"]);
        holding();
        await held;
      });
      await taken;
      const started = performance.now();
      const failure = await server.sql
        .transaction((tx) => tx.run("INSERT INTO companies (name, slug) VALUES (?, ?)", ["Late", "late"]))
        .catch((err: unknown) => err);
      const waited = performance.now() - started;
      expect((failure as { code?: string }).code).toBe("55P03");
      expect(isLocked(failure)).toBe(true);
      expect(waited).toBeGreaterThanOrEqual(550);
      expect(waited).toBeLessThan(5_000);

      // Once the other commits, the same write goes through.
      const waiting = server.sql.transaction((tx) =>
        tx.run("INSERT INTO companies (name, slug) VALUES (?, ?)", ["Later", "later"]),
      );
      release();
      await otherWrite;
      expect(await waiting).toBe(1);
      expect(await server.sql.all("SELECT slug FROM companies ORDER BY slug")).toEqual([
        { slug: "held" },
        { slug: "later" },
      ]);
    } finally {
      await server.pool.end();
      await other.pool.end();
    }
  });
});

describe("copying a SQLite database into PostgreSQL", () => {
  test("every row of every table, ids and flags as they were; new rows are numbered after them", async () => {
    const lite = tempDb();
    const target = await openPostgres(await freshDatabase());
    try {
      const report = await importFiles(lite.handle, ["seeds", "tests/fixtures/dashboard"]);
      expect(report.errors).toEqual([]);
      lite.handle.sqlite.prepare("UPDATE facts SET approximate = 1 WHERE id = 2").run();
      const counts = await copyToPostgres(lite.handle.sqlite, target);
      const sqliteCount = (table: string) =>
        (lite.handle.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(counts.facts).toBeGreaterThan(10);
      for (const [table, n] of Object.entries(counts)) {
        expect(n, table).toBe(sqliteCount(table));
        expect(await target.sql.get(`SELECT count(*) AS n FROM ${table}`), table).toEqual({ n });
      }
      const columns = "id, article_id, kind, company_id, year, period, low, high, unit, status, quote, stated";
      const liteFacts = lite.handle.sqlite.prepare(`SELECT ${columns} FROM facts ORDER BY id`).all();
      expect(await target.sql.all(`SELECT ${columns} FROM facts ORDER BY id`)).toEqual(liteFacts);
      expect(await target.sql.all("SELECT id, approximate FROM facts WHERE id IN (1, 2) ORDER BY id")).toEqual([
        { id: 1, approximate: false },
        { id: 2, approximate: true },
      ]);
      const maxId = (await target.sql.get<{ id: number }>("SELECT max(id) AS id FROM companies"))!.id;
      expect(await target.sql.get("INSERT INTO companies (name, slug) VALUES ('New', 'new') RETURNING id")).toEqual({
        id: maxId + 1,
      });
      await expect(copyToPostgres(new Database(":memory:"), target)).rejects.toThrow(/already holds companies/);
    } finally {
      await target.pool.end();
      lite.cleanup();
    }
  });
});
