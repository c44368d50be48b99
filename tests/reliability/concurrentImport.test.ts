/**
 * Imports running side by side against one database, and the dashboard reading while an import writes: SQLite in
 * WAL mode with a busy timeout (db/client.ts) and IMMEDIATE write transactions (importFiles, saveArticle) must make
 * them queue, never fail, never store an article twice and never show a reader half an article.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import {
  articleProblems,
  cleanupAll,
  count,
  describeExit,
  duplicates,
  type Expected,
  expectedArticles,
  groupHasOpen,
  type ImportExit,
  integrityCheck,
  makeTempDir,
  parseSummary,
  REPO,
  sleep,
  startImport,
  totalFacts,
  waitFor,
  writeArticles,
} from "./helpers";

afterAll(cleanupAll);

/** A fresh folder of `files` distinct articles and a migrated, empty database beside it. */
function setUp(name: string, files: number, corpusCopies: number, seed: number) {
  const dir = makeTempDir(name);
  const folder = join(dir, "articles");
  mkdirSync(folder);
  const paths = writeArticles(folder, files, { corpusCopies, seed });
  const dbPath = join(dir, "db", "figures.db");
  openDatabase(dbPath).sqlite.close();
  return { dir, folder, paths, dbPath, expected: expectedArticles(paths) };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function expectSound(dbPath: string, files: number, expected: Map<string, Expected>, runs: number) {
  const handle = openDatabase(dbPath);
  try {
    expect(integrityCheck(handle)).toEqual(["ok"]);
    expect(count(handle, "articles")).toBe(files);
    expect(duplicates(handle)).toEqual({ sha256: [], sourcePath: [] });
    expect(articleProblems(handle, expected)).toEqual([]);
    expect(count(handle, "facts")).toBe(totalFacts(expected));
    expect(count(handle, "import_runs")).toBe(runs);
  } finally {
    handle.sqlite.close();
  }
}

describe("two imports of one folder at the same time", () => {
  test("both succeed, and each article is stored once, whole", async () => {
    const FILES = 500;
    const { folder, paths, dbPath, expected } = setUp("concurrent", FILES, 100, 21);

    const first = await Promise.all([
      startImport(dbPath, [folder], 50_000).done,
      startImport(dbPath, [folder], 50_000).done,
    ]);
    for (const exit of first) expect(exit.code, describeExit(exit)).toBe(0);
    const s1 = first.map((e) => parseSummary(e.stdout));
    for (const s of s1) {
      expect(s.filesRead).toBe(FILES);
      expect(s.skipped, "no file may be skipped because the other import holds the database").toBe(0);
      expect(s.replaced).toBe(0);
    }
    // Each file was written by exactly one of the two and found unchanged by the other.
    expect(sum(s1.map((s) => s.imported))).toBe(FILES);
    expect(sum(s1.map((s) => s.unchanged))).toBe(FILES);
    expect(sum(s1.map((s) => s.factsWritten))).toBe(totalFacts(expected));
    expectSound(dbPath, FILES, expected, 2);

    // Then 50 files change and both imports run again: each changed article is replaced once, by one of them.
    const changed = paths.filter((_, i) => i % 10 === 3);
    for (const [i, p] of changed.entries()) appendFileSync(p, `\nCorrection ${i}: this article was updated.\n`);
    const updated = new Map(expected);
    for (const [p, e] of expectedArticles(changed)) updated.set(p, e);
    const second = await Promise.all([
      startImport(dbPath, [folder], 50_000).done,
      startImport(dbPath, [folder], 50_000).done,
    ]);
    for (const exit of second) expect(exit.code, describeExit(exit)).toBe(0);
    const s2 = second.map((e) => parseSummary(e.stdout));
    for (const s of s2) expect(s.skipped).toBe(0);
    expect(sum(s2.map((s) => s.imported))).toBe(0);
    expect(sum(s2.map((s) => s.replaced))).toBe(changed.length);
    expect(sum(s2.map((s) => s.unchanged))).toBe(2 * FILES - changed.length);
    expectSound(dbPath, FILES, updated, 4);
  }, 60_000);

  // BUG (db/client.ts + drizzle's migrator): openDatabase migrates with a plain BEGIN after reading which migrations
  // are applied outside any transaction, so two processes that both read "none applied" both run 0000_init.sql and
  // the second dies with "table `articles` already exists" (exit 1, nothing imported). Here the window between that
  // read and the CREATE TABLE is held open by a connection owning the write lock on a database whose
  // __drizzle_migrations table (the migrator's first statement) exists and is empty.
  test("on a database not yet migrated, both succeed", async () => {
    const dir = makeTempDir("fresh");
    const dbPath = join(dir, "figures.db");
    const holder = new Database(dbPath);
    holder.pragma("journal_mode = WAL");
    holder.exec(
      'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)',
    );
    holder.exec("BEGIN IMMEDIATE");
    const seeds = join(REPO, "seeds");
    const runs = [startImport(dbPath, [seeds], 40_000), startImport(dbPath, [seeds], 40_000)];
    try {
      // Both processes have the database open (they are then past reading the migrations table, waiting for the
      // write lock within their 10 s busy timeout); without /proc, wait long enough for them to start.
      const open = () => runs.every((r) => r.exited() || groupHasOpen(r.child, dbPath) !== false);
      await waitFor(open, 30_000, "both imports to open the database", 50);
      if (!runs.some((r) => r.exited())) {
        await sleep(runs.some((r) => groupHasOpen(r.child, dbPath) === null) ? 6000 : 2000);
      }
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    const exits: ImportExit[] = await Promise.all(runs.map((r) => r.done));
    for (const exit of exits) expect(exit.code, describeExit(exit)).toBe(0);
    const s = exits.map((e) => parseSummary(e.stdout));
    expect(sum(s.map((x) => x.imported))).toBe(5);
    const handle = openDatabase(dbPath);
    try {
      expect(count(handle, "articles")).toBe(5);
      expect(integrityCheck(handle)).toEqual(["ok"]);
    } finally {
      handle.sqlite.close();
    }
  }, 60_000);

  // BUG (db/client.ts): openDatabase's first statement, PRAGMA journal_mode = WAL, turns a brand-new (not yet WAL)
  // file into a WAL database; while another connection holds a lock on that file — the other import doing the
  // same, or migrating — SQLite answers SQLITE_BUSY at once, without waiting for the busy timeout, and the import
  // dies with "database is locked" before reading a file. Two `npm run import` started together on a database that
  // does not exist yet hit this (or the migrations race above) a few times in a hundred; here the lock is held for
  // the whole window.
  test("an import started while another connection is creating the database waits for it", async () => {
    const dir = makeTempDir("creating");
    const dbPath = join(dir, "figures.db");
    // A brand-new file (not yet WAL) whose write lock another connection holds.
    const holder = new Database(dbPath);
    holder.exec("BEGIN IMMEDIATE");
    const run = startImport(dbPath, [join(REPO, "seeds")], 40_000);
    try {
      await waitFor(() => run.exited() || groupHasOpen(run.child, dbPath) !== false, 30_000, "the import to start", 50);
      if (!run.exited()) await sleep(groupHasOpen(run.child, dbPath) === null ? 6000 : 2000);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    const exit = await run.done;
    expect(exit.code, describeExit(exit)).toBe(0);
    expect(parseSummary(exit.stdout)).toMatchObject({ filesRead: 5, imported: 5, skipped: 0 });
  }, 60_000);
});

describe("the dashboard reading while an import writes", () => {
  test("every query answers within 1 s, never SQLITE_BUSY, and never shows half an article", async () => {
    const FILES = 3000;
    const { folder, dbPath, expected } = setUp("reader", FILES, 255, 31);
    const factsOf = new Map([...expected].map(([p, e]) => [p, e.facts.length]));

    // Queries the dashboard's pages make: per-article fact counts (checked against extraction), the companies with
    // most figures, a page of the facts table, the latest articles.
    const queries = (s: Database.Database) => ({
      articleFacts: s.prepare(
        "SELECT a.source_path AS path, count(f.id) AS n FROM articles a LEFT JOIN facts f ON f.article_id = a.id GROUP BY a.id",
      ),
      topCompanies: s.prepare(
        "SELECT c.slug, count(*) AS n FROM facts f JOIN companies c ON c.id = f.company_id GROUP BY c.id ORDER BY n DESC LIMIT 20",
      ),
      factsPage: s.prepare(
        `SELECT f.id, f.kind, f.low, f.high, f.unit, f.year, a.title, c.name FROM facts f
         JOIN articles a ON a.id = f.article_id JOIN companies c ON c.id = f.company_id
         ORDER BY f.year DESC, f.id DESC LIMIT 50`,
      ),
      recentArticles: s.prepare("SELECT id, title FROM articles ORDER BY id DESC LIMIT 10"),
    });
    const errors: string[] = [];
    const slow: string[] = [];
    const torn: string[] = [];
    const seen = { early: [] as number[], late: [] as number[] };
    const round = (name: "early" | "late", handle: DbHandle) => {
      const q = queries(handle.sqlite);
      for (const [query, statement] of Object.entries(q)) {
        const t = performance.now();
        try {
          const rows = statement.all() as Array<{ path: string; n: number }>;
          if (query === "articleFacts") {
            seen[name].push(rows.length);
            for (const r of rows)
              if (factsOf.get(r.path) !== r.n)
                torn.push(`${r.path}: ${r.n} facts seen, ${factsOf.get(r.path)} expected`);
          }
        } catch (err) {
          errors.push(`${name} ${query}: ${(err as { code?: string }).code ?? ""} ${(err as Error).message}`);
        }
        const ms = performance.now() - t;
        if (ms >= 1000) slow.push(`${name} ${query}: ${Math.round(ms)} ms`);
      }
    };

    // One connection opened before the import, as a running dashboard's; one opened once the import has committed,
    // as a dashboard started mid-import.
    const early = openDatabase(dbPath);
    let late: DbHandle | undefined;
    let lateError: unknown;
    const run = startImport(dbPath, [folder], 55_000);
    try {
      while (!run.exited()) {
        round("early", early);
        if (!late && !lateError && (seen.early.at(-1) ?? 0) > 0) {
          try {
            late = openDatabase(dbPath);
          } catch (err) {
            lateError = err;
          }
        }
        if (late) round("late", late);
        await sleep(25);
      }
    } finally {
      early.sqlite.close();
      late?.sqlite.close();
    }
    const exit = await run.done;
    expect(exit.code, describeExit(exit)).toBe(0);
    expect(parseSummary(exit.stdout)).toMatchObject({ filesRead: FILES, imported: FILES, skipped: 0 });
    expect(lateError).toBeUndefined();
    expect(errors).toEqual([]);
    expect(slow).toEqual([]);
    expect(torn.slice(0, 20)).toEqual([]);
    // The reads happened while the import was part way, and each connection saw articles only ever added.
    const partial = (xs: number[]) => xs.filter((n) => n > 0 && n < FILES).length;
    expect(partial(seen.early), `article counts seen: ${seen.early.join(" ")}`).toBeGreaterThanOrEqual(20);
    expect(partial(seen.late)).toBeGreaterThanOrEqual(5);
    for (const xs of Object.values(seen)) expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expectSound(dbPath, FILES, expected, 1);
  }, 60_000);
});
