/**
 * Builds (or reuses) the web benchmark's database: a million facts over ten thousand companies, written straight
 * through prepared statements because the importer's per-article transactions would take many minutes.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { openDatabase } from "../client";
import { type BenchCompany, buildCompanies } from "./companies";
import { draftFact, type FactDraft, LAST_YEAR } from "./facts";
import { int, makeRandom, pick, type Rand } from "./random";

export const BENCH_COMPANIES = 10_000;
export const BENCH_FACTS = 1_000_000;
const SEED = 20_100_601;
/**
 * Stored in PRAGMA user_version: the high half marks a file as ours, so a --db pointing at a real database is
 * never replaced; the low half names the generator and the migrations it saw, so a database made before a
 * generator change or a new migration (whose new columns it would leave empty) is rebuilt.
 */
const BENCH_MAGIC = 0x4245_0000;
const GENERATOR_VERSION = 1;
const isBench = (version: number) => (version & 0xffff_0000) === BENCH_MAGIC;
const MIGRATIONS_JOURNAL = resolve(dirname(fileURLToPath(import.meta.url)), "../migrations/meta/_journal.json");

function expectedVersion(): number {
  const migrations = (JSON.parse(readFileSync(MIGRATIONS_JOURNAL, "utf8")) as { entries: unknown[] }).entries.length;
  return BENCH_MAGIC | (GENERATOR_VERSION << 8) | migrations;
}

const HEADLINES = ["results", "trading update", "in brief", "outlook", "full-year figures", "half-year figures"];

export interface BenchDatabase {
  path: string;
  generated: boolean;
  seconds: number;
  companies: number;
  facts: number;
  articles: number;
}

type Counts = Pick<BenchDatabase, "companies" | "facts" | "articles">;

