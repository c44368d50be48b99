import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { reviewFact } from "../../db/reviews";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * The home page's latest changes and the declines list give every source of a figure, as the stakes table does:
 * twelve articles say Dorvel Paper's revenue fell 7% in 2011, so its bar and its row count twelve sources and list
 * the ten newest; an older one a person confirmed is kept among them. Mirren Tiles' fall is given by two articles.
 */
let cleanup: () => void;
let work: string;

const dorvel = (i: number) =>
  `Dorvel Paper update ${String(i).padStart(2, "0")}\n\nDate: 2012-${String(i).padStart(2, "0")}-10\n\n` +
  "Dorvel Paper said its revenue fell 7% in 2011.\n";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-ranked-sources-"));
  for (let i = 1; i <= 12; i++) writeFileSync(join(work, `dorvel-${String(i).padStart(2, "0")}.txt`), dorvel(i));
  writeFileSync(
    join(work, "mirren-a.txt"),
    "Mirren Tiles results\n\nDate: 2012-02-01\n\nMirren Tiles said its revenue fell 4% in 2011.\n",
  );
  writeFileSync(
    join(work, "mirren-b.txt"),
    "Mirren Tiles annual report\n\nDate: 2012-04-01\n\nMirren Tiles said its revenue fell 4% in 2011.\n",
  );
  cleanup = await seedTemporaryDatabase([work]);
}, 60_000);
afterAll(() => {
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

/** The article titles of the facts giving a company's 2011 change, oldest first. */
async function titlesOf(company: string): Promise<Array<{ id: number; title: string }>> {
  const { getDb } = await import("~/db.server");
  return getDb()
    .sqlite.prepare(
      `SELECT f.id, a.title FROM facts f JOIN companies c ON c.id = f.company_id JOIN articles a ON a.id = f.article_id
       WHERE c.name = ? AND f.kind = 'revenue_change' AND f.year = 2011 ORDER BY f.id`,
    )
    .all(company) as Array<{ id: number; title: string }>;
}

async function declineOf(company: string) {
  const { largestDeclines } = await import("~/models/declines.server");
  return (await largestDeclines("year", 2011)).rows.find((r) => r.company === company)!;
}

async function homeBarOf(company: string) {
  const { latestRevenueChanges } = await import("~/models/overview.server");
  return (await latestRevenueChanges(20, "year")).points.find((p) => p.label.startsWith(company))!;
}

describe("every source of a ranked figure", () => {
  test("two articles: both listed, newest first, on /declines and on the home chart", async () => {
    const facts = await titlesOf("Mirren Tiles");
    expect(facts.map((f) => f.title)).toEqual(["Mirren Tiles results", "Mirren Tiles annual report"]);
    const row = await declineOf("Mirren Tiles");
    expect([row.value, row.sourceCount]).toEqual([-4, 2]);
    expect(row.sources.map((s) => [s.factId, s.articleTitle, s.quote])).toEqual([
      [facts[1].id, "Mirren Tiles annual report", "Mirren Tiles said its revenue fell 4% in 2011."],
      [facts[0].id, "Mirren Tiles results", "Mirren Tiles said its revenue fell 4% in 2011."],
    ]);
    const bar = await homeBarOf("Mirren Tiles");
    expect([bar.low, bar.sourceCount]).toEqual([-4, 2]);
    expect(bar.sources.map((s) => s.factId)).toEqual([facts[1].id, facts[0].id]);
  });

  test("twelve articles: the count is twelve and the ten newest are listed", async () => {
    const facts = await titlesOf("Dorvel Paper");
    expect(facts).toHaveLength(12);
    const newestTen = facts
      .slice(2)
      .reverse()
      .map((f) => f.id);
    const row = await declineOf("Dorvel Paper");
    expect([row.value, row.sourceCount, row.sources.map((s) => s.factId)]).toEqual([-7, 12, newestTen]);
    const bar = await homeBarOf("Dorvel Paper");
    expect([bar.low, bar.sourceCount, bar.sources.map((s) => s.factId)]).toEqual([-7, 12, newestTen]);
  });

  test("the oldest source, once confirmed, is kept among the ten listed and marked checked", async () => {
    const facts = await titlesOf("Dorvel Paper");
    const { getWriteSql } = await import("~/writeDb.server");
    await reviewFact(await getWriteSql(), facts[0].id, { action: "confirm" }, "ana");
    const expected = [
      ...facts
        .slice(2)
        .reverse()
        .slice(0, 9)
        .map((f) => [f.id, null]),
      [facts[0].id, "confirmed"],
    ];
    const row = await declineOf("Dorvel Paper");
    expect(row.sources.map((s) => [s.factId, s.checked ?? null])).toEqual(expected);
    const bar = await homeBarOf("Dorvel Paper");
    expect(bar.sources.map((s) => [s.factId, s.checked ?? null])).toEqual(expected);
  });
});
