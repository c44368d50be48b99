import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getSql } from "~/db.server";
import { latestRevenueChanges } from "~/models/overview.server";
import { reviewQueue } from "~/models/reviews.server";
import { getWriteSql } from "~/writeDb.server";
import { settleFigure } from "../../db/figureConflicts";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * The home page's ranking counts, for each company's latest change, the sources that give another figure for the
 * same period and status, and links it to the review queue of that company's changes, which lists the flagged
 * fact first; once an analyst settles it there, the count is gone. Runs on SQLite and on PostgreSQL.
 */
let cleanup: () => Promise<void>;
let work: string;

const article = (title: string, date: string, sentence: string) => `${title}\n\nDate: ${date}\n\n${sentence}\n`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-home-disagreeing-"));
  const files: Record<string, string> = {
    "hesket-a.txt": article("Hesket Mills results", "2012-02-01", "Hesket Mills said its revenue fell 6% in 2011."),
    "hesket-b.txt": article("Hesket Mills report", "2012-03-01", "Hesket Mills said its revenue fell 8% in 2011."),
    "hesket-c.txt": article("Hesket Mills filing", "2012-04-01", "Hesket Mills said its revenue fell 8% in 2011."),
    "lorrin.txt": article("Lorrin Glass results", "2012-02-01", "Lorrin Glass said its revenue fell 3% in 2011."),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(work, name), text);
  cleanup = await seedTemporaryDatabase([work]);
}, 60_000);
afterAll(async () => {
  await cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

const bar = async (company: string) =>
  (await latestRevenueChanges(20, "year")).points.find((p) => p.label.startsWith(company))!;

describe("the home ranking's disagreeing count", () => {
  test("counts the sources giving another figure and links to where an analyst settles them", async () => {
    const hesket = await bar("Hesket Mills");
    expect([hesket.low, hesket.sourceCount, hesket.disagreeing, hesket.settleHref]).toEqual([
      -8,
      2,
      1,
      "/review?kind=revenue_change&company=hesket-mills",
    ]);
    const lorrin = await bar("Lorrin Glass");
    expect([lorrin.low, lorrin.sourceCount, lorrin.disagreeing]).toEqual([-3, 1, 0]);

    // The link's queue: that company's changes, the flagged ones first.
    const sql = await getSql();
    const companyId = Number(
      (await sql.get<{ id: number }>("SELECT id FROM companies WHERE slug = 'hesket-mills'"))!.id,
    );
    const queue = await reviewQueue({ kind: "revenue_change", companyId });
    expect(queue.items.map((i) => [i.low, i.doubts.includes("conflict")])).toEqual([
      [-6, true],
      [-8, true],
      [-8, true],
    ]);

    // Settled by confirming 8%: the 6% is superseded and nothing disagrees any more.
    // Through the server's write connection, as the review page settles it, so the ranking sees the change.
    await settleFigure(await getWriteSql(), queue.items[1].id, "ana");
    const settled = await bar("Hesket Mills");
    expect([settled.low, settled.sourceCount, settled.disagreeing]).toEqual([-8, 2, 0]);
  });
});
