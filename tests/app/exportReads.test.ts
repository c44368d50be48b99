import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * An export draws one chart, so it reads only that chart's figures (issue 12: exports read every figure a company
 * has to draw one), through the same model query the company page's chart is made with, and says what the page
 * says. The queries are watched by wrapping the Sql the models read through (db/sql.ts).
 */
let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase([
    "tests/fixtures/dashboard",
    "tests/fixtures/declines",
    "tests/fixtures/stakes",
    "tests/fixtures/quarters",
  ]);
});
afterAll(() => cleanup?.());

const EXPORT_PARAMS = { metric: "revenue", mode: "absolute" } as const;

/** The SQL of every query run while `run` runs, and what it returned. */
async function statementsOf<T>(run: () => Promise<T>): Promise<{ sql: string[]; result: T }> {
  const { getSql } = await import("~/db.server");
  const db = await getSql();
  const { all, get } = db;
  const sql: string[] = [];
  const watched = { ...db };
  Object.assign(db, {
    all: (text: string, args?: unknown[]) => {
      sql.push(text.replace(/\s+/g, " "));
      return all.call(watched, text, args as never);
    },
    get: (text: string, args?: unknown[]) => {
      sql.push(text.replace(/\s+/g, " "));
      return get.call(watched, text, args as never);
    },
  });
  try {
    return { sql, result: await run() };
  } finally {
    Object.assign(db, { all, get });
  }
}

/** The statements that read a company's figures, with the number of kinds each asks for. */
const figureReads = (sql: string[]) =>
  sql
    .filter((s) => /FROM facts f INDEXED BY facts_(company|counterparty)_chart_idx/.test(s))
    .map((s) => ({
      index: /INDEXED BY (\w+)/.exec(s)![1],
      kinds: /f\.kind IN \(([?, ]+)\)/.exec(s)?.[1].split(",").length ?? (/f\.kind = 'stake'/.test(s) ? "stake" : 0),
    }));

describe("an export reads only what its chart draws", () => {
  test.each([
    ["revenue", "renault"],
    ["revenue-change", "tellbrook"],
    ["market-share", "renault-nissan-avtovaz"],
    ["sales-volume", "renault-nissan-avtovaz"],
  ] as const)("%s of %s: one kind of figure, no stakes", async (chart, slug) => {
    const { exportChart } = await import("~/models/exports.server");
    const { sql, result } = await statementsOf(
      async () => await exportChart(chart, { ...EXPORT_PARAMS, company: slug, periods: "year" }),
    );
    expect(figureReads(sql)).toEqual([{ index: "facts_company_chart_idx", kinds: 1 }]);
    expect(result.rows.length).toBeGreaterThan(0);
  });

  test("a company's stakes: the stakes it holds and those held in it, no other figure", async () => {
    const { exportChart } = await import("~/models/exports.server");
    const { sql, result } = await statementsOf(
      async () => await exportChart("stakes", { ...EXPORT_PARAMS, company: "renault", periods: "year" }),
    );
    expect(figureReads(sql)).toEqual([
      { index: "facts_company_chart_idx", kinds: 1 },
      { index: "facts_counterparty_chart_idx", kinds: "stake" },
    ]);
    expect(result.rows.map((r) => r.series)).toContain("Renault → Nissan");
  });

  test("the old links' part-year reads the three kinds by period, to find the first part-year kind", async () => {
    const { exportChart } = await import("~/models/exports.server");
    const { sql, result } = await statementsOf(
      async () => await exportChart("revenue-change", { ...EXPORT_PARAMS, company: "renault", periods: "part-year" }),
    );
    expect(figureReads(sql)).toEqual([{ index: "facts_company_chart_idx", kinds: 3 }]);
    expect(result.subtitle).toBe("%, nine months");
    expect(result.rows.map((r) => [r.label, r.low, r.base])).toEqual([["9M 2009", -20, "9M 2008"]]);
  });
});

describe("and draws what the page draws", () => {
  test.each([
    ["renault", { periods: "year" }],
    ["renault", { periods: "part-year" }],
    ["renault-nissan-avtovaz", { periods: "year" }],
    ["tellbrook", { periods: "year" }],
    ["tellbrook", { periods: "half" }],
    ["tellbrook", { periods: "quarter" }],
    ["tellbrook", { periods: "year", from: 2004, to: 2010 }],
    ["corvane", { periods: "year", from: 2007, to: 2009 }],
  ] as const)("%s, %j: every chart's series are the page's", async (slug, view) => {
    const { findCompany } = await import("~/models/companies.server");
    const { companyChart, companyCharts } = await import("~/models/charts.server");
    const company = (await findCompany(slug))!;
    const page = await companyCharts(company, view);
    for (const chart of ["revenue", "revenueChange", "marketShare", "salesVolume"] as const) {
      const alone = await companyChart(company, chart, view);
      expect(alone.series, chart).toEqual(page[chart]);
      // Market shares are by year whatever the view: only the periodic charts resolve "part-year".
      if (chart !== "marketShare") expect(alone.periods, chart).toBe(page.periods);
    }
  });

  test("Tellbrook's quarter: the export's rows are the page's points, with their base and quote", async () => {
    const { exportChart } = await import("~/models/exports.server");
    const ec = await exportChart("revenue-change", { ...EXPORT_PARAMS, company: "tellbrook", periods: "quarter" });
    expect(ec.subtitle).toBe("%, quarters");
    expect(ec.rows.map((r) => [r.label, r.low, r.base, r.quote])).toEqual([
      ["Q1 2009", -14, "Q1 2008", "Tellbrook said its revenue for the first quarter of 2009 fell 14%."],
    ]);
  });
});
