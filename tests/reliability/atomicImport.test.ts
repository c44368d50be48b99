/**
 * An import killed outright (SIGKILL: no handler, no cleanup, as when a machine loses power or the OOM killer
 * strikes) must leave a sound database holding only whole articles, and running the import again must finish the
 * job without duplicating anything.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../../db/client";
import {
  articleProblems,
  cleanupAll,
  count,
  describeExit,
  duplicates,
  type Expected,
  expectedArticles,
  integrityCheck,
  killGroup,
  makeTempDir,
  parseSummary,
  sleep,
  startImport,
  totalFacts,
  waitFor,
  writeArticles,
} from "./helpers";

const FILES = 3000;

let folder: string;
let dbPath: string;
let expected: Map<string, Expected>;

beforeAll(() => {
  const dir = makeTempDir("atomic");
  folder = join(dir, "articles");
  mkdirSync(folder);
  // 255 copies of real BBC articles (when the corpus is present) and small generated articles for the rest.
  const paths = writeArticles(folder, FILES, { corpusCopies: 255, seed: 11 });
  expected = expectedArticles(paths);
  dbPath = join(dir, "db", "figures.db");
  // The database exists and is migrated before the first run, as it is once the dashboard has started.
  openDatabase(dbPath).sqlite.close();
}, 60_000);

afterAll(cleanupAll);

describe("an import killed with SIGKILL", () => {
  test("leaves a sound database of whole articles, and the next run completes the import exactly once", async () => {
    // Four kills: right after a batch is seen committed, 300 ms later (most likely while extracting), and twice
    // while the importer holds the write lock, that is inside a batch's transaction with part of it written.
    const stored = new Set<string>();
    for (const moment of ["after a commit", "300 ms after a commit", "inside a write", "inside a write"] as const) {
      const before = stored.size;
      const run = startImport(dbPath, [folder], 45_000);
      // Closed before the kill, so the database is recovered from the dead writer's WAL by openDatabase alone.
      // `timeout: 0`: its BEGIN IMMEDIATE fails at once while the importer holds the write lock.
      const probe = new Database(dbPath, { fileMustExist: true, timeout: 0 });
      let writing = false;
      try {
        await waitFor(
          () => {
            if (run.exited()) return true;
            // Past the files earlier runs stored (extracted again, found unchanged): this run has committed.
            if (count(probe, "articles") <= before) return false;
            if (!moment.startsWith("inside")) return true;
            try {
              probe.exec("BEGIN IMMEDIATE");
              probe.exec("ROLLBACK");
              return false;
            } catch (err) {
              if ((err as { code?: string }).code !== "SQLITE_BUSY") throw err;
              writing = true;
              return true;
            }
          },
          40_000,
          `the import to be ${moment}`,
          1,
        );
      } finally {
        probe.close();
      }
      if (moment.startsWith("300")) await sleep(300);
      killGroup(run.child, "SIGKILL");
      const exit = await run.done;
      expect(exit.signal, `the import finished before it was killed: ${describeExit(exit)}`).toBe("SIGKILL");
      expect(exit.timedOut).toBe(false);
      if (moment.startsWith("inside")) expect(writing).toBe(true);

      // Reopening runs WAL recovery and the migrations: it must not throw.
      const handle = openDatabase(dbPath);
      try {
        expect(integrityCheck(handle)).toEqual(["ok"]);
        const n = count(handle, "articles");
        expect(n, "the killed run committed some articles").toBeGreaterThan(before);
        expect(n, "the killed run was stopped part way").toBeLessThan(FILES);
        expect(duplicates(handle)).toEqual({ sha256: [], sourcePath: [] });
        // Every stored article is whole: its row and all of its facts, exactly as extraction gives them.
        expect(articleProblems(handle, expected)).toEqual([]);
        // A killed run never got to record itself.
        expect(count(handle, "import_runs")).toBe(0);
        const paths = handle.sqlite.prepare("SELECT source_path AS p FROM articles").all() as Array<{ p: string }>;
        for (const { p } of paths) stored.add(p);
        expect(stored.size).toBe(n);
      } finally {
        handle.sqlite.close();
      }
    }

    // The next run goes to completion: what the killed runs committed is unchanged, the rest imported.
    const committed = stored.size;
    const pendingFacts = [...expected.values()]
      .filter((e) => !stored.has(e.path))
      .reduce((n, e) => n + e.facts.length, 0);
    const exit = await startImport(dbPath, [folder], 50_000).done;
    expect(exit.code, describeExit(exit)).toBe(0);
    expect(parseSummary(exit.stdout)).toEqual({
      filesRead: FILES,
      imported: FILES - committed,
      replaced: 0,
      unchanged: committed,
      factsWritten: pendingFacts,
      skipped: 0,
    });

    const handle = openDatabase(dbPath);
    try {
      expect(integrityCheck(handle)).toEqual(["ok"]);
      expect(count(handle, "articles")).toBe(FILES);
      expect(duplicates(handle)).toEqual({ sha256: [], sourcePath: [] });
      const distinct = handle.sqlite
        .prepare("SELECT count(DISTINCT sha256) AS shas, count(DISTINCT source_path) AS paths FROM articles")
        .get();
      expect(distinct).toEqual({ shas: FILES, paths: FILES });
      expect(articleProblems(handle, expected)).toEqual([]);
      expect(count(handle, "facts")).toBe(totalFacts(expected));
      const runs = handle.sqlite
        .prepare(
          "SELECT files_read AS filesRead, articles_imported AS imported, articles_unchanged AS unchanged, errors FROM import_runs",
        )
        .all();
      expect(runs).toEqual([{ filesRead: FILES, imported: FILES - committed, unchanged: committed, errors: "[]" }]);
    } finally {
      handle.sqlite.close();
    }
  }, 60_000);
});
