import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addFact, reviewFact } from "../../db/reviews";
import { addUser } from "../../db/users";
import { importFiles } from "../../importers/run/importFiles";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, type Loader, sessionCookieOf, settle } from "./routeCalls";

/**
 * An admin undoes a company merge or removal (db/companyUndo.ts): every table the change touched reads afterwards
 * exactly as before it (companies, aliases, facts with their ids, segments, reviews, redirects, removals), the undo
 * is audited, is done once, needs the admin role, and an import afterwards files the names where they were.
 */
let cleanup: () => void;
let work: string;
let db: DbHandle;
const cookies: Record<string, string> = {};

const ARTICLES: Record<string, string> = {
  "tamsin-foods.txt":
    "Tamsin Foods posts higher revenue\n\nDate: 2009-03-02\n\nTamsin Foods said on Monday its revenue rose to $4.2 billion in 2008, from $3.9 billion in 2007.\n",
  "tamsin-group.txt":
    "Tamsin Group sales climb\n\nDate: 2010-03-01\n\nTamsin Group reported revenue of $4.6 billion for 2009.\n",
  "dunmore.txt":
    "Stake in Kelby\n\nDate: 2010-05-01\n\nDunmore Holdings said it holds a 12% stake in Kelby Mills. Kelby Mills reported revenue of $310 million in 2009. Dunmore posted revenue of $80 million in 2009. Dunmore said turnover at its cement division rose to $30 million in 2009.\n",
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-company-undo-"));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(work, name), text);
  cleanup = await seedTemporaryDatabase([work]);
  db = openDatabase();
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  await addUser(db.sql, "ada", "admin", "admin-pass-1", "test");
  for (const name of ["ana", "ada"]) cookies[name] = await sessionCookieOf(db, name);
}, 60_000);
afterAll(() => {
  db?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

/** Every row a company change can touch, whole. */
function tables() {
  const all = (sql: string) => db.sqlite.prepare(sql).all();
  return {
    companies: all("SELECT * FROM companies ORDER BY id"),
    aliases: all("SELECT * FROM company_aliases ORDER BY alias"),
    facts: all("SELECT * FROM facts ORDER BY id"),
    segments: all("SELECT * FROM fact_segments ORDER BY fact_id"),
    reviews: all("SELECT * FROM fact_reviews ORDER BY id"),
    redirects: all("SELECT * FROM company_redirects ORDER BY slug"),
    removals: all("SELECT * FROM company_removals ORDER BY company_id"),
  };
}

const companyOf = (name: string) =>
  db.sqlite.prepare("SELECT id, slug FROM companies WHERE name = ?").get(name) as
    | { id: number; slug: string }
    | undefined;

async function post(route: "companies.$slug" | "audit", slug: string, user: string, fields: Record<string, string>) {
  const { action } = (route === "audit"
    ? await import("~/routes/audit")
    : await import("~/routes/companies.$slug")) as unknown as { action: Action };
  const path = route === "audit" ? "/audit" : `/companies/${slug}`;
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "localhost", Cookie: cookies[user] },
    body: new URLSearchParams(fields).toString(),
  });
  return settle(() => action({ request, params: { slug }, context: {} }));
}

async function auditPage(user: string) {
  const { loader } = (await import("~/routes/audit")) as unknown as { loader: Loader };
  const request = new Request("http://localhost/audit", { headers: { Cookie: cookies[user] } });
  return (await settle(() => loader({ request, params: {}, context: {} }))).json();
}

async function companyPage(slug: string, user: string) {
  const { loader } = (await import("~/routes/companies.$slug")) as unknown as { loader: Loader };
  const request = new Request(`http://localhost/companies/${slug}`, { headers: { Cookie: cookies[user] } });
  return (await settle(() => loader({ request, params: { slug }, context: {} }))).json();
}

const lastAuditId = () => (db.sqlite.prepare("SELECT max(id) AS id FROM audit_log").get() as { id: number }).id;

