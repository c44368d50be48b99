import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addUser } from "../../db/users";
import { importFiles } from "../../importers/run/importFiles";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, type Loader, sessionCookieOf, settle } from "./routeCalls";

/**
 * Analysts' changes to companies from the company page (rename, merge, remove), what they do to facts, aliases,
 * stakes and the audit trail, and that each holds when the articles are imported again; then the checked mark of
 * facts people confirmed, corrected or added, wherever facts are listed.
 */
let cleanup: () => void;
let work: string;
/** A second connection, as the import command would have. */
let importer: DbHandle;
const cookies: Record<string, string> = {};

const ARTICLES: Record<string, string> = {
  // "Halvard Foods" here and "Halvard" (written "Halvard Group") below are one company.
  "halvard-foods.txt":
    "Halvard Foods posts higher revenue\n\nDate: 2009-03-02\n\nHalvard Foods said on Monday its revenue rose to $4.2 billion in 2008, from $3.9 billion in 2007.\n",
  "halvard-group.txt":
    "Halvard Group sales climb\n\nDate: 2010-03-01\n\nHalvard Group reported revenue of $4.6 billion for 2009.\n",
  // "Springfield" is read as a company: the holder of a stake in Brenmoor and a revenue of its own.
  "springfield.txt":
    "Stake in Brenmoor\n\nDate: 2010-05-01\n\nSpringfield Holdings said it holds a 12% stake in Brenmoor Mills. Brenmoor Mills reported revenue of $310 million in 2009. Springfield posted revenue of $80 million in 2009.\n",
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-companies-"));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(work, name), text);
  cleanup = await seedTemporaryDatabase([work]);
  importer = openDatabase();
  await addUser(importer.sql, "ana", "analyst", "analyst-pass-1", "test");
  await addUser(importer.sql, "vic", "viewer", "viewer-pass-1", "test");
  for (const name of ["ana", "vic"]) cookies[name] = await sessionCookieOf(importer, name);
}, 60_000);
afterAll(async () => {
  importer?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

async function change(
  slug: string,
  user: string | null,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const { action } = (await import("~/routes/companies.$slug")) as unknown as { action: Action };
  const request = new Request(`http://localhost/companies/${slug}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Host: "localhost",
      ...(user ? { Cookie: cookies[user] } : {}),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
  return settle(() => action({ request, params: { slug }, context: {} }));
}

async function page(slug: string, user: string | null = null, route = "companies.$slug") {
  const { loader } = (await import(`~/routes/${route}`)) as unknown as { loader: Loader };
  const url = route === "companies.$slug" ? `http://localhost/companies/${slug}` : `http://localhost${slug}`;
  const res = await settle(() =>
    loader({
      request: new Request(url, { headers: user ? { Cookie: cookies[user] } : {} }),
      params: { slug },
      context: {},
    }),
  );
  return { status: res.status, data: res.status === 200 ? await res.json() : (await res.json()).catch(() => null) };
}

const companyOf = (name: string) =>
  importer.sqlite.prepare("SELECT id, name, slug FROM companies WHERE name = ?").get(name) as
    | { id: number; name: string; slug: string }
    | undefined;

/** What each fact of an article says, by the company the database files it under now. */
function factsOf(file: string): string[] {
  return (
    importer.sqlite
      .prepare(
        `SELECT f.kind, c.name AS company, cp.name AS counterparty, f.year, f.low FROM facts f
         JOIN companies c ON c.id = f.company_id LEFT JOIN companies cp ON cp.id = f.counterparty_id
         JOIN articles a ON a.id = f.article_id WHERE a.source_path = ? ORDER BY f.low`,
      )
      .all(join(work, file)) as Array<{
      kind: string;
      company: string;
      counterparty: string | null;
      year: number | null;
      low: number;
    }>
  ).map((f) => `${f.kind} ${f.company}${f.counterparty ? ` > ${f.counterparty}` : ""} ${f.year ?? "-"} ${f.low}`);
}

function lastAudit(): { userName: string; action: string; subject: string; before: unknown; after: unknown } {
  const row = importer.sqlite
    .prepare("SELECT user_name AS userName, action, subject, before, after FROM audit_log ORDER BY id DESC LIMIT 1")
    .get() as { userName: string; action: string; subject: string; before: string | null; after: string | null };
  return { ...row, before: row.before && JSON.parse(row.before), after: row.after && JSON.parse(row.after) };
}

/** Appends a line, so the bytes change and the import replaces the article. */
async function touch(file: string): Promise<void> {
  const path = join(work, file);
  writeFileSync(path, `${readFileSync(path, "utf8")}A line added later.\n`);
  expect((await importFiles(importer, [path])).errors).toEqual([]);
}

describe("who may change a company", () => {
  test("visitors, viewers and other sites are refused; mistakes are said beside the form, never a 500", async () => {
    const viewer = await change("brenmoor", "vic", { intent: "rename", name: "Brenmoor Mills" });
    expect(viewer.status).toBe(403);
    expect((await viewer.json()).message).toBe(
      "Changing a company needs the analyst role; you are signed in as vic, a viewer.",
    );
    expect((await change("brenmoor", null, { intent: "remove", confirm: "yes" })).status).toBe(403);
    const crossSite = await change(
      "brenmoor",
      "ana",
      { intent: "remove", confirm: "yes" },
      { Origin: "https://evil.example" },
    );
    expect(crossSite.status).toBe(403);
    expect((await change("no-such-firm", "ana", { intent: "remove", confirm: "yes" })).status).toBe(404);

    const cases: Array<[Record<string, string>, number, string]> = [
      [{ intent: "delete" }, 400, 'The field "intent": intent is rename, merge, remove or settle.'],
      [{ intent: "remove" }, 400, 'The field "confirm": tick the box to say it is no company.'],
      [{ intent: "rename", name: "   " }, 400, "A company needs a name."],
      [{ intent: "rename", name: "Brenmoor" }, 400, "Brenmoor is already its name."],
      [{ intent: "rename", name: "***" }, 400, "A company name needs a letter or a digit."],
      [{ intent: "rename", name: "Bren\u202emoor" }, 400, "A company name cannot hold control characters."],
      [{ intent: "rename", name: "x".repeat(121) }, 400, "A company name is at most 120 characters."],
      [
        { intent: "rename", name: "Halvard" },
        409,
        '"Halvard" is already a company: merge Brenmoor into Halvard instead.',
      ],
      [
        { intent: "rename", name: "halvard group" },
        409,
        '"halvard group" is already a name of Halvard: merge Brenmoor into Halvard instead.',
      ],
      [{ intent: "merge", into: "Brenmoor" }, 400, "Brenmoor cannot be merged into itself."],
      [{ intent: "merge", into: "Nobody Ltd" }, 400, 'No company is called "Nobody Ltd": pick one of the suggestions.'],
    ];
    const auditRows = () => (importer.sqlite.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;
    const before = auditRows();
    for (const [fields, status, message] of cases) {
      const res = await change("brenmoor", "ana", fields);
      expect({ fields, status: res.status, body: await res.json() }).toEqual({
        fields,
        status,
        body: { intent: fields.intent === "delete" ? "" : fields.intent, message },
      });
    }
    expect(auditRows()).toBe(before);
    expect(companyOf("Brenmoor")).toBeDefined();
  });

  test("the page offers the forms to analysts only, with the company's other names", async () => {
    const ana = await page("halvard", "ana");
    expect(ana.data.canEdit).toBe(true);
    expect(ana.data.record).toEqual({ aliases: ["halvard", "halvard group"], removed: null, merged: [] });
    expect((await page("halvard", "vic")).data.canEdit).toBe(false);
    expect((await page("halvard")).data.canEdit).toBe(false);
  });
});

describe("rename", () => {
  test("renames, keeps the old name as an alias, audits, and a re-import files the old name under the new one", async () => {
    const old = companyOf("Brenmoor")!;
    const res = await change("brenmoor", "ana", { intent: "rename", name: "  Brenmoor   Textiles " });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/companies/brenmoor-textiles");
    expect(companyOf("Brenmoor")).toBeUndefined();
    expect(companyOf("Brenmoor Textiles")).toEqual({
      id: old.id,
      name: "Brenmoor Textiles",
      slug: "brenmoor-textiles",
    });
    expect(lastAudit()).toEqual({
      userName: "ana",
      action: "company.rename",
      subject: `company ${old.id} (Brenmoor)`,
      before: { name: "Brenmoor", slug: "brenmoor" },
      after: { name: "Brenmoor Textiles", slug: "brenmoor-textiles" },
    });
    // The old address leads to the new one (company_redirects).
    const oldAddress = await settle(async () => {
      const { loader } = (await import("~/routes/companies.$slug")) as unknown as { loader: Loader };
      return loader({
        request: new Request("http://localhost/companies/brenmoor"),
        params: { slug: "brenmoor" },
        context: {},
      });
    });
    expect([oldAddress.status, oldAddress.headers.get("location")]).toEqual([302, "/companies/brenmoor-textiles"]);
    const renamed = await page("brenmoor-textiles");
    expect(renamed.data.company.name).toBe("Brenmoor Textiles");
    expect(renamed.data.revenue[0].points.map((p: { low: number }) => p.low)).toEqual([310000000]);

    // The extractor still writes "Brenmoor": the import finds it among the aliases.
    await touch("springfield.txt");
    expect(factsOf("springfield.txt")).toEqual([
      "stake Springfield > Brenmoor Textiles - 12",
      "revenue Springfield 2009 80000000",
      "revenue Brenmoor Textiles 2009 310000000",
    ]);
    expect(companyOf("Brenmoor")).toBeUndefined();
  });
});

describe("merge", () => {
  test("moves every fact, stake and alias to the other company, deletes the name, audits, and holds on re-import", async () => {
    const from = companyOf("Halvard Foods")!;
    const into = companyOf("Halvard")!;
    const res = await change("halvard-foods", "ana", { intent: "merge", into: "halvard group" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/companies/halvard");
    expect(companyOf("Halvard Foods")).toBeUndefined();
    expect(factsOf("halvard-foods.txt")).toEqual([
      "revenue Halvard 2007 3900000000",
      "revenue Halvard 2008 4200000000",
    ]);
    const aliases = importer.sqlite
      .prepare("SELECT alias FROM company_aliases WHERE company_id = ? ORDER BY alias")
      .all(into.id)
      .map((r) => (r as { alias: string }).alias);
    expect(aliases).toEqual(["halvard", "halvard foods", "halvard group"]);
    expect(lastAudit()).toEqual({
      userName: "ana",
      action: "company.merge",
      subject: `company ${from.id} (Halvard Foods) into company ${into.id} (Halvard)`,
      before: {
        name: "Halvard Foods",
        slug: "halvard-foods",
        aliases: ["halvard foods"],
        facts: 2,
        factsAsCounterparty: 0,
        // What an admin's undo puts back (db/companyUndo.ts, tests/app/companyUndo.test.ts).
        undo: expect.objectContaining({
          company: { id: from.id, name: "Halvard Foods", slug: "halvard-foods" },
          intoId: into.id,
          aliases: ["halvard foods"],
        }),
      },
      after: {
        name: "Halvard",
        slug: "halvard",
        aliases: ["halvard", "halvard foods", "halvard group"],
        facts: 3,
        factsAsCounterparty: 0,
      },
    });
    const merged = await page("halvard");
    expect(merged.data.revenue[0].points.map((p: { label: string; low: number }) => [p.label, p.low])).toEqual([
      ["2007", 3900000000],
      ["2008", 4200000000],
      ["2009", 4600000000],
    ]);
    // The merged name's address leads to the company merged into.
    const oldAddress = await settle(async () => {
      const { loader } = (await import("~/routes/companies.$slug")) as unknown as { loader: Loader };
      return loader({
        request: new Request("http://localhost/companies/halvard-foods"),
        params: { slug: "halvard-foods" },
        context: {},
      });
    });
    expect([oldAddress.status, oldAddress.headers.get("location")]).toEqual([302, "/companies/halvard"]);

    await touch("halvard-foods.txt");
    expect(factsOf("halvard-foods.txt")).toEqual([
      "revenue Halvard 2007 3900000000",
      "revenue Halvard 2008 4200000000",
    ]);
    expect(companyOf("Halvard Foods")).toBeUndefined();
  });

  test("stakes move too: the company held in a stake is merged like a subject", async () => {
    const res = await change("brenmoor-textiles", "ana", { intent: "rename", name: "Brenmoor Mills Textiles" });
    expect(res.status).toBe(303);
    // A second name for Brenmoor, known only as the company held in a stake, merged into it.
    writeFileSync(
      join(work, "brenmoor-stake.txt"),
      "Kestrel buys into Brenmoor Weaving\n\nDate: 2011-02-01\n\nKestrel Capital said it holds a 7% stake in Brenmoor Weaving.\n",
    );
    expect((await importFiles(importer, [join(work, "brenmoor-stake.txt")])).errors).toEqual([]);
    const held = factsOf("brenmoor-stake.txt")[0].split(" > ")[1].replace(/ - 7$/, "");
    expect(held).not.toBe("Brenmoor Mills Textiles");
    const heldSlug = companyOf(held)!.slug;
    expect((await change(heldSlug, "ana", { intent: "merge", into: "Brenmoor Mills Textiles" })).status).toBe(303);
    expect(factsOf("brenmoor-stake.txt")).toEqual(["stake Kestrel > Brenmoor Mills Textiles - 7"]);
    const stakesIn = (await page("brenmoor-mills-textiles")).data.stakesIn;
    expect(stakesIn.map((g: { holder: string; held: string }) => `${g.holder} > ${g.held}`).sort()).toEqual([
      "Kestrel > Brenmoor Mills Textiles",
      "Springfield > Brenmoor Mills Textiles",
    ]);
  });
});

describe("remove", () => {
  test("rejects its facts (kept as rejections, restorable), marks the name, audits, and rejects it again on import", async () => {
    const springfield = companyOf("Springfield")!;
    const res = await change("springfield", "ana", { intent: "remove", confirm: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/companies/springfield");
    expect(factsOf("springfield.txt")).toEqual(["revenue Brenmoor Mills Textiles 2009 310000000"]);
    const rejections = importer.sqlite
      .prepare(
        `SELECT state, user_name AS userName, json_extract(original, '$.company') AS company,
           json_extract(original, '$.kind') AS kind FROM fact_reviews WHERE state = 'rejected' ORDER BY kind`,
      )
      .all();
    expect(rejections).toEqual([
      { state: "rejected", userName: "ana", company: "Springfield", kind: "revenue" },
      { state: "rejected", userName: "ana", company: "Springfield", kind: "stake" },
    ]);
    expect(lastAudit()).toEqual({
      userName: "ana",
      action: "company.remove",
      subject: `company ${springfield.id} (Springfield)`,
      before: {
        name: "Springfield",
        slug: "springfield",
        aliases: ["springfield"],
        facts: 2,
        factsAsCounterparty: 0,
        removed: false,
        undo: expect.objectContaining({ companyId: springfield.id, facts: expect.any(Array) }),
      },
      after: { removed: true, factsRejected: 2 },
    });
    const removed = await page("springfield", "ana");
    expect(removed.data.record.removed.userName).toBe("ana");
    expect(removed.data.revenue).toEqual([]);
    expect(removed.data.stakesHeld).toEqual([]);
    // The rejections are listed on /review, and no search finds the name any more.
    const review = (await import("~/routes/review")) as unknown as { loader: Loader };
    const queue = await (
      await review.loader({
        request: new Request("http://localhost/review", { headers: { Cookie: cookies.ana } }),
        params: {},
        context: {},
      })
    ).json();
    expect(queue.rejected.filter((r: { company: string }) => r.company === "Springfield")).toHaveLength(2);
    const search = (await import("~/models/search.server")) as typeof import("~/models/search.server");
    expect((await search.resolveCompanyNames(["Springfield"])).companies).toEqual([]);
    expect((await change("springfield", "ana", { intent: "remove", confirm: "yes" })).status).toBe(409);
    expect((await change("springfield", "ana", { intent: "rename", name: "Springfield Town" })).status).toBe(409);

    // The same article again, and a new one naming it: the extractor writes "Springfield", the import rejects it.
    await touch("springfield.txt");
    expect(factsOf("springfield.txt")).toEqual(["revenue Brenmoor Mills Textiles 2009 310000000"]);
    writeFileSync(
      join(work, "springfield-2.txt"),
      "Springfield results\n\nDate: 2011-03-01\n\nSpringfield Holdings reported revenue of $95 million for 2010. Halvard Group reported revenue of $4.9 billion for 2010.\n",
    );
    expect((await importFiles(importer, [join(work, "springfield-2.txt")])).errors).toEqual([]);
    expect(factsOf("springfield-2.txt")).toEqual(["revenue Halvard 2010 4900000000"]);
    const later = importer.sqlite
      .prepare(
        `SELECT user_name AS userName, json_extract(original, '$.low') AS low FROM fact_reviews
         WHERE state = 'rejected' AND article_path = ?`,
      )
      .all(join(work, "springfield-2.txt"));
    expect(later).toEqual([{ userName: "ana", low: 95000000 }]);
  });
});

describe("checked facts", () => {
  test("facts confirmed, corrected or added are marked on the facts page, the company page and the stakes list", async () => {
    const { reviewFact } = await import("../../db/reviews");
    const { getWriteDb } = await import("~/writeDb.server");
    const id = (low: number) =>
      (importer.sqlite.prepare("SELECT id FROM facts WHERE low = ?").get(low) as { id: number }).id;
    await reviewFact(getWriteDb().sql, id(4600000000), { action: "confirm" }, "ana");
    await reviewFact(
      getWriteDb().sql,
      id(3900000000),
      {
        action: "correct",
        values: {
          company: "Halvard",
          counterparty: null,
          market: null,
          year: 2007,
          period: "FY",
          low: 3950000000,
          high: 3950000000,
          unit: "USD",
          status: "actual",
          approximate: false,
        },
      },
      "ana",
    );
    const kestrelStake = (
      importer.sqlite.prepare("SELECT id FROM facts WHERE quote LIKE ?").get("Kestrel Capital%") as { id: number }
    ).id;
    await reviewFact(getWriteDb().sql, kestrelStake, { action: "confirm" }, "ana");

    const facts = await page("/facts?company=halvard", null, "facts");
    const marks = Object.fromEntries(
      facts.data.facts.map((f: { low: number; checked: string | null }) => [f.low, f.checked]),
    );
    expect(marks).toEqual({
      3950000000: "corrected",
      4200000000: null,
      4600000000: "confirmed",
      4900000000: null,
    });

    const company = (await page("halvard")).data;
    const sources = company.revenue[0].points.flatMap((p: { label: string; sources: Array<{ checked: string }> }) =>
      p.sources.map((s) => [p.label, s.checked]),
    );
    expect(sources).toEqual([
      ["2007", "corrected"],
      ["2008", null],
      ["2009", "confirmed"],
      ["2010", null],
    ]);
    const stakes = (await page("brenmoor-mills-textiles")).data.stakesIn;
    const kestrel = stakes.find((g: { holder: string }) => g.holder === "Kestrel");
    expect(kestrel.rows[0].figures[0].sources.map((s: { checked: string }) => s.checked)).toEqual(["confirmed"]);
  });
});
