import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addUser } from "../../db/users";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, type Loader, sessionCookieOf, settle } from "./routeCalls";

/**
 * Settling a conflict between sources from the company page (issue 13): Corvel Glass's 2012 revenue is €820 million
 * in one article and €860 million in another. An analyst's page offers both figures in the revenue table; confirming
 * one there supersedes the other exactly as the review queue does, with the same `figure.settle` audit row.
 */
let cleanup: () => void;
let work: string;
let db: DbHandle;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-company-settle-"));
  writeFileSync(
    join(work, "corvel-a.txt"),
    "Corvel Glass results\n\nDate: 2013-02-01\n\nCorvel Glass reported revenue of €820 million for 2012.\n",
  );
  writeFileSync(
    join(work, "corvel-b.txt"),
    "Corvel Glass restates\n\nDate: 2013-03-01\n\nCorvel Glass posted revenue of €860 million in 2012.\n",
  );
  cleanup = await seedTemporaryDatabase([work]);
  db = openDatabase();
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  await addUser(db.sql, "vic", "viewer", "viewer-pass-1", "test");
  for (const name of ["ana", "vic"]) cookies[name] = await sessionCookieOf(db, name);
}, 60_000);
afterAll(() => {
  db?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

const idOf = (low: number) =>
  (db.sqlite.prepare("SELECT id FROM facts WHERE kind = 'revenue' AND low = ?").get(low) as { id: number } | undefined)
    ?.id;

async function page(user: string | null) {
  const { loader } = (await import("~/routes/companies.$slug")) as unknown as { loader: Loader };
  const request = new Request("http://localhost/companies/corvel-glass", {
    headers: user ? { Cookie: cookies[user] } : {},
  });
  return (await settle(() => loader({ request, params: { slug: "corvel-glass" }, context: {} }))).json();
}

/** A chart's own page, where its table (and the analysts' settle forms) is drawn (docs/decisions/039). */
async function chartPage(user: string | null, chart = "revenue-eur-year") {
  const { loader } = (await import("~/routes/companies.$slug_.charts.$chart")) as unknown as { loader: Loader };
  const request = new Request(`http://localhost/companies/corvel-glass/charts/${chart}`, {
    headers: user ? { Cookie: cookies[user] } : {},
  });
  return (await settle(() => loader({ request, params: { slug: "corvel-glass", chart }, context: {} }))).json();
}

async function post(slug: string, fields: Record<string, string>, user?: string, extra: Record<string, string> = {}) {
  const { action } = (await import("~/routes/companies.$slug")) as unknown as { action: Action };
  const headers: Record<string, string> = { Host: "localhost", "Content-Type": "application/x-www-form-urlencoded" };
  if (user) headers.Cookie = cookies[user];
  Object.assign(headers, extra);
  const request = new Request(`http://localhost/companies/${slug}?periods=year&from=2010`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields),
  });
  return settle(() => action({ request, params: { slug }, context: {} }));
}

describe("settling a conflict from the company page", () => {
  test("an analyst's page lists both figures beside the flagged point; a reader's lists none", async () => {
    const ana = await page("ana");
    const [point] = ana.revenue[0].points;
    expect([point.low, point.disagreeing]).toEqual([860e6, 1]);
    // The company page draws the table when it is opened, from the chart's own page, which has the forms' figures.
    expect(ana.revenue[0].id).toBe("revenue-eur-year");
    expect("conflicts" in ana).toBe(false);
    const figures = (await chartPage("ana")).conflicts[point.sources[0].factId];
    expect(
      figures.map((f: { low: number; factId: number; count: number; sources: Array<{ articleTitle: string }> }) => [
        f.low,
        f.factId,
        f.count,
        f.sources.map((s) => s.articleTitle),
      ]),
    ).toEqual([
      [820e6, idOf(820e6), 1, ["Corvel Glass results"]],
      [860e6, idOf(860e6), 1, ["Corvel Glass restates"]],
    ]);
    expect((await chartPage(null)).conflicts).toEqual({});
    expect((await chartPage("vic")).conflicts).toEqual({});
  });

  test("readers, cross-site posts and another company's fact are refused; nothing changes", async () => {
    const fields = { intent: "settle", factId: String(idOf(860e6)) };
    expect((await post("corvel-glass", fields)).status).toBe(403);
    expect((await post("corvel-glass", fields, "vic")).status).toBe(403);
    expect((await post("corvel-glass", fields, "ana", { Origin: "https://evil.example" })).status).toBe(403);
    // Renault's fact posted from Corvel's page: a 409 said beside the table, not a settlement of another company.
    const renault = db.sqlite
      .prepare("SELECT f.id FROM facts f JOIN companies c ON c.id = f.company_id WHERE c.slug = 'renault' LIMIT 1")
      .get() as { id: number };
    const other = await post("corvel-glass", { intent: "settle", factId: String(renault.id) }, "ana");
    expect(other.status).toBe(409);
    expect(await other.json()).toEqual({
      intent: "settle",
      message: "That figure is no longer one of Corvel Glass's (settled or re-imported meanwhile): reload.",
    });
    const bad = await post("corvel-glass", { intent: "settle", factId: "ten" }, "ana");
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain('"factId"');
    expect([idOf(820e6) !== undefined, idOf(860e6) !== undefined]).toEqual([true, true]);
    expect(db.sqlite.prepare("SELECT count(*) AS n FROM fact_reviews").get()).toEqual({ n: 0 });
    expect(db.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'figure.settle'").get()).toEqual({
      n: 0,
    });
  });

  test("confirming €860 million supersedes €820 million, stays on the page as it was, and is audited", async () => {
    const kept = idOf(860e6)!;
    const lost = idOf(820e6)!;
    const res = await post("corvel-glass", { intent: "settle", factId: String(kept) }, "ana");
    expect([res.status, res.headers.get("location")]).toEqual([303, "/companies/corvel-glass?periods=year&from=2010"]);
    expect(idOf(820e6)).toBeUndefined();
    const reviews = db.sqlite
      .prepare("SELECT state, fact_id AS factId, user_name AS userName FROM fact_reviews ORDER BY state")
      .all();
    expect(reviews).toEqual([
      { state: "confirmed", factId: kept, userName: "ana" },
      { state: "superseded", factId: null, userName: "ana" },
    ]);
    const audit = db.sqlite
      .prepare("SELECT user_name AS userName, action, subject, before, after FROM audit_log ORDER BY id DESC LIMIT 1")
      .get() as Record<string, string>;
    expect([audit.userName, audit.action, audit.subject]).toEqual([
      "ana",
      "figure.settle",
      "revenue of Corvel Glass, 2012 FY (actual, EUR)",
    ]);
    expect(JSON.parse(audit.before)).toEqual({
      figures: [
        { low: 820e6, high: 820e6 },
        { low: 860e6, high: 860e6 },
      ],
      conflict: true,
    });
    expect(JSON.parse(audit.after)).toEqual({
      kept: { low: 860e6, high: 860e6, status: "actual" },
      confirmed: [kept],
      superseded: [lost],
    });
    const after = await page("ana");
    expect(after.revenue[0].points.map((p: { low: number; disagreeing: number }) => [p.low, p.disagreeing])).toEqual([
      [860e6, 0],
    ]);
    expect((await chartPage("ana")).conflicts).toEqual({});
    // Settled twice (another tab): the sources agree now, said beside the table.
    const again = await post("corvel-glass", { intent: "settle", factId: String(kept) }, "ana");
    expect(again.status).toBe(409);
    expect((await again.json()).message).toContain("agree now");
  });
});