describe("undoing a merge", () => {
  test("everything reads as before the merge; the undo is audited and done once", async () => {
    // An old address leading to the company merged (a rename before), and a review, so both must come back.
    expect(
      (await post("companies.$slug", "tamsin-foods", "ana", { intent: "rename", name: "Tamsin Fine Foods" })).status,
    ).toBe(303);
    const from = companyOf("Tamsin Fine Foods")!;
    const fact = db.sqlite.prepare("SELECT id FROM facts WHERE company_id = ? ORDER BY id LIMIT 1").get(from.id) as {
      id: number;
    };
    await reviewFact(db.sql, fact.id, { action: "confirm" }, "ana");
    const before = tables();
    expect(before.redirects).toEqual([{ slug: "tamsin-foods", company_id: from.id, at: expect.any(String) }]);

    const merged = await post("companies.$slug", from.slug, "ana", { intent: "merge", into: "Tamsin" });
    expect([merged.status, merged.headers.get("location")]).toEqual([303, "/companies/tamsin"]);
    const mergeAudit = lastAuditId();
    expect(tables()).not.toEqual(before);
    expect(companyOf("Tamsin Fine Foods")).toBeUndefined();

    // The company merged into lists the merge for an admin to undo, not for an analyst.
    const intoPage = async (user: string) => (await companyPage("tamsin", user)).record.merged;
    expect(await intoPage("ana")).toEqual([]);
    expect(await intoPage("ada")).toEqual([
      { auditId: mergeAudit, name: "Tamsin Fine Foods", userName: "ana", at: expect.stringMatching(/^\d{4}-/) },
    ]);
    // An analyst may not undo; the trail offers the admin an Undo button on the merge's row.
    const refused = await post("audit", "", "ana", { intent: "undo", auditId: String(mergeAudit) });
    expect(refused.status).toBe(403);
    expect((await auditPage("ana")).canUndo).toBe(false);
    const trail = await auditPage("ada");
    expect(trail.canUndo).toBe(true);
    const row = trail.rows.find((r: { id: number }) => r.id === mergeAudit);
    expect([row.action, row.undoable, row.changes.map((c: { field: string }) => c.field)]).toEqual([
      "company.merge",
      true,
      ["name", "slug", "aliases", "facts"],
    ]);

    const undone = await post("audit", "", "ada", { intent: "undo", auditId: String(mergeAudit) });
    expect([undone.status, undone.headers.get("location")]).toEqual([
      303,
      `/companies/tamsin-fine-foods?undone=${mergeAudit + 1}`,
    ]);
    expect(tables()).toEqual(before);
    const audit = db.sqlite.prepare("SELECT * FROM audit_log WHERE id = ?").get(lastAuditId()) as Record<
      string,
      string
    >;
    expect([audit.user_name, audit.action, audit.subject]).toEqual([
      "ada",
      "company.unmerge",
      `undo of audit ${mergeAudit}: company ${from.id} (Tamsin Fine Foods) into company ${companyOf("Tamsin")!.id} (Tamsin)`,
    ]);
    expect(JSON.parse(audit.after)).toEqual({
      undoes: mergeAudit,
      name: "Tamsin Fine Foods",
      slug: "tamsin-fine-foods",
      aliases: ["tamsin fine foods", "tamsin foods"],
      facts: 2,
      factsAsCounterparty: 0,
      factsReimportedMoved: 0,
      factsLeft: 0,
      factsLeftAmbiguous: 0,
      factsLeftCorrected: 0,
      factsLeftUnknown: 0,
    });
    expect(await intoPage("ada")).toEqual([]);
    // Once only; the trail no longer offers it.
    const again = await post("audit", "", "ada", { intent: "undo", auditId: String(mergeAudit) });
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/^It was undone already, by ada on \d{4}-\d\d-\d\d\.$/);
    expect((await auditPage("ada")).rows.find((r: { id: number }) => r.id === mergeAudit).undoable).toBe(false);
  });

  test("an import afterwards files the old name under the company brought back", async () => {
    writeFileSync(
      join(work, "tamsin-later.txt"),
      "Tamsin Foods again\n\nDate: 2011-03-01\n\nTamsin Foods reported revenue of $4.9 billion for 2010.\n",
    );
    expect((await importFiles(db, [join(work, "tamsin-later.txt")])).errors).toEqual([]);
    const row = db.sqlite
      .prepare("SELECT c.name FROM facts f JOIN companies c ON c.id = f.company_id WHERE f.low = 4.9e9")
      .get();
    expect(row).toEqual({ name: "Tamsin Fine Foods" });
  });
});

