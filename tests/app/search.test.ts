import type { LoaderFunctionArgs } from "@remix-run/node";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";

// The seeds alone: Nissan appears there only as the company Renault holds 43 % of.
let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
  // Invented companies, written through a second connection as an import would, so the search sees the change.
  const db = new Database(process.env.DATABASE_PATH!);
  const article = db
    .prepare("INSERT INTO articles (source_path, sha256, title, cleaned_text) VALUES ('x', 'search-test', 'T', 'text')")
    .run().lastInsertRowid;
  const company = (name: string, slug: string, facts: number, aliases: string[] = []) => {
    const id = db.prepare("INSERT INTO companies (name, slug) VALUES (?, ?)").run(name, slug).lastInsertRowid;
    for (const alias of aliases)
      db.prepare("INSERT INTO company_aliases (alias, company_id) VALUES (?, ?)").run(alias, id);
    for (let i = 0; i < facts; i++) fact(Number(id), null);
    return Number(id);
  };
  const fact = (companyId: number, counterpartyId: number | null) =>
    db
      .prepare(
        `INSERT INTO facts (article_id, kind, company_id, counterparty_id, year, low, high, unit, status, quote, start, "end")
         VALUES (?, ?, ?, ?, 2020, 10, 10, ?, 'actual', 'q', 0, 1)`,
      )
      .run(
        article,
        counterpartyId ? "stake" : "revenue",
        companyId,
        counterpartyId,
        counterpartyId ? "percent" : "EUR",
      );
  const acme = company("Acme", "acme", 1);
  company("Acme Holdings", "acme-holdings", 1);
  company("Acme Group", "acme-group", 3);
  company("Zenith Acme", "zenith-acme", 5);
  company("Placme Acmecorp", "placme-acmecorp", 9);
  company("Bigacme", "bigacme", 20);
  company("Kestrel", "kestrel", 1, ["kestrel aerospace plc"]);
  company("Société Générale", "societe-generale", 1);
  // Known only as held: no fact of its own, one stake held in it.
  const quillon = company("Quillon", "quillon", 0);
  fact(acme, quillon);
  // No fact mentions it (an article that named it was replaced): not worth finding.
  company("Acme Orphan", "acme-orphan", 0);
  db.close();
});
afterAll(() => cleanup?.());

const search = async (q: string, limit?: number) => (await import("~/models/search.server")).searchCompanies(q, limit);

describe("company search", () => {
  test("finds a company by an alias that is not its name, and says which alias matched", async () => {
    const [first, ...rest] = await search("aerospace");
    expect(rest).toEqual([]);
    expect(first).toEqual({
      name: "Kestrel",
      slug: "kestrel",
      alias: "kestrel aerospace plc",
      match: "word",
      facts: 1,
      holders: 0,
    });
  });

  test("finds a company known only as held, with its holders counted", async () => {
    expect(await search("Quillon")).toEqual([
      { name: "Quillon", slug: "quillon", alias: null, match: "exact", facts: 0, holders: 1 },
    ]);
    // On the seeds, Nissan is only ever the company held.
    expect((await search("nissan")).map((m) => [m.name, m.match, m.facts, m.holders])).toEqual([
      ["Nissan", "exact", 0, 1],
      ["Renault + Nissan + AvtoVAZ", "word", 2, 0],
    ]);
  });

  test("ranks exact over prefix over word over contains, then by facts, whatever the case", async () => {
    const matches = await search("ACME");
    expect(matches.map((m) => [m.name, m.match])).toEqual([
      ["Acme", "exact"],
      // Two that start with the name: the one with more facts first.
      ["Acme Group", "prefix"],
      ["Acme Holdings", "prefix"],
      // A word starting with it, even after the query appeared inside another word ("placme").
      ["Placme Acmecorp", "word"],
      ["Zenith Acme", "word"],
      // Twenty facts do not lift a name that only has the query inside a word.
      ["Bigacme", "contains"],
    ]);
    expect((await search("cme")).every((m) => m.match === "contains")).toBe(true);
    expect((await search("lacme")).map((m) => [m.name, m.match])).toEqual([["Placme Acmecorp", "contains"]]);
  });

  test("returns at most the limit, keeping the best", async () => {
    expect((await search("acme", 2)).map((m) => m.name)).toEqual(["Acme", "Acme Group"]);
    expect(await search("acme", 0)).toEqual([]);
  });

  test("ignores accents and spacing, and finds nothing for blank or unknown text", async () => {
    expect((await search("  societe   gen")).map((m) => [m.name, m.match])).toEqual([["Société Générale", "prefix"]]);
    expect(await search("   ")).toEqual([]);
    expect(await search("daimler")).toEqual([]);
    // Companies no fact mentions are left out.
    expect((await search("orphan")).map((m) => m.name)).toEqual([]);
  });
});

