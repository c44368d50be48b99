import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { saveArticle } from "../../db/store";
import { addUser } from "../../db/users";
import { extractArticle } from "../../importers/pipeline";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, type Loader, sessionCookieOf, settle } from "./routeCalls";

/**
 * Settling a conflict of a figure other than a stake (db/figureConflicts.ts) from the review queue: Halden Mills'
 * 2010 revenue is €3.2 billion in one article and €3.4 billion in another. The queue shows both figures with their
 * sources; confirming one supersedes the other, audited, and it holds on re-import.
 */
let cleanup: () => void;
let work: string;
let db: DbHandle;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-conflicts-"));
  writeFileSync(
    join(work, "halden-a.txt"),
    "Halden Mills results\n\nDate: 2011-02-01\n\nHalden Mills reported revenue of €3.2 billion for 2010.\n",
  );
  writeFileSync(
    join(work, "halden-b.txt"),
    "Halden Mills beats forecasts\n\nDate: 2011-02-03\n\nHalden Mills posted revenue of €3.4 billion in 2010.\n",
  );
  // A division's revenue: a figure of its own, in conflict with neither.
  writeFileSync(
    join(work, "halden-c.txt"),
    "Halden Mills paper\n\nDate: 2011-02-05\n\nHalden Mills said turnover at its paper division rose to €1.1 billion in 2010.\n",
  );
  cleanup = await seedTemporaryDatabase([work]);
  db = openDatabase();
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  await addUser(db.sql, "vic", "viewer", "viewer-pass-1", "test");
  for (const name of ["ana", "vic"]) cookies[name] = await sessionCookieOf(db, name);
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

const idOf = (low: number) =>
  (db.sqlite.prepare("SELECT id FROM facts WHERE kind = 'revenue' AND low = ?").get(low) as { id: number } | undefined)
    ?.id;

async function post(fields: Record<string, string>, user?: string, extra: Record<string, string> = {}) {
  const { action } = (await import("~/routes/review")) as unknown as { action: Action };
  const headers: Record<string, string> = { Host: "localhost", "Content-Type": "application/x-www-form-urlencoded" };
  if (user) headers.Cookie = cookies[user];
  Object.assign(headers, extra);
  return settle(() =>
    action({
      request: new Request("http://localhost/review", { method: "POST", headers, body: new URLSearchParams(fields) }),
      params: {},
      context: {},
    }),
  );
}

async function queue(user = "ana") {
  const { loader } = (await import("~/routes/review")) as unknown as { loader: Loader };
  const request = new Request("http://localhost/review?company=halden-mills", { headers: { Cookie: cookies[user] } });
  return (await settle(() => loader({ request, params: {}, context: {} }))).json();
}

async function revenuePoint() {
  const { companyChart } = await import("~/models/charts.server");
  const { findCompany } = await import("~/models/companies.server");
  const [series] = (await companyChart((await findCompany("halden-mills"))!, "revenue")).series;
  return series.points.map((p) => ({ low: p.low, disagreeing: p.disagreeing, checked: p.sources[0]?.checked }));
}

