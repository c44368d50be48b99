import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { mergeCompany } from "../../db/companies";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * Merging the holder and the company held of a stake leaves a stake of a company in itself (decision 014). The
 * review queue puts it first, saying so, for an analyst to reject or correct.
 */
let cleanup: () => void;
let work: string;
let db: DbHandle;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-self-stake-"));
  writeFileSync(
    join(work, "brannock.txt"),
    "Brannock results\n\nDate: 2011-03-01\n\nBrannock Holdings owns 20% of Tessaly Foods. Brannock Holdings reported revenue of $2.5 billion for 2010.\n",
  );
  cleanup = await seedTemporaryDatabase([work]);
  db = openDatabase();
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

const idOf = (name: string) =>
  (db.sqlite.prepare("SELECT id FROM companies WHERE name = ?").get(name) as { id: number }).id;

async function queue() {
  const { reviewQueue } = await import("~/models/reviews.server");
  return reviewQueue({
    articleId: (db.sqlite.prepare("SELECT id FROM articles WHERE title = 'Brannock results'").get() as { id: number })
      .id,
  });
}

describe("a stake of a company in itself", () => {
  test("is no doubt before the merge, and first in the queue, said so, after it", async () => {
    const before = await queue();
    expect(before.items.map((i) => [i.kind, i.counterparty, i.doubts.includes("self-stake")])).toEqual([
      ["stake", "Tessaly Foods", false],
      ["revenue", null, false],
    ]);
    await mergeCompany(db.sql, idOf("Tessaly Foods"), idOf("Brannock"), "ana");
    const after = await queue();
    expect(after.items.map((i) => [i.kind, i.company, i.counterparty, i.doubts])).toEqual([
      ["stake", "Brannock", "Brannock", ["self-stake", "inferred-year"]],
      ["revenue", "Brannock", null, []],
    ]);
    const { DOUBT_WORDS } = await import("~/models/reviewTypes");
    expect(DOUBT_WORDS["self-stake"]).toBe("the holder is the company held (two names merged?)");
  });
});
