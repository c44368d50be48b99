import { spawnSync } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mergeCompany, removeCompany, renameCompany } from "../../db/companies";
import { undoMerge, undoRemoval } from "../../db/companyUndo";
import { conflictGroup, settleFigure } from "../../db/figureConflicts";
import { openPostgres } from "../../db/postgres";
import { reviewFact } from "../../db/reviews";
import type { Sql } from "../../db/sql";
import { saveArticle } from "../../db/store";
import { addUser, findUser, removeUser, setPassword, setRole } from "../../db/users";
import { extractArticle } from "../../importers/pipeline";
import { importFiles } from "../../importers/run/importFiles";
import { scoreReviewed } from "../../scripts/evalReviewed";
import { articleFolder, type Backends, openBoth, storedFacts, tableRows } from "../helpers/bothBackends";

/**
 * The write path on PostgreSQL (decision 020): the same imports, reviews, company edits and user changes on a
 * SQLite file and on a PostgreSQL database, and what each then holds compared value by value. Run in the vitest
 * project "postgres" (TEST_DATABASE_URL).
 */
let both: Backends;
let folder: string;
const each = async <T>(step: (sql: Sql, backend: "sqlite" | "postgres") => Promise<T>) => ({
  sqlite: await step(both.sqlite, "sqlite"),
  postgres: await step(both.postgres, "postgres"),
});

beforeAll(async () => {
  both = await openBoth();
  folder = articleFolder(both.dir);
}, 60_000);
afterAll(async () => {
  await both?.close();
});

const renault2008 = (sql: Sql) =>
  sql.get<{ id: number; low: number }>(
    `SELECT f.id, f.low FROM facts f JOIN companies c ON c.id = f.company_id
     WHERE c.slug = 'renault' AND f.kind = 'revenue' AND f.year = 2008 ORDER BY f.id LIMIT 1`,
  );

const AUDIT = "user_name, action, subject, before, after";

