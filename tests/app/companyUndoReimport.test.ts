import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getSql } from "~/db.server";
import { unmatchedReviews } from "~/models/reviews.server";
import { undoMessage } from "~/models/undoMessage.server";
import { mergeCompany, removeCompany } from "../../db/companies";
import { undoMerge, undoRemoval } from "../../db/companyUndo";
import { addFact, type FactValues, reviewFact } from "../../db/reviews";
import type { Sql } from "../../db/sql";
import { importFiles } from "../../importers/run/importFiles";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * Undoing a company merge or removal after an article it touched was imported again (docs/decisions/033): the
 * re-import gave the facts new ids, so the undo finds them by their article and sentence. What comes back comes
 * back whole (values, segment, review), what cannot is said, and no review is lost. Runs on SQLite and, in the
 * vitest project "postgres", on PostgreSQL.
 */
let cleanup: () => Promise<void>;
let work: string;
let sql: Sql;

const FOODS = (extra = "") =>
  `Brannock Foods posts higher revenue\n\nDate: 2009-03-02\n\n${extra}Brannock Foods said on Monday its revenue rose to $4.2 billion in 2008, from $3.9 billion in 2007.\n`;
const GROUP =
  "Brannock Group sales climb\n\nDate: 2010-03-01\n\nBrannock Group reported revenue of $4.6 billion for 2009.\n";
const CORVANE = [
  "Corvane Holdings said it holds a 12% stake in Kelby Mills.",
  "Kelby Mills reported revenue of $310 million in 2009.",
  "Corvane posted revenue of $80 million in 2009.",
  "Corvane said turnover at its cement division rose to $30 million in 2009.",
  "Corvane expects revenue of $95 million in 2010.",
];
const corvane = (sentences: string[]) => `Stake in Kelby\n\nDate: 2010-05-01\n\n${sentences.join(" ")}\n`;