describe("undoing a removal", () => {
  test("each fact comes back with its id, values, segment and review (confirmed, corrected, added, none)", async () => {
    const dunmore = companyOf("Dunmore")!;
    const ids = (
      db.sqlite.prepare("SELECT id, kind FROM facts WHERE company_id = ? ORDER BY id").all(dunmore.id) as Array<{
        id: number;
        kind: string;
      }>
    ).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(
      db.sqlite.prepare("SELECT count(*) AS n FROM fact_segments WHERE fact_id IN (?, ?, ?)").get(...ids.slice(0, 3)),
    ).toEqual({ n: 1 });
    await reviewFact(db.sql, ids[0], { action: "confirm" }, "ana");
    const revenue = db.sqlite
      .prepare("SELECT * FROM facts WHERE company_id = ? AND kind = 'revenue' AND low = 80e6")
      .get(dunmore.id) as { id: number; article_id: number };
    await reviewFact(
      db.sql,
      revenue.id,
      {
        action: "correct",
        values: {
          company: "Dunmore",
          counterparty: null,
          market: null,
          year: 2009,
          period: null,
          low: 81e6,
          high: 81e6,
          unit: "USD",
          status: "actual",
          approximate: false,
        },
      },
      "ana",
    );
    await addFact(
      db.sql,
      revenue.article_id,
      {
        kind: "revenue",
        quote: "Dunmore posted revenue of $80 million in 2009.",
        figure: null,
        values: {
          company: "Dunmore",
          counterparty: null,
          market: null,
          year: 2010,
          period: null,
          low: 90e6,
          high: 90e6,
          unit: "USD",
          status: "forecast",
          approximate: false,
        },
      },
      "ana",
    );
    const before = tables();
    expect((before.reviews as Array<{ state: string }>).map((r) => r.state)).toEqual(
      expect.arrayContaining(["confirmed", "corrected", "added"]),
    );

    const removed = await post("companies.$slug", "dunmore", "ana", { intent: "remove", confirm: "yes" });
    expect(removed.status).toBe(303);
    const removeAudit = lastAuditId();
    expect(db.sqlite.prepare("SELECT count(*) AS n FROM facts WHERE company_id = ?").get(dunmore.id)).toEqual({ n: 0 });
    expect(tables()).not.toEqual(before);

    // The removed company's page offers the admin the undo, naming the removal's audit row.
    const page = await companyPage("dunmore", "ada");
    expect([page.canUndo, page.record.removed.auditId]).toEqual([true, removeAudit]);

    const undone = await post("audit", "", "ada", { intent: "undo", auditId: String(removeAudit) });
    expect([undone.status, undone.headers.get("location")]).toEqual([
      303,
      `/companies/dunmore?undone=${removeAudit + 1}`,
    ]);
    expect(tables()).toEqual(before);
    const audit = db.sqlite.prepare("SELECT action, after FROM audit_log WHERE id = ?").get(lastAuditId()) as {
      action: string;
      after: string;
    };
    expect([audit.action, JSON.parse(audit.after)]).toEqual([
      "company.unremove",
      {
        undoes: removeAudit,
        name: "Dunmore",
        removed: false,
        factsRestored: ids.length + 1,
        factsChangedSince: 0,
        factsReimported: 0,
        factsReimportedRestored: 0,
        factsNotGivenAgain: 0,
        factsArticleGone: 0,
        factsImportedLaterRestored: 0,
        factsImportedLaterLeft: 0,
      },
    ]);
  });

  test("a fact restored on /review meanwhile is left as it is; a wrong row or an unknown one is refused", async () => {
    const removed = await post("companies.$slug", "dunmore", "ana", { intent: "remove", confirm: "yes" });
    expect(removed.status).toBe(303);
    const removeAudit = lastAuditId();
    const review = db.sqlite
      .prepare("SELECT id FROM fact_reviews WHERE state = 'rejected' AND json_extract(original, '$.low') = 80e6")
      .get() as { id: number };
    const { restoreFact } = await import("../../db/reviews");
    await restoreFact(db.sql, review.id, "ana");
    const undone = await post("audit", "", "ada", { intent: "undo", auditId: String(removeAudit) });
    expect(undone.status).toBe(303);
    const after = JSON.parse(
      (db.sqlite.prepare("SELECT after FROM audit_log WHERE id = ?").get(lastAuditId()) as { after: string }).after,
    );
    expect([after.factsChangedSince, after.factsReimported]).toEqual([1, 0]);
    expect(db.sqlite.prepare("SELECT count(*) AS n FROM company_removals").get()).toEqual({ n: 0 });

    const rename = db.sqlite.prepare("SELECT id FROM audit_log WHERE action = 'company.rename' LIMIT 1").get() as {
      id: number;
    };
    const wrong = await post("audit", "", "ada", { intent: "undo", auditId: String(rename.id) });
    expect([wrong.status, (await wrong.json()).message]).toEqual([
      404,
      `Audit row ${rename.id} is no company merge or removal: only those are undone here.`,
    ]);
    const bad = await post("audit", "", "ada", { intent: "undo", auditId: "x" });
    expect([bad.status, (await bad.json()).message]).toEqual([400, 'The field "auditId": an audit row\'s number.']);
  });
});