describe("imports on PostgreSQL", () => {
  test("store the same articles, facts and segments as on SQLite, and the same bytes again change nothing", async () => {
    const files = readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith(".txt")).length;
    const first = await each((sql) => importFiles(sql, [folder]));
    expect(first.postgres.errors).toEqual([]);
    expect(first.postgres.articlesImported).toBe(files);
    const { startedAt: _a, ...pg } = first.postgres;
    const { startedAt: _b, ...lite } = first.sqlite;
    expect(pg).toEqual(lite);
    const facts = await each(storedFacts);
    expect(facts.postgres.length).toBe(first.sqlite.factsWritten);
    expect(facts.postgres).toEqual(facts.sqlite);
    // Values, not only agreement: the seed's Renault revenue, and the segment of the Halvern fixture.
    expect(await renault2008(both.postgres)).toMatchObject({ low: 37790000000 });
    expect(facts.postgres.filter((f) => f.segment).map((f) => [f.company, f.segment, f.low])).toEqual(
      facts.sqlite.filter((f) => f.segment).map((f) => [f.company, f.segment, f.low]),
    );
    expect(facts.postgres.some((f) => f.segment)).toBe(true);

    const again = await each((sql) => importFiles(sql, [folder]));
    expect([again.postgres.articlesUnchanged, again.postgres.articlesImported, again.postgres.factsWritten]).toEqual([
      files,
      0,
      0,
    ]);
    expect(await storedFacts(both.postgres)).toEqual(facts.postgres);
    const runs = await each((sql) =>
      tableRows(sql, "import_runs", "files_read, articles_imported, articles_unchanged"),
    );
    expect(runs.postgres).toEqual(runs.sqlite);
    expect(runs.postgres).toEqual([
      { files_read: files, articles_imported: files, articles_unchanged: 0 },
      { files_read: files, articles_imported: 0, articles_unchanged: files },
    ]);
  });

  test("a changed file replaces its article; corrections and rejections are applied again to the new facts", async () => {
    await each(async (sql) => {
      const fact = (await renault2008(sql))!;
      await reviewFact(
        sql,
        fact.id,
        {
          action: "correct",
          values: {
            company: "Renault",
            counterparty: null,
            market: null,
            year: 2008,
            period: "FY",
            low: 37800000000,
            high: 37800000000,
            unit: "EUR",
            status: "actual",
            approximate: false,
          },
        },
        "ana",
      );
      const stake = (await sql.get<{ id: number }>("SELECT id FROM facts WHERE kind = 'stake' AND low = 44"))!;
      await reviewFact(sql, stake.id, { action: "reject" }, "ana");
    });
    appendFileSync(join(folder, "000_c0781cebfd980f41.txt"), "\nA line added later.\n");
    appendFileSync(join(folder, "002_e51498022814d686.txt"), "\nAnother line added later.\n");
    const report = await each((sql) => importFiles(sql, [folder]));
    expect(report.postgres.articlesReplaced).toBe(2);
    expect(report.postgres.articlesReplaced).toBe(report.sqlite.articlesReplaced);
    const facts = await each(storedFacts);
    expect(facts.postgres).toEqual(facts.sqlite);
    const renault = facts.postgres.find((f) => f.company === "Renault" && f.kind === "revenue" && f.year === 2008);
    expect(renault).toMatchObject({ low: 37800000000, high: 37800000000, review: "corrected" });
    expect(facts.postgres.some((f) => f.kind === "stake" && f.low === 44)).toBe(false);
    const reviews = await each((sql) => tableRows(sql, "fact_reviews", "article_path, state, orphaned = TRUE AS lost"));
    expect(reviews.postgres).toEqual(
      (reviews.sqlite as Array<Record<string, unknown>>).map((r) => ({ ...r, lost: Boolean(r.lost) })),
    );
    // The reviewed facts score the extractor alike on both (npm run eval -- --reviewed).
    const scores = await each(scoreReviewed);
    expect(scores.postgres.score).toEqual(scores.sqlite.score);
    expect(scores.postgres.gold).toBe(1);
  });

  test("an article goes in whole or not at all: a failure after its facts were written leaves none", async () => {
    const path = join(folder, "stakes", readdirSync(join(folder, "stakes"))[0]);
    appendFileSync(path, "\nChanged once more.\n");
    const result = extractArticle(readFileSync(path), path);
    const before = await each(storedFacts);
    await each((sql) =>
      expect(
        sql.transaction(async (tx) => {
          await saveArticle(tx, extractArticle(Buffer.from("Brisk owns 12% of Parlow."), join(both.dir, "x.txt")));
          await saveArticle(tx, result);
          throw new Error("stopped after two articles");
        }),
      ).rejects.toThrow("stopped after two articles"),
    );
    expect(await storedFacts(both.postgres)).toEqual(before.postgres);
    expect(await both.postgres.get("SELECT count(*) AS n FROM articles WHERE source_path LIKE ?", ["%x.txt"])).toEqual({
      n: 0,
    });
  });

  test("two instances importing the same folder at once store each article once", async () => {
    const other = await openPostgres(both.url);
    try {
      const [a, b] = await Promise.all([importFiles(both.postgres, [folder]), importFiles(other.sql, [folder])]);
      // The file changed by the last test is new to the database: one instance stores it, the other finds it.
      expect(a.articlesReplaced + b.articlesReplaced).toBe(1);
      expect(a.errors.concat(b.errors)).toEqual([]);
      const dupes = await both.postgres.all(
        "SELECT sha256, count(*) AS n FROM articles GROUP BY sha256 HAVING count(*) > 1",
      );
      expect(dupes).toEqual([]);
      await importFiles(both.sqlite, [folder]);
      expect(await storedFacts(both.postgres)).toEqual(await storedFacts(both.sqlite));
    } finally {
      await other.pool.end();
    }
  });
});

