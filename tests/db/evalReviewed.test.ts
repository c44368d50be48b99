import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DbHandle } from "../../db/client";
import { removeCompany, renameCompany } from "../../db/companies";
import { addFact, reviewFact } from "../../db/reviews";
import { importFiles } from "../../importers/run/importFiles";
import { scoreReviewed } from "../../scripts/evalReviewed";
import { tempDb } from "../helpers/tempDb";

/**
 * `npm run eval -- --reviewed`: the extractor scored against what people confirmed, corrected, added and rejected
 * in a database, with company names followed through renames and removals.
 */
let db: ReturnType<typeof tempDb>;
let handle: DbHandle;

const HALVARD_SENTENCE =
  "Halvard Foods said on Monday its revenue rose to $4.2 billion in 2008, from $3.9 billion in 2007.";

beforeAll(async () => {
  db = tempDb();
  handle = db.handle;
  writeFileSync(
    join(db.dir, "halvard.txt"),
    `Halvard Foods posts higher revenue\n\nDate: 2009-03-02\n\n${HALVARD_SENTENCE} Its revenue grew strongly in 2008.\n`,
  );
  writeFileSync(
    join(db.dir, "springfield.txt"),
    "Stake in Brenmoor\n\nDate: 2010-05-01\n\nSpringfield Holdings said it holds a 12% stake in Brenmoor Mills. Brenmoor Mills reported revenue of $310 million in 2009. Springfield posted revenue of $80 million in 2009.\n",
  );
  expect((await importFiles(handle, [db.dir])).errors).toEqual([]);
});
afterAll(() => db?.cleanup());

const factId = (low: number) =>
  (handle.sqlite.prepare("SELECT id FROM facts WHERE low = ?").get(low) as { id: number }).id;

const byKind = (r: Awaited<ReturnType<typeof scoreReviewed>>) =>
  Object.fromEntries(
    Object.entries(r.score.byKind)
      .filter(([, k]) => k.tp + k.fp + k.fn > 0)
      .map(([kind, k]) => [kind, `${k.tp}/${k.fp}/${k.fn}`]),
  );

describe("scoring against reviewed facts", () => {
  test("nothing reviewed scores nothing", async () => {
    const r = await scoreReviewed(handle.sql);
    expect(r).toMatchObject({ articles: 0, gold: 0, unjudged: [] });
    expect(r.score.total).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  test("confirmed and added facts are gold, corrections replace the extractor's values, rejections are mistakes", async () => {
    // Halvard: every stored fact reviewed, so an extra fact there is wrong.
    await reviewFact(handle.sql, factId(4200000000), { action: "confirm" }, "ana");
    const revenue2007 = factId(3900000000);
    const values = {
      company: "Halvard Foods",
      counterparty: null,
      market: null,
      year: 2007,
      period: "FY",
      low: 3950000000,
      high: 3950000000,
      unit: "USD",
      status: "actual" as const,
      approximate: false,
    };
    await reviewFact(handle.sql, revenue2007, { action: "correct", values }, "ana");
    const article = (
      handle.sqlite.prepare("SELECT article_id AS id FROM facts WHERE id = ?").get(revenue2007) as {
        id: number;
      }
    ).id;
    // A growth the text gives in words only: the extractor cannot find it, a person adds it from the annual report.
    expect(handle.sqlite.prepare("SELECT count(*) AS n FROM facts WHERE article_id = ?").get(article)).toEqual({
      n: 2,
    });
    await addFact(
      handle.sql,
      article,
      {
        kind: "revenue_change",
        quote: "Its revenue grew strongly in 2008.",
        figure: null,
        values: { ...values, year: 2008, low: 7.7, high: 7.7, unit: "percent" },
      },
      "ana",
    );
    // Springfield: the stake confirmed, Springfield's own revenue rejected, Brenmoor's revenue left unreviewed.
    await reviewFact(handle.sql, factId(12), { action: "confirm" }, "ana");
    await reviewFact(handle.sql, factId(80000000), { action: "reject" }, "ana");

    const r = await scoreReviewed(handle.sql);
    expect(r.articles).toBe(2);
    expect(r.gold).toBe(4);
    expect(byKind(r)).toEqual({
      // 4.2 bn right; 3.9 bn wrong (the person says 3.95) and 3.95 missed; Springfield's 80 m rejected.
      revenue: "1/2/1",
      stake: "1/0/0",
      // Added by hand, so missed.
      revenue_change: "0/0/1",
    });
    expect(r.unjudged.map((u) => `${u.fact.company} ${u.fact.low}`)).toEqual(["Brenmoor 310000000"]);
    expect(r.fromStoredText).toBe(0);
  });

  test("names are compared as the database files them now: renamed, and removed as no company", async () => {
    await renameCompany(handle.sql, companyIdOf("Brenmoor"), "Brenmoor Textiles", "ana");
    await reviewFact(handle.sql, factId(310000000), { action: "confirm" }, "ana");
    let r = await scoreReviewed(handle.sql);
    expect(byKind(r).revenue).toBe("2/2/1");
    expect(byKind(r).stake).toBe("1/0/0");
    expect(r.unjudged).toEqual([]);

    await removeCompany(handle.sql, companyIdOf("Springfield"), "ana");
    r = await scoreReviewed(handle.sql);
    // The stake a person confirmed is now a rejection: Springfield is no company.
    expect(byKind(r).stake).toBe("0/1/0");
    expect(byKind(r).revenue).toBe("2/2/1");
  });

  test("the command prints the table, and says what is wrong with its arguments", async () => {
    const run = (...args: string[]) =>
      spawnSync("npx", ["tsx", "importers/cli/eval.ts", "--reviewed", ...args], { encoding: "utf8" });
    const ok = run("--db", handle.path, "--verbose");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`reviewed facts in ${handle.path}: 2 articles, 4 facts confirmed, corrected or added`);
    expect(ok.stdout).toMatch(/^revenue\s+50\.0%\s+66\.7%\s+57\.1%\s+\(2\/2\/1\)$/m);
    expect(ok.stdout).toMatch(/^stake\s+0\.0%\s+100\.0%\s+0\.0%\s+\(0\/1\/0\)$/m);
    expect(ok.stdout).toContain("MISS      ");
    expect(ok.stdout).toContain("revenue Halvard Foods 2007/FY 3950000000..3950000000 USD actual");
    const missing = run("--db", join(db.dir, "nothing.db"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("No database at");
    expect(run("--db").status).toBe(2);
  }, 60_000);
});

test("an article whose file changed since it was reviewed is read from its stored text", async () => {
  const before = await scoreReviewed(handle.sql);
  writeFileSync(join(db.dir, "halvard.txt"), "Something else entirely.\n");
  const after = await scoreReviewed(handle.sql);
  expect(after.fromStoredText).toBe(1);
  expect(byKind(after)).toEqual(byKind(before));
});

function companyIdOf(name: string): number {
  return (handle.sqlite.prepare("SELECT id FROM companies WHERE name = ?").get(name) as { id: number }).id;
}