function inspect(path: string): { version: number; counts: Counts } {
  const sqlite = new Database(path, { fileMustExist: true });
  try {
    const version = sqlite.pragma("user_version", { simple: true }) as number;
    if (!isBench(version)) return { version, counts: { companies: 0, facts: 0, articles: 0 } };
    const n = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { version, counts: { companies: n("companies"), facts: n("facts"), articles: n("articles") } };
  } finally {
    sqlite.close();
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
}

/** Returns the database at `path`, generating it unless a complete one from this generator is already there. */
export function ensureBenchDatabase(path: string, log: (line: string) => void): BenchDatabase {
  if (existsSync(path)) {
    const { version, counts } = inspect(path);
    if (!isBench(version)) {
      throw new Error(`${path} exists and was not made by this benchmark: choose another --db or delete it`);
    }
    if (version === expectedVersion() && counts.companies === BENCH_COMPANIES && counts.facts === BENCH_FACTS) {
      return { path, generated: false, seconds: 0, ...counts };
    }
    log(`${path} was made by an older generator or before the latest migration: rebuilding it`);
    removeDatabase(path);
  }
  const started = performance.now();
  // Written aside and renamed when complete, so an interrupted run never leaves a half-filled database to reuse.
  const partial = `${path}.partial`;
  removeDatabase(partial);
  const counts = generate(partial, log);
  renameSync(partial, path);
  return { path, generated: true, seconds: (performance.now() - started) / 1000, ...counts };
}

function generate(path: string, log: (line: string) => void): Counts {
  const { sqlite } = openDatabase(path);
  // The file is thrown away if anything fails, so neither durability nor a journal is worth paying for; the rows
  // are consistent by construction, so the foreign-key lookups on every fact are skipped too.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("cache_size = -262144");

  const r = makeRandom(SEED);
  const companies = buildCompanies(r, BENCH_COMPANIES, BENCH_FACTS);
  const insertCompany = sqlite.prepare("INSERT INTO companies (id, name, slug) VALUES (?, ?, ?)");
  const insertAlias = sqlite.prepare("INSERT INTO company_aliases (alias, company_id) VALUES (?, ?)");
  sqlite.transaction(() => {
    for (const c of companies) {
      insertCompany.run(c.id, c.name, c.slug);
      for (const alias of c.aliases) insertAlias.run(alias, c.id);
    }
  })();

  const writer = articleWriter(sqlite, r, companies);
  let buffer: FactDraft[] = [];
  let size = int(r, 10, 30);
  let written = 0;
  // Facts are drawn company by company and cut into articles of 10 to 30, so an article is mostly about one company.
  const writeCompanies = sqlite.transaction((slice: BenchCompany[]) => {
    for (const c of slice) {
      for (let i = 0; i < c.factCount; i++) {
        buffer.push(draftFact(r, c, companies));
        if (buffer.length < size) continue;
        writer.write(buffer);
        buffer = [];
        size = int(r, 10, 30);
      }
      written += c.factCount;
    }
  });
  const slice = 500;
  for (let i = 0; i < companies.length; i += slice) {
    writeCompanies(companies.slice(i, i + slice));
    if ((i / slice) % 4 === 3) log(`  ${written.toLocaleString("en-GB")} facts written`);
  }
  if (buffer.length) sqlite.transaction(() => writer.write(buffer))();

  sqlite.pragma(`user_version = ${expectedVersion()}`);
  sqlite.close();
  return { companies: companies.length, facts: written, articles: writer.articles() };
}

function articleWriter(sqlite: Database.Database, r: Rand, companies: readonly BenchCompany[]) {
  const insertArticle = sqlite.prepare(
    `INSERT INTO articles (id, source_path, sha256, title, published_year, published_year_source, cleaned_text)
     VALUES (?, ?, ?, ?, ?, 'date-line', ?)`,
  );
  // Figure offsets arrived with a later migration: filled when the schema has them, so the benchmark runs on both.
  const columns = new Set((sqlite.pragma("table_info(facts)") as Array<{ name: string }>).map((c) => c.name));
  const figureColumns = columns.has("figure_start") && columns.has("figure_end");
  const insertFact = sqlite.prepare(
    `INSERT INTO facts (article_id, kind, company_id, counterparty_id, market, year, period, low, high, unit, status,
       approximate, compared_year, compared_period, quote, start, "end", stated${figureColumns ? ", figure_start, figure_end" : ""})
     VALUES (${Array(figureColumns ? 20 : 18)
       .fill("?")
       .join(", ")})`,
  );
  let id = 0;
  return {
    articles: () => id,
    write(facts: FactDraft[]): void {
      id++;
      const title = `${companies[facts[0].companyId - 1].name} ${pick(r, HEADLINES)}`;
      let text = `${title}\n\n`;
      const starts: number[] = [];
      facts.forEach((f, i) => {
        if (i > 0) text += i % 4 === 0 ? "\n\n" : " ";
        starts.push(text.length);
        text += f.sentence;
      });
      const sourcePath = `bench/${String(id).padStart(6, "0")}.txt`;
      const sha = createHash("sha256").update(`${sourcePath}\n${text}`).digest("hex");
      const published = Math.min(LAST_YEAR + 1, Math.max(...facts.map((f) => f.year ?? 0)) + 1);
      insertArticle.run(id, sourcePath, sha, title, published, text);
      facts.forEach((f, i) => {
        const start = starts[i];
        const row = [
          id,
          f.kind,
          f.companyId,
          f.counterpartyId,
          f.market,
          f.year,
          f.period,
          f.low,
          f.high,
          f.unit,
          f.status,
          f.approximate ? 1 : 0,
          f.comparedYear,
          f.comparedPeriod,
          f.sentence,
          start,
          start + f.sentence.length,
          f.stated,
        ];
        const figureAt = start + f.sentence.indexOf(f.figure);
        insertFact.run(figureColumns ? [...row, figureAt, figureAt + f.figure.length] : row);
      });
    },
  };
}