describe("company edits, users and the audit trail on PostgreSQL", () => {
  test("a figure conflict groups and settles alike: the figure kept confirmed, the other superseded", async () => {
    writeFileSync(
      join(folder, "quellmark-a.txt"),
      "Quellmark results\n\nQuellmark said its revenue was €2.9 billion in 2008.\n",
    );
    writeFileSync(
      join(folder, "quellmark-b.txt"),
      "Quellmark filing\n\nQuellmark said its revenue was €3.1 billion in 2008.\n",
    );
    const settled = await each(async (sql) => {
      await importFiles(sql, [folder]);
      const kept = (await sql.get<{ id: number }>("SELECT id FROM facts WHERE low = 2900000000"))!;
      const group = await conflictGroup(sql, kept.id);
      expect(group.map((f) => f.low)).toEqual([2900000000, 3100000000]);
      return settleFigure(sql, kept.id, "ana");
    });
    // Ids may differ: PostgreSQL's sequences move on in transactions that rolled back (an earlier test's).
    expect(settled.postgres.confirmed.length).toBe(settled.sqlite.confirmed.length);
    expect(settled.postgres.superseded.length).toBe(settled.sqlite.superseded.length);
    expect([settled.postgres.confirmed.length, settled.postgres.superseded.length]).toEqual([1, 1]);
    const facts = await each(storedFacts);
    expect(facts.postgres).toEqual(facts.sqlite);
    expect(facts.postgres.filter((f) => f.company === "Quellmark").map((f) => [f.low, f.review])).toEqual([
      [2900000000, "confirmed"],
    ]);
  });

  test("a rename, a merge and a removal leave the same companies, aliases, redirects and facts", async () => {
    await each(async (sql) => {
      const id = async (slug: string) =>
        (await sql.get<{ id: number }>("SELECT id FROM companies WHERE slug = ?", [slug]))!.id;
      await renameCompany(sql, await id("nissan"), "Nissan Motor", "ana");
      await mergeCompany(sql, await id("brisk-foods"), await id("renault"), "ana");
      await expect(mergeCompany(sql, await id("renault"), await id("renault"), "ana")).rejects.toThrow(
        "cannot be merged into itself",
      );
      const removed = await removeCompany(sql, await id("harlow"), "ana");
      expect(removed.rejected).toBeGreaterThan(0);
    });
    // The trail names rows by id, which PostgreSQL's sequences number differently after a rollback: ids aside.
    const trail = await each(async (sql) =>
      (
        await sql.all<{ action: string; subject: string; before: string | null; after: string | null }>(
          `SELECT ${AUDIT} FROM audit_log ORDER BY id`,
        )
      ).map((r) => ({
        ...r,
        subject: r.subject.replace(/\b(fact|company|article) \d+/g, "$1 #"),
        // What an undo needs (db/companyUndo.ts) is rows as each backend stores them (ids, 0 or false): kept aside.
        before: r.before?.replace(/,"undo":\{.*\}\}$/, ',"undo":"#"}'),
        after: r.after?.replace(/"(confirmed|superseded|factIds)":\[[\d,]*\]/g, '"$1":[#]'),
      })),
    );
    expect(trail.postgres).toEqual(trail.sqlite);
    expect(trail.postgres.map((r) => r.action)).toEqual([
      "fact.correct",
      "fact.reject",
      "figure.settle",
      "company.rename",
      "company.merge",
      "company.remove",
    ]);
    for (const [table, columns] of [
      ["companies", "name, slug"],
      ["company_aliases", "alias, (SELECT slug FROM companies c WHERE c.id = company_id) AS company"],
      ["company_redirects", "slug, (SELECT slug FROM companies c WHERE c.id = company_id) AS company"],
      ["company_removals", "(SELECT slug FROM companies c WHERE c.id = company_id) AS company, user_name"],
    ]) {
      const rows = await each((sql) => tableRows(sql, table, columns));
      expect(rows.postgres, table).toEqual(rows.sqlite);
    }
    const facts = await each(storedFacts);
    expect(facts.postgres).toEqual(facts.sqlite);
    expect(facts.postgres.some((f) => f.company === "Nissan Motor" || f.counterparty === "Nissan Motor")).toBe(true);
    expect(facts.postgres.some((f) => f.company === "Brisk Foods" || f.counterparty === "Brisk Foods")).toBe(false);
    expect(facts.postgres.some((f) => f.company === "Harlow")).toBe(false);
  });

  test("users are added, changed and removed alike, each change in the audit trail", async () => {
    await each(async (sql) => {
      await addUser(sql, "ana", "analyst", "analyst-pass-1", "(command line)");
      await expect(addUser(sql, "ana", "admin", "another-pass-1", "x")).rejects.toThrow("already exists");
      await setPassword(sql, "ana", "analyst-pass-2", "(command line)");
      await setRole(sql, "ana", "admin", "(command line)");
      await addUser(sql, "vic", "viewer", "viewer-pass-1", "ana");
      await removeUser(sql, "vic", "ana");
      await expect(removeUser(sql, "vic", "ana")).rejects.toThrow("no user named vic");
    });
    const users = await each((sql) => tableRows(sql, "users", "name, role, session_epoch"));
    expect(users.postgres).toEqual([{ name: "ana", role: "admin", session_epoch: 1 }]);
    expect(users.postgres).toEqual(users.sqlite);
    const user = await findUser(both.postgres, "ana");
    expect(user?.passwordHash).toMatch(/^\$2[aby]\$/);
    const audit = await each((sql) =>
      sql.all<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'user.%' ORDER BY id"),
    );
    expect(audit.postgres.map((a) => a.action)).toEqual([
      "user.add",
      "user.passwd",
      "user.role",
      "user.add",
      "user.remove",
    ]);
    expect(audit.postgres).toEqual(audit.sqlite);
  }, 60_000);

  test("undoing the merge and the removal brings back the same companies, aliases, redirects and facts", async () => {
    const before = await each(storedFacts);
    await each(async (sql) => {
      const auditId = async (action: string) =>
        (await sql.get<{ id: number }>("SELECT max(id) AS id FROM audit_log WHERE action = ?", [action]))!.id;
      await undoMerge(sql, Number(await auditId("company.merge")), "ada");
      await undoRemoval(sql, Number(await auditId("company.remove")), "ada");
      await expect(undoMerge(sql, Number(await auditId("company.merge")), "ada")).rejects.toThrow("undone already");
    });
    for (const [table, columns] of [
      ["companies", "name, slug"],
      ["company_aliases", "alias, (SELECT slug FROM companies c WHERE c.id = company_id) AS company"],
      ["company_redirects", "slug, (SELECT slug FROM companies c WHERE c.id = company_id) AS company"],
      ["company_removals", "(SELECT slug FROM companies c WHERE c.id = company_id) AS company, user_name"],
    ]) {
      const rows = await each((sql) => tableRows(sql, table, columns));
      expect(rows.postgres, table).toEqual(rows.sqlite);
    }
    const facts = await each(storedFacts);
    expect(facts.postgres).toEqual(facts.sqlite);
    expect(facts.postgres).not.toEqual(before.postgres);
    expect(facts.postgres.some((f) => f.company === "Brisk Foods" || f.counterparty === "Brisk Foods")).toBe(true);
    expect(facts.postgres.some((f) => f.company === "Harlow")).toBe(true);
    const trail = await each((sql) =>
      sql.all<{ action: string; after: string }>(
        "SELECT action, after FROM audit_log WHERE action LIKE 'company.un%' ORDER BY id",
      ),
    );
    const counts = (rows: Array<{ action: string; after: string }>) =>
      rows.map((r) => {
        const { undoes: _, ...after } = JSON.parse(r.after);
        return [r.action, after];
      });
    expect(counts(trail.postgres)).toEqual(counts(trail.sqlite));
    expect(trail.postgres.map((r) => r.action)).toEqual(["company.unmerge", "company.unremove"]);
  });
});