describe("settling a revenue conflict from the review queue", () => {
  test("the queue flags both facts and shows both figures with their sources", async () => {
    const d = await queue();
    expect(d.queue.items.map((i: { low: number; doubts: string[] }) => [i.low, i.doubts.includes("conflict")])).toEqual(
      [
        [3.2e9, true],
        [3.4e9, true],
        [1.1e9, false],
      ],
    );
    const figures = d.conflicts[idOf(3.2e9)!];
    expect(
      figures.map((f: { low: number; factId: number; sources: Array<{ articleTitle: string }> }) => [
        f.low,
        f.factId,
        f.sources.map((s) => s.articleTitle),
      ]),
    ).toEqual([
      [3.2e9, idOf(3.2e9), ["Halden Mills results"]],
      [3.4e9, idOf(3.4e9), ["Halden Mills beats forecasts"]],
    ]);
    expect(await revenuePoint()).toEqual([{ low: 3.4e9, disagreeing: 1, checked: null }]);
  });

  test("anonymous, viewer and cross-site posts are refused; a gone fact is a 404; nothing changes", async () => {
    const fields = { intent: "settle", factId: String(idOf(3.4e9)) };
    expect((await post(fields)).status).toBe(403);
    const viewer = await post(fields, "vic");
    expect(viewer.status).toBe(403);
    expect(await viewer.text()).toContain("Reviewing facts needs the analyst role");
    expect((await post(fields, "ana", { Origin: "https://evil.example" })).status).toBe(403);
    const gone = await post({ intent: "settle", factId: "999999" }, "ana");
    expect(gone.status).toBe(404);
    expect((await gone.json()).message).toContain("No fact 999999");
    expect([idOf(3.2e9) !== undefined, idOf(3.4e9) !== undefined]).toEqual([true, true]);
    expect(db.sqlite.prepare("SELECT count(*) AS n FROM fact_reviews").get()).toEqual({ n: 0 });
  });

  test("confirming €3.4 billion supersedes €3.2 billion, clears the flag, marks the chart and is audited", async () => {
    const kept = idOf(3.4e9)!;
    const lost = idOf(3.2e9)!;
    const res = await post({ intent: "settle", factId: String(kept), back: "/review?company=halden-mills" }, "ana");
    expect([res.status, res.headers.get("location")]).toEqual([303, "/review?company=halden-mills"]);
    expect(idOf(3.2e9)).toBeUndefined();
    expect(await revenuePoint()).toEqual([{ low: 3.4e9, disagreeing: 0, checked: "confirmed" }]);
    const reviews = db.sqlite
      .prepare("SELECT state, fact_id AS factId, corrected FROM fact_reviews ORDER BY state")
      .all() as Array<{ state: string; factId: number | null; corrected: string | null }>;
    expect(reviews.map((r) => [r.state, r.factId])).toEqual([
      ["confirmed", kept],
      ["superseded", null],
    ]);
    expect(JSON.parse(reviews[1].corrected!).supersededBy).toEqual({
      low: 3.4e9,
      high: 3.4e9,
      status: "actual",
      factIds: [kept],
    });
    const audit = db.sqlite.prepare("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1").get() as Record<string, string>;
    expect([audit.user_name, audit.action, audit.subject]).toEqual([
      "ana",
      "figure.settle",
      "revenue of Halden Mills, 2010 FY (actual, EUR)",
    ]);
    expect(JSON.parse(audit.before)).toEqual({
      figures: [
        { low: 3.2e9, high: 3.2e9 },
        { low: 3.4e9, high: 3.4e9 },
      ],
      conflict: true,
    });
    expect(JSON.parse(audit.after)).toEqual({
      kept: { low: 3.4e9, high: 3.4e9, status: "actual" },
      confirmed: [kept],
      superseded: [lost],
    });
    // The queue has only the division's figure left; the superseded figure is listed to be restored.
    const d = await queue();
    expect(d.queue.items.map((i: { low: number }) => i.low)).toEqual([1.1e9]);
    expect(d.rejected[0]).toMatchObject({ state: "superseded", low: 3.2e9, supersededBy: { low: 3.4e9 } });
    const again = await post({ intent: "settle", factId: String(kept) }, "ana");
    expect(again.status).toBe(409);
    expect((await again.json()).message).toContain("agree now");
  });

  test("the settlement survives re-importing both articles; restoring the superseded figure flags it again", async () => {
    for (const name of ["halden-a.txt", "halden-b.txt"]) {
      const path = join(work, name);
      const outcome = await saveArticle(db.sql, extractArticle(readFileSync(path), path), { rewrite: true });
      expect(outcome.status).toBe("replaced");
    }
    expect(idOf(3.2e9)).toBeUndefined();
    expect(await revenuePoint()).toEqual([{ low: 3.4e9, disagreeing: 0, checked: "confirmed" }]);
    const { recentRejections, restoreReview } = await import("~/models/reviews.server");
    await restoreReview("ana", (await recentRejections())[0].id);
    // The conflict is back; the chart draws the confirmed figure over the restored (and newer) one.
    expect(await revenuePoint()).toEqual([{ low: 3.4e9, disagreeing: 1, checked: "confirmed" }]);
    const d = await queue();
    expect(d.conflicts[idOf(3.2e9)!].map((f: { low: number }) => f.low)).toEqual([3.2e9, 3.4e9]);
  });
});
