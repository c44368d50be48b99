import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/client";
import { openPostgres } from "../../db/postgres";
import type { Sql } from "../../db/sql";
import { createTestDatabase } from "./pgDb";

/**
 * A fresh SQLite file and a fresh PostgreSQL database side by side (decision 020): the write path's tests run the
 * same steps on each and compare what they hold. Needs TEST_DATABASE_URL (the vitest project "postgres").
 */
export interface Backends {
  sqlite: Sql;
  postgres: Sql;
  /** A folder of its own for articles the test changes. */
  dir: string;
  /** The PostgreSQL database's URL, for a second pool (another instance) or a child process. */
  url: string;
  close: () => Promise<void>;
}

export async function openBoth(): Promise<Backends> {
  const dir = mkdtempSync(join(tmpdir(), "figures-both-"));
  const lite = openDatabase(join(dir, "both.db"));
  const { url, drop } = await createTestDatabase();
  const pg = await openPostgres(url);
  return {
    sqlite: lite.sql,
    postgres: pg.sql,
    dir,
    url,
    close: async () => {
      lite.sqlite.close();
      await pg.pool.end();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Copies the seeds and every fixture folder of invented articles into `dir/articles`; returns that folder. */
export function articleFolder(dir: string): string {
  const folder = join(dir, "articles");
  mkdirSync(folder, { recursive: true });
  for (const f of readdirSync("seeds").filter((n) => n.endsWith(".txt")))
    copyFileSync(join("seeds", f), join(folder, f));
  for (const sub of ["dashboard", "stakes", "segments", "declines", "currencies", "quarters"]) {
    cpSync(join("tests/fixtures", sub), join(folder, sub), { recursive: true });
  }
  return folder;
}

/** Every stored fact with its article, companies, segment and review, in one order both backends give alike. */
export async function storedFacts(sql: Sql): Promise<Array<Record<string, unknown>>> {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT a.source_path AS path, a.sha256, a.title, a.published_year AS "publishedYear", f.kind, c.name AS company,
       c.slug, cp.name AS counterparty, f.market, f.year, f.period, f.low, f.high, f.unit, f.status, f.approximate,
       f.compared_year AS "comparedYear", f.compared_period AS "comparedPeriod", f.quote, f.start, f."end",
       f.figure_start AS "figureStart", f.figure_end AS "figureEnd", f.stated, s.segment, r.state AS review,
       r.corrected
     FROM facts f JOIN articles a ON a.id = f.article_id JOIN companies c ON c.id = f.company_id
     LEFT JOIN companies cp ON cp.id = f.counterparty_id LEFT JOIN fact_segments s ON s.fact_id = f.id
     LEFT JOIN fact_reviews r ON r.fact_id = f.id
     ORDER BY a.source_path, f.start, f.figure_start, f.kind, f.low, f.id`,
  );
  // SQLite keeps the flag as 0 or 1, PostgreSQL as a boolean.
  return rows.map((r) => ({ ...r, approximate: Boolean(r.approximate) }));
}

/** Rows of a table in id order, without the columns that hold the time of the change. */
export async function tableRows(sql: Sql, table: string, columns: string): Promise<unknown[]> {
  return sql.all(`SELECT ${columns} FROM ${table} ORDER BY 1`);
}