describe("the commands on PostgreSQL", () => {
  const run = (script: string, args: string[], input = "") =>
    spawnSync("npx", ["tsx", script, ...args], {
      encoding: "utf8",
      input,
      env: { ...process.env, DATABASE_URL: both.url, DATABASE_PATH: join(both.dir, "not-used.db") },
      timeout: 60_000,
    });

  test("npm run user, npm run reextract and npm run eval -- --reviewed work on DATABASE_URL's database", async () => {
    const gold = (await scoreReviewed(both.postgres)).gold;
    expect(gold).toBe(3);
    const added = run("scripts/user.ts", ["add", "olga", "--role", "viewer"], "olga-pass-12\n");
    expect([added.status, added.stdout.trim()]).toEqual([0, "Added olga (viewer)."]);
    const listed = run("scripts/user.ts", ["list"]);
    expect(listed.stdout).toMatch(/^olga\s+viewer\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m);

    const reextracted = run("scripts/reextract.ts", []);
    expect(reextracted.status).toBe(0);
    const articles = readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith(".txt")).length;
    expect(reextracted.stdout).toMatch(new RegExp(`Articles re-extracted: ${articles} of ${articles}`));

    const scored = run("importers/cli/eval.ts", ["--reviewed"]);
    expect(scored.status).toBe(0);
    expect(scored.stdout).toContain("reviewed facts in postgres://");
    expect(scored.stdout).toMatch(new RegExp(`\\d+ articles, ${gold} facts confirmed, corrected or added`));
  }, 120_000);
});
