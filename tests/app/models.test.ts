import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";

let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/dashboard"]);
});
afterAll(() => cleanup?.());

const RENAULT_REVENUE_QUOTE = "Renault posted revenues of €40.68 billion for 2007 and €37.79 billion in 2008.";

describe("backend", () => {
  test("the models read the backend the test project names: SQLite, or PostgreSQL with TEST_BACKEND=postgres", async () => {
    const { getSql } = await import("~/db.server");
    expect((await getSql()).dialect).toBe(process.env.TEST_BACKEND === "postgres" ? "postgres" : "sqlite");
  });
});

describe("company model", () => {
  test("Renault's revenue is one EUR chart by year with 2007 and 2008, each with its quote", async () => {
    const { findCompany } = await import("~/models/companies.server");
    const { companyCharts } = await import("~/models/charts.server");
    const renault = await findCompany("renault");
    expect(renault?.name).toBe("Renault");
    const series = (await companyCharts(renault!)).revenue;
    expect(series.map((s) => s.id)).toEqual(["revenue-eur-year"]);
    expect(series[0].points.map((p) => [p.label, p.low, p.high, p.unit, p.status])).toEqual([
      ["2007", 40680000000, 40680000000, "EUR", "actual"],
      ["2008", 37790000000, 37790000000, "EUR", "actual"],
    ]);
    expect(series[0].points[0].sources[0].quote).toBe(RENAULT_REVENUE_QUOTE);
  });

  test("a nine-month change is charted apart from full years, on its own axis, and the base period is named", async () => {
    const { findCompany } = await import("~/models/companies.server");
    const { companyCharts } = await import("~/models/charts.server");
    const renault = (await findCompany("renault"))!;
    const years = (await companyCharts(renault)).revenueChange;
    expect(years.map((s) => s.id)).toEqual(["revenue-change-year"]);
    expect(years[0].points.map((p) => [p.label, p.low, p.high, p.note])).toEqual([
      ["2009 (forecast)", -18, -17, "vs 2007"],
    ]);
    const partYears = await companyCharts(renault, { periods: "part-year" });
    // The old links' "part-year" is the first part-year type the company has: nine months here.
    expect(partYears.periods).toBe("nine-months");
    expect(partYears.revenueChange.map((s) => s.id)).toEqual(["revenue-change-nine-months"]);
    expect(partYears.revenueChange[0].points.map((p) => [p.label, p.low, p.note])).toEqual([
      ["9M 2009", -20, "vs 9M 2008"],
    ]);
    // Against the same nine months a year before: one step of the nine-month axis, so a step of a line.
    expect(partYears.revenueChange[0].points.map((p) => [p.t, p.baseAt, p.chained])).toEqual([[2009, 2008, true]]);
    // The full-year revenue stays off the part-year view, and the page knows there is one to link to.
    expect(partYears.revenue).toEqual([]);
    expect((await companyCharts(renault)).hasPartYears).toBe(true);
  });

  test("an unknown slug finds no company", async () => {
    const { findCompany } = await import("~/models/companies.server");
    expect(await findCompany("no-such-company")).toBeNull();
  });
});

describe("stakes model", () => {
  test("Renault -> Nissan 43 %: a row for 2022 and one for the source no year can be given to, no conflict", async () => {
    const { listStakes } = await import("~/models/stakes.server");
    const page = await listStakes({ holder: "renault" });
    expect(page.groups).toHaveLength(1);
    const g = page.groups[0];
    expect([g.holder, g.held, g.conflict]).toEqual(["Renault", "Nissan", false]);
    expect(g.rows.map((r) => [r.asOf, r.figures.map((f) => [f.low, f.high, f.sources.length])])).toEqual([
      [2022, [[43, 43, 1]]],
      [null, [[43, 43, 1]]],
    ]);
    expect(g.rows.map((r) => r.asOfFrom)).toEqual(["article", "article"]);
  });

  test("a filter naming no company says so instead of listing everything", async () => {
    const { listStakes } = await import("~/models/stakes.server");
    const page = await listStakes({ held: "nobody" });
    expect(page.unknownFilter).toBe(true);
    expect(page.groups).toEqual([]);
  });
});