const file = (name: string, text: string) => {
  writeFileSync(join(work, name), text);
  return join(work, name);
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-undo-reimport-"));
  file("brannock-foods.txt", FOODS());
  file("brannock-group.txt", GROUP);
  file("corvane.txt", corvane(CORVANE));
  cleanup = await seedTemporaryDatabase([work]);
  sql = await getSql();
}, 60_000);
afterAll(async () => {
  await cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

const companyId = async (name: string) =>
  Number((await sql.get<{ id: number }>("SELECT id FROM companies WHERE name = ?", [name]))!.id);
const lastAudit = async () =>
  (await sql.get<{ id: number; after: string }>("SELECT id, after FROM audit_log ORDER BY id DESC LIMIT 1"))!;

/** A company's facts with their values, segment and review, as an analyst sees them, and where their quote is. */
async function factsOf(name: string) {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT f.id, f.kind, c.name AS company, cp.name AS counterparty, f.year, f.low, f.high, f.status, s.segment,
       r.state AS review, r.corrected, substr(a.cleaned_text, f.start + 1, f."end" - f.start) = f.quote AS "quoteAt"
     FROM facts f JOIN companies c ON c.id = f.company_id LEFT JOIN companies cp ON cp.id = f.counterparty_id
     JOIN articles a ON a.id = f.article_id LEFT JOIN fact_segments s ON s.fact_id = f.id
     LEFT JOIN fact_reviews r ON r.fact_id = f.id
     WHERE c.name = ? OR cp.name = ? ORDER BY f.kind, f.low, f.id`,
    [name, name],
  );
  return rows.map((r) => ({
    company: r.company as string,
    year: r.year as number | null,
    segment: r.segment as string | null,
    review: r.review as string | null,
    id: Number(r.id),
    low: Number(r.low),
    high: Number(r.high),
    quoteAt: Boolean(r.quoteAt),
    corrected: r.corrected ? (JSON.parse(String(r.corrected)) as FactValues).low : null,
  }));
}

describe("undoing a merge after an article of the merged company was imported again", () => {
  test("its re-imported facts go back with their reviews, and a later import files them there too", async () => {
    const foods = await companyId("Brannock Foods");
    const group = await companyId("Brannock");
    const first = (await factsOf("Brannock Foods")).find((f) => f.low === 4.2e9)!;
    await reviewFact(sql, first.id, { action: "confirm" }, "ana");
    await mergeCompany(sql, foods, group, "ana");
    const mergeAudit = (await lastAudit()).id;
    // The article changes (a new first line moves every sentence): its facts are written anew, filed by alias.
    const report = await importFiles(sql, [file("brannock-foods.txt", FOODS("Shares rose. "))]);
    expect([report.errors, report.articlesReplaced]).toEqual([[], 1]);
    const merged = await factsOf("Brannock");
    expect(merged.map((f) => [f.low, f.review])).toEqual([
      [3.9e9, null],
      [4.2e9, "confirmed"],
      [4.6e9, null],
    ]);
    expect(merged.some((f) => f.id === first.id)).toBe(false);

    await undoMerge(sql, mergeAudit, "ada");
    const back = await factsOf("Brannock Foods");
    expect(back.map((f) => [f.company, f.low, f.year, f.review, f.quoteAt])).toEqual([
      ["Brannock Foods", 3.9e9, 2007, null, true],
      ["Brannock Foods", 4.2e9, 2008, "confirmed", true],
    ]);
    expect((await factsOf("Brannock")).map((f) => f.low)).toEqual([4.6e9]);
    expect(JSON.parse((await lastAudit()).after)).toMatchObject({
      undoes: mergeAudit,
      facts: 0,
      factsReimportedMoved: 2,
      factsLeft: 0,
      factsLeftAmbiguous: 0,
      factsLeftCorrected: 0,
      factsLeftUnknown: 0,
    });
    expect(await undoMessage((await lastAudit()).id)).toBe(
      "Undone: Brannock Foods is a company again. 2 facts whose article was imported again since were found by their sentence and came back.",
    );
    // The name leads to the company brought back: another import keeps its facts (and the confirmation) there.
    await importFiles(sql, [file("brannock-foods.txt", FOODS("Shares fell. "))]);
    expect((await factsOf("Brannock Foods")).map((f) => [f.low, f.review])).toEqual([
      [3.9e9, null],
      [4.2e9, "confirmed"],
    ]);
  });

  test("a merge recorded before its facts' sentences were kept says which facts it cannot find", async () => {
    const foods = await companyId("Brannock Foods");
    await mergeCompany(sql, foods, await companyId("Brannock"), "ana");
    const audit = await lastAudit();
    const row = (await sql.get<{ before: string }>("SELECT before FROM audit_log WHERE id = ?", [audit.id]))!;
    const before = JSON.parse(row.before);
    delete before.undo.factKeys;
    await sql.transaction((tx) =>
      tx.run("UPDATE audit_log SET before = ? WHERE id = ?", [JSON.stringify(before), audit.id]),
    );
    await importFiles(sql, [file("brannock-foods.txt", FOODS("Shares rose again. "))]);
    await undoMerge(sql, audit.id, "ada");
    expect(await factsOf("Brannock Foods")).toEqual([]);
    expect((await factsOf("Brannock")).map((f) => f.low)).toEqual([3.9e9, 4.2e9, 4.6e9]);
    const undo = await lastAudit();
    expect(JSON.parse(undo.after)).toMatchObject({ factsReimportedMoved: 0, factsLeft: 2, factsLeftUnknown: 2 });
    expect(await undoMessage(undo.id)).toBe(
      "Undone: Brannock Foods is a company again. 2 facts stay with Brannock: their article was imported again after the merge, which was made before undos could find re-imported facts. Correct their company on the review page.",
    );
  });
});

describe("undoing a removal after the removed company's article was imported again", () => {
  test("facts come back with their ids, values, segments and reviews; one no longer given keeps its review", async () => {
    const id = await companyId("Corvane");
    const facts = await factsOf("Corvane");
    const by = (low: number) => facts.find((f) => f.low === low)!;
    const values = (low: number, year: number, status: FactValues["status"] = "actual"): FactValues => ({
      company: "Corvane",
      counterparty: null,
      market: null,
      year,
      period: null,
      low,
      high: low,
      unit: "USD",
      status,
      approximate: false,
    });
    await reviewFact(sql, by(12).id, { action: "confirm" }, "ana");
    await reviewFact(sql, by(80e6).id, { action: "correct", values: values(81e6, 2009) }, "ana");
    await reviewFact(sql, by(95e6).id, { action: "correct", values: values(96e6, 2010, "forecast") }, "ana");
    const article = Number(
      (await sql.get<{ id: number }>("SELECT article_id AS id FROM facts WHERE id = ?", [by(12).id]))!.id,
    );
    const added = await addFact(
      sql,
      article,
      { kind: "revenue", quote: CORVANE[2], figure: null, values: values(90e6, 2010, "forecast") },
      "ana",
    );
    const before = await factsOf("Corvane");
    expect(before.map((f) => [f.low, f.segment, f.review, f.corrected])).toEqual([
      [30e6, "cement", null, null],
      [81e6, null, "corrected", 81e6],
      [90e6, null, "added", 90e6],
      [96e6, null, "corrected", 96e6],
      [12, null, "confirmed", null],
    ]);

    await removeCompany(sql, id, "ana");
    const removeAudit = (await lastAudit()).id;
    expect(await factsOf("Corvane")).toEqual([]);
    // Imported again while removed: moved by a new first sentence, the forecast gone, a new figure of 2008.
    const changed = ["Shares rose.", ...CORVANE.slice(0, 4), "Corvane reported revenue of $70 million in 2008."];
    expect((await importFiles(sql, [file("corvane.txt", corvane(changed))])).errors).toEqual([]);
    expect(await factsOf("Corvane")).toEqual([]);

    await undoRemoval(sql, removeAudit, "ada");
    const after = await factsOf("Corvane");
    expect(after.map((f) => [f.low, f.segment, f.review, f.corrected, f.quoteAt])).toEqual([
      [30e6, "cement", null, null, true],
      [70e6, null, null, null, true],
      [81e6, null, "corrected", 81e6, true],
      [90e6, null, "added", 90e6, true],
      [12, null, "confirmed", null, true],
    ]);
    // The ids of before, so links to them (/articles/N#fact-ID) and their reviews still name them.
    for (const low of [30e6, 81e6, 90e6, 12]) {
      expect(after.find((f) => f.low === low)!.id).toBe(before.find((f) => f.low === low)!.id);
    }
    expect(added.factId).toBe(after.find((f) => f.low === 90e6)!.id);
    // The correction whose sentence is gone is kept, without a fact, and listed for an analyst.
    const unmatched = (await unmatchedReviews()).filter((r) => r.company === "Corvane");
    expect(unmatched.map((r) => [r.state, r.quote])).toEqual([["corrected", CORVANE[4]]]);
    const undo = await lastAudit();
    expect(JSON.parse(undo.after)).toEqual({
      undoes: removeAudit,
      name: "Corvane",
      removed: false,
      factsRestored: 4,
      factsChangedSince: 0,
      factsReimported: 5,
      factsReimportedRestored: 4,
      factsNotGivenAgain: 1,
      factsArticleGone: 0,
      factsImportedLaterRestored: 1,
      factsImportedLaterLeft: 0,
    });
    expect(await undoMessage(undo.id)).toBe(
      "Undone: Corvane is a company again. 4 facts came back as they were, in the article as it was imported again since. 1 fact imported while the name was removed came back. 1 fact could not come back: its article, imported again since, no longer gives it; a review it had is kept and listed on the review page.",
    );

    // Nothing was left half done: another import of the same file gives the same facts and reviews.
    await importFiles(sql, [file("corvane.txt", corvane([...changed, "Analysts were not surprised."]))]);
    const again = await factsOf("Corvane");
    expect(again.map((f) => [f.low, f.segment, f.review, f.corrected, f.quoteAt])).toEqual(
      after.map((f) => [f.low, f.segment, f.review, f.corrected, f.quoteAt]),
    );
  });
});