describe("resolving typed names", () => {
  test("names, aliases and slugs in any case resolve, once each; the rest come back with suggestions", async () => {
    const { resolveCompanyNames } = await import("~/models/search.server");
    const r = await resolveCompanyNames([
      "RENAULT",
      "nissan",
      "Kestrel Aerospace PLC",
      "renault",
      "Nissan Motor",
      "Daimler",
    ]);
    expect(r.companies.map((c) => c.slug)).toEqual(["renault", "nissan", "kestrel"]);
    expect(r.unknown.map((u) => [u.name, u.suggestions.map((s) => s.name)])).toEqual([
      // Nothing contains "nissan motor"; its word "nissan" does.
      ["Nissan Motor", ["Nissan", "Renault + Nissan + AvtoVAZ"]],
      ["Daimler", []],
    ]);
  });
});

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;

async function load(module: Promise<{ loader: Loader }>, url: string, params: Record<string, string> = {}) {
  const { loader } = await module;
  try {
    return await loader({ request: new Request(`http://localhost${url}`), params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("pages that take names", () => {
  test("a company known only as held has a page with the stake held in it", async () => {
    const res = await load(import("~/routes/companies.$slug"), "/companies/nissan", { slug: "nissan" });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.revenue).toEqual([]);
    expect(data.stakesIn.map((g: { holder: string; held: string }) => [g.holder, g.held])).toEqual([
      ["Renault", "Nissan"],
    ]);
  });

  test("/compare takes names typed in any case and shows them as the companies' names", async () => {
    const res = await load(import("~/routes/compare"), `/compare?companies=${encodeURIComponent("renault, NISSAN")}`);
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.companies).toEqual([
      { name: "Renault", slug: "renault" },
      { name: "Nissan", slug: "nissan" },
    ]);
    expect(data.field).toBe("Renault, Nissan");
    expect(data.unknown).toEqual([]);
  });

  test("/compare with an unknown name is a page naming it, with a link that uses the suggestion", async () => {
    const res = await load(
      import("~/routes/compare"),
      `/compare?companies=${encodeURIComponent("Renault, Nissan Motor")}`,
    );
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.companies.map((c: { slug: string }) => c.slug)).toEqual(["renault"]);
    expect(data.field).toBe("Renault, Nissan Motor");
    expect(data.unknown[0].name).toBe("Nissan Motor");
    expect(data.unknown[0].suggestions[0]).toEqual({
      name: "Nissan",
      href: `/compare?companies=${encodeURIComponent("Renault,nissan")}`,
    });
  });

  test("/compare keeps the first eight companies named and says which were left out", async () => {
    const names = "Acme, Acme Group, Acme Holdings, Zenith Acme, Placme Acmecorp, Bigacme, Kestrel, Quillon, Renault";
    const data = await (
      await load(import("~/routes/compare"), `/compare?companies=${encodeURIComponent(names)}`)
    ).json();
    expect(data.companies).toHaveLength(8);
    expect(data.left).toEqual(["Renault"]);
  });

  test("/stakes and /facts filters take names; an unknown one is listed with suggestions, not a 400", async () => {
    const stakes = await (await load(import("~/routes/stakes"), "/stakes?holder=RENAULT")).json();
    expect(stakes.field.holder).toBe("Renault");
    expect(stakes.groups).toHaveLength(1);
    const unknown = await load(import("~/routes/stakes"), "/stakes?held=Nissan%20Motor%20Co&page=2");
    expect(unknown.status).toBe(200);
    const u = await unknown.json();
    expect(u.unknown[0].suggestions[0]).toEqual({ name: "Nissan", href: "/stakes?held=nissan" });
    const facts = await (await load(import("~/routes/facts"), "/facts?company=Nissan")).json();
    expect(facts.facts.map((f: { kind: string }) => f.kind)).toEqual(["stake", "stake"]);
  });

  test("/api/companies answers JSON, and a 400 for a malformed limit", async () => {
    const api = import("~/routes/api.companies");
    const res = await load(api, "/api/companies?q=ren&limit=1");
    expect(await res.json()).toEqual({
      query: "ren",
      companies: [{ name: "Renault", slug: "renault", alias: null, match: "prefix", facts: 6, holders: 0 }],
    });
    expect((await load(api, "/api/companies?q=ren&limit=x")).status).toBe(400);
  });

  test("/search lists matches; an empty query asks for one", async () => {
    const data = await (await load(import("~/routes/search"), "/search?q=acme")).json();
    expect(data.matches.map((m: { slug: string }) => m.slug)).toEqual([
      "acme",
      "acme-group",
      "acme-holdings",
      "placme-acmecorp",
      "zenith-acme",
      "bigacme",
    ]);
    expect((await (await load(import("~/routes/search"), "/search")).json()).matches).toEqual([]);
  });
});