describe("compare model", () => {
  test("absolute revenue: Renault and Nissan share one EUR chart with a line each", async () => {
    const { findCompanies } = await import("~/models/companies.server");
    const { compareCompanies } = await import("~/models/compare.server");
    const companies = (await findCompanies(["renault", "nissan"])).sort((a, b) => a.name.localeCompare(b.name));
    const charts = await compareCompanies(companies, { metric: "revenue", mode: "absolute" });
    expect(charts).toHaveLength(1);
    expect(charts[0].unit).toBe("EUR");
    expect(charts[0].companies.map((c) => c.slug)).toEqual(["nissan", "renault"]);
    expect(charts[0].rows.map((r) => [r.year, r.points.renault?.value, r.points.nissan?.value])).toEqual([
      [2007, 40680000000, 85100000000],
      [2008, 37790000000, 90200000000],
    ]);
  });

  test("indexed revenue rebases each company to 100 in the first common year", async () => {
    const { findCompanies } = await import("~/models/companies.server");
    const { compareCompanies } = await import("~/models/compare.server");
    const charts = await compareCompanies(await findCompanies(["renault", "nissan"]), {
      metric: "revenue",
      mode: "indexed",
    });
    expect(charts[0].unit).toBe("index");
    expect(charts[0].rows.map((r) => [r.year, r.points.renault?.value, r.points.nissan?.value])).toEqual([
      [2007, 100, 100],
      [2008, 92.9, 106],
    ]);
  });
});

describe("facts model", () => {
  test("filters by kind and company, pages, and sorts by value", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const stakes = await queryFacts({ kind: "stake" });
    expect(stakes.facts.map((f) => [f.company, f.counterparty, f.low])).toEqual([
      ["Renault", "Nissan", 43],
      ["Renault", "Nissan", 43],
    ]);
    const firstPage = await queryFacts({ pageSize: 3, sort: "value", dir: "desc" });
    expect(firstPage.hasNext).toBe(true);
    expect(firstPage.facts.map((f) => f.low)).toEqual([90200000000, 85100000000, 40680000000]);
    const nissan = await queryFacts({ company: "nissan" });
    // Nissan's own revenue and the stakes held in it.
    expect(nissan.facts.map((f) => f.kind).sort()).toEqual(["revenue", "revenue", "stake", "stake"]);
    expect((await queryFacts({ company: "nobody" })).companyName).toBeNull();
  });
});

describe("search model", () => {
  test("a name finds the company, counting its facts and holders; a name typed wrong gets suggestions", async () => {
    const { searchCompanies, resolveCompanyNames } = await import("~/models/search.server");
    const nissan = await searchCompanies("nissan");
    // Nissan's two revenue figures (tests/fixtures/dashboard) and Renault holding a stake in it.
    expect(nissan[0]).toEqual({ name: "Nissan", slug: "nissan", alias: null, match: "exact", facts: 2, holders: 1 });
    const r = await resolveCompanyNames(["RENAULT", "Nissan Motor Co", "nissan"]);
    expect(r.companies.map((c) => c.slug)).toEqual(["renault", "nissan"]);
    expect(r.unknown.map((u) => [u.name, u.suggestions[0]?.name])).toEqual([["Nissan Motor Co", "Nissan"]]);
  });
});

describe("article model", () => {
  test("the sentence of each fact is marked, the figure inside it flagged, and the anchor set", async () => {
    const { getSql } = await import("~/db.server");
    const { getArticle } = await import("~/models/articles.server");
    const sql = await getSql();
    const row = (await sql.get<{ id: number }>("SELECT id FROM articles WHERE source_path LIKE ?", [
      "%000_c0781cebfd980f41.txt",
    ]))!;
    const article = (await getArticle(row.id))!;
    const revenue = article.facts.find((f) => f.kind === "revenue" && f.year === 2007)!;
    const marked = article.segments.filter((s) => s.factIds.includes(revenue.id));
    expect(marked.map((s) => s.text).join("")).toBe(RENAULT_REVENUE_QUOTE);
    expect(marked[0].anchors).toContain(revenue.id);
    expect(marked.filter((s) => s.figure).map((s) => s.text)).toContain("€40.68 billion");
    expect(await getArticle(999999)).toBeNull();
  });
});
