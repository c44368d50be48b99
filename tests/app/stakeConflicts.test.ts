import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { saveArticle } from "../../db/store";
import { addUser } from "../../db/users";
import { extractArticle } from "../../importers/pipeline";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, sessionCookieOf, settle } from "./routeCalls";

/**
 * Settling a stake conflict by confirming one figure (db/stakeConflicts.ts): Talbot Capital's stake in Brisk Foods
 * in 2010 is 30 % in one fixture article and 32 % in another.
 */
let cleanup: () => void;
let db: DbHandle;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/stakes"]);
  db = openDatabase();
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  await addUser(db.sql, "vic", "viewer", "viewer-pass-1", "test");
  for (const name of ["ana", "vic"]) cookies[name] = await sessionCookieOf(db, name);
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
});

const FORM = { intent: "settle", holder: "talbot-capital", held: "brisk-foods", asOf: "2010", status: "actual" };

async function post(fields: Record<string, string>, user?: string, extra: Record<string, string> = {}) {
  const { action } = (await import("~/routes/stakes")) as unknown as { action: Action };
  const headers: Record<string, string> = { Host: "localhost", "Content-Type": "application/x-www-form-urlencoded" };
  if (user) headers.Cookie = cookies[user];
  Object.assign(headers, extra);
  return settle(() =>
    action({
      request: new Request("http://localhost/stakes", {
        method: "POST",
        headers,
        body: new URLSearchParams(fields).toString(),
      }),
      params: {},
      context: {},
    }),
  );
}

const talbotRow = async () => {
  const { listStakes } = await import("~/models/stakes.server");
  const [g] = (await listStakes({ holder: "talbot-capital" })).groups;
  return { group: g, row: g.rows[0] };
};

const stakeReviews = () =>
  db.sqlite
    .prepare(
      `SELECT r.state, r.fact_id AS factId, json_extract(r.original, '$.low') AS low, r.corrected
       FROM fact_reviews r WHERE json_extract(r.original, '$.kind') = 'stake'
         AND json_extract(r.original, '$.company') = 'Talbot Capital' ORDER BY low`,
    )
    .all() as Array<{ state: string; factId: number | null; low: number; corrected: string | null }>;

describe("settling a stake conflict", () => {
  test("anonymous and viewer users are refused; bad input is a clear 400 or 404, nothing changed", async () => {
    expect((await post({ ...FORM, low: "32", high: "32" })).status).toBe(403);
    expect((await post({ ...FORM, low: "32", high: "32" }, "vic")).status).toBe(403);
    // An analyst's cookie sent from another site is refused too.
    expect((await post({ ...FORM, low: "32", high: "32" }, "ana", { Origin: "https://evil.example" })).status).toBe(
      403,
    );
    const notNumber = await post({ ...FORM, low: "abc", high: "32" }, "ana");
    expect(notNumber.status).toBe(400);
    expect((await notNumber.json()).message).toBe('The field "low": low is a percentage such as 12.5.');
    const forecast = await post({ ...FORM, status: "forecast", low: "32", high: "32" }, "ana");
    expect(forecast.status).toBe(400);
    expect((await forecast.json()).message).toContain("Only an actual figure settles a conflict");
    const unknown = await post({ ...FORM, held: "no-such-company", low: "32", high: "32" }, "ana");
    expect(unknown.status).toBe(404);
    const notThere = await post({ ...FORM, low: "31", high: "31" }, "ana");
    expect(notThere.status).toBe(409);
    expect((await notThere.json()).message).toContain("No source gives stake of Talbot Capital in Brisk Foods");
    expect((await talbotRow()).row.conflict).toBe(true);
    expect(stakeReviews()).toEqual([]);
  });

  test("confirming 32 % supersedes 30 %, clears the flag, is audited and shows the checked mark", async () => {
    const before = await talbotRow();
    expect(before.row.figures.map((f) => f.low).sort()).toEqual([30, 32]);
    const res = await post({ ...FORM, low: "32", high: "32", back: "/companies/brisk-foods" }, "ana");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/companies/brisk-foods");

    const { group, row } = await talbotRow();
    expect(group.conflict).toBe(false);
    expect(row.conflict).toBe(false);
    expect(row.figures.map((f) => [f.low, f.sources.map((s) => s.checked)])).toEqual([[32, ["confirmed"]]]);
    const reviews = stakeReviews();
    expect(reviews.map((r) => [r.low, r.state])).toEqual([
      [30, "superseded"],
      [32, "confirmed"],
    ]);
    expect(reviews[0].factId).toBeNull();
    expect(JSON.parse(reviews[0].corrected ?? "{}").supersededBy).toMatchObject({
      low: 32,
      high: 32,
      status: "actual",
    });

    const audit = db.sqlite.prepare("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1").get() as {
      user_name: string;
      action: string;
      subject: string;
      before: string;
      after: string;
    };
    expect([audit.user_name, audit.action, audit.subject]).toEqual([
      "ana",
      "stake.settle",
      "stake of Talbot Capital in Brisk Foods as of 2010",
    ]);
    expect(
      JSON.parse(audit.before)
        .figures.map((f: { low: number }) => f.low)
        .sort(),
    ).toEqual([30, 32]);
    const after = JSON.parse(audit.after);
    expect(after.kept).toEqual({ low: 32, high: 32, status: "actual" });
    expect([after.confirmed.length, after.superseded.length]).toEqual([1, 1]);

    // Listed with the figure that won, to be restored if need be.
    const { recentRejections } = await import("~/models/reviews.server");
    const listed = (await recentRejections()).find((r) => r.company === "Talbot Capital");
    expect(listed).toMatchObject({ state: "superseded", low: 30, supersededBy: { low: 32, high: 32 } });

    // Settled once: a second try says so.
    const again = await post({ ...FORM, low: "32", high: "32" }, "ana");
    expect(again.status).toBe(409);
    expect((await again.json()).message).toContain("agree now");
  });

  test("the settlement survives re-importing both articles; restoring the superseded figure brings the flag back", async () => {
    const paths = db.sqlite
      .prepare("SELECT source_path AS path FROM articles WHERE source_path LIKE '%brisk-2010-%' ORDER BY 1")
      .all() as Array<{ path: string }>;
    expect(paths).toHaveLength(2);
    for (const { path } of paths) {
      // Written anew: the article's facts are deleted and the extractor's written again, with the reviews applied.
      const outcome = await saveArticle(db.sql, extractArticle(readFileSync(path), path), { rewrite: true });
      expect([outcome.status, outcome.facts]).toEqual(["replaced", 1]);
    }
    const { row } = await talbotRow();
    expect(row.conflict).toBe(false);
    expect(row.figures.map((f) => [f.low, f.sources.map((s) => s.checked)])).toEqual([[32, ["confirmed"]]]);
    const reviews = stakeReviews();
    expect(reviews.map((r) => [r.low, r.state, r.factId === null])).toEqual([
      [30, "superseded", true],
      [32, "confirmed", false],
    ]);

    const { recentRejections, restoreReview } = await import("~/models/reviews.server");
    const listed = (await recentRejections()).find((r) => r.company === "Talbot Capital");
    await restoreReview("ana", listed?.id ?? 0);
    const restored = await talbotRow();
    expect(restored.row.conflict).toBe(true);
    expect(restored.row.figures.map((f) => f.low).sort()).toEqual([30, 32]);
    const audit = db.sqlite.prepare("SELECT action, before FROM audit_log ORDER BY id DESC LIMIT 1").get() as {
      action: string;
      before: string;
    };
    expect([audit.action, JSON.parse(audit.before).review]).toEqual(["fact.restore", "superseded"]);
  });
});
