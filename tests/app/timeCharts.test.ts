import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * The declines fixtures: Corvane's changes for 2005, 2006, 2008 (none for 2007) and a 2009 forecast range;
 * Tellbrook's for 2007, for 2008 against 2006, and for the first half of 2008.
 */
let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/dashboard", "tests/fixtures/declines"]);
});
afterAll(() => cleanup?.());

async function compare(view: Record<string, unknown>) {
  const { findCompanies } = await import("~/models/companies.server");
  const { compareCompanies } = await import("~/models/compare.server");
  const companies = (await findCompanies(["corvane", "tellbrook"])).sort((a, b) => a.name.localeCompare(b.name));
  return await compareCompanies(companies, { metric: "revenue_change", mode: "absolute", ...view });
}

describe("comparison on a time axis", () => {
  test("a row for every year from the first to the last, the missing 2007 an empty row for Corvane", async () => {
    const [chart] = await compare({});
    expect(chart.periods).toBe("year");
    expect(
      chart.rows.map((r) => [r.label, r.points.corvane?.value ?? null, r.points.tellbrook?.value ?? null]),
    ).toEqual([
      ["2005", 3, null],
      ["2006", -4, null],
      ["2007", null, -6],
      ["2008", -9, -15],
      ["2009", -11, null],
    ]);
  });

  test("2008 against 2006 is labelled with its base and is not a step of Tellbrook's line", async () => {
    const [chart] = await compare({});
    const p = chart.rows.find((r) => r.label === "2008")!.points;
    expect([p.tellbrook.base, p.tellbrook.baseAt, p.tellbrook.chained]).toEqual(["2006", 2006, false]);
    expect([p.corvane.base, p.corvane.chained]).toEqual(["2007", true]);
    // Corvane's 2009 is a forecast range: both ends kept for the band.
    const f = chart.rows.find((r) => r.label === "2009")!.points.corvane;
    expect([f.status, f.low, f.high]).toEqual(["forecast", -12, -10]);
  });

  test("half years are a chart of their own, and never among the full years", async () => {
    const [halves] = await compare({ periods: "half" });
    expect(halves.title).toBe("Revenue change by half year, %");
    // H1 2008 is against H1 2007, a year back: the axis reaches back to it, and H2 2007 is an empty slot.
    expect(halves.rows.map((r) => [r.label, Object.keys(r.points)])).toEqual([
      ["H1 2007", []],
      ["H2 2007", []],
      ["H1 2008", ["tellbrook"]],
    ]);
    expect(halves.rows[2].points.tellbrook.chained).toBe(false);
    const [years] = await compare({});
    expect(
      years.rows.flatMap((r) => Object.values(r.points)).some((p) => p.value === -11 && p.status === "actual"),
    ).toBe(false);
  });

  test("a year range keeps its years and shows the whole range", async () => {
    const [chart] = await compare({ from: 2006, to: 2008 });
    // Tellbrook's base (2006) is inside the range; Corvane's 2005 and 2009 are not.
    expect(chart.rows.map((r) => r.label)).toEqual(["2006", "2007", "2008"]);
    expect(chart.rows[0].points.corvane.value).toBe(-4);
  });

  test("indexed changes compound only along changes against the year before", async () => {
    const [chart] = await compare({ mode: "indexed", from: 2005, to: 2006 });
    // Only Corvane reports in 2005-2006, so its first year is the base.
    expect(chart.rows.map((r) => [r.label, r.points.corvane?.value])).toEqual([
      ["2005", 100],
      ["2006", 96],
    ]);
  });
});

describe("company charts by kind of period", () => {
  test("Tellbrook: full years and half years; the year axis reaches back to the 2006 base", async () => {
    const { findCompany } = await import("~/models/companies.server");
    const { companyCharts } = await import("~/models/charts.server");
    const tellbrook = (await findCompany("tellbrook"))!;
    const years = await companyCharts(tellbrook);
    expect(years.periodTypes).toEqual(["year", "half"]);
    expect(years.revenueChange.map((s) => [s.id, s.axis])).toEqual([
      ["revenue-change-year", { type: "year", first: 2006, last: 2008 }],
    ]);
    expect(years.revenueChange[0].points.map((p) => [p.label, p.t, p.base, p.baseAt, p.chained])).toEqual([
      ["2007", 2007, "2006", 2006, true],
      ["2008", 2008, "2006", 2006, false],
    ]);
    const halves = await companyCharts(tellbrook, { periods: "half" });
    expect(halves.revenueChange.map((s) => [s.id, s.axis, s.points.map((p) => p.label)])).toEqual([
      ["revenue-change-half", { type: "half", first: 2007, last: 2008 }, ["H1 2008"]],
    ]);
  });

  test("a range asked for is drawn whole: Corvane from 2004 to 2010", async () => {
    const { findCompany } = await import("~/models/companies.server");
    const { companyCharts } = await import("~/models/charts.server");
    const charts = await companyCharts((await findCompany("corvane"))!, { periods: "year", from: 2004, to: 2010 });
    expect(charts.revenueChange[0].axis).toEqual({ type: "year", first: 2004, last: 2010 });
    expect(charts.revenueChange[0].points.map((p) => p.label)).toEqual(["2005", "2006", "2008", "2009 (forecast)"]);
  });
});

describe("largest declines", () => {
  test("2008, full years: Tellbrook's 15 % against 2006 before Corvane's 9 %; growth is never listed", async () => {
    const { largestDeclines } = await import("~/models/declines.server");
    const page = await largestDeclines("year", 2008);
    expect(page.rows.map((r) => [r.company, r.label, r.value, r.base, r.status])).toEqual([
      ["Tellbrook", "2008", -15, "2006", "actual"],
      ["Corvane", "2008", -9, "2007", "actual"],
    ]);
    expect(page.rows[0].sources.map((s) => s.quote)).toEqual([
      "Tellbrook said its revenue fell 15% in 2008 compared with 2006.",
    ]);
    expect(page.years).toEqual([2009, 2008, 2007, 2006]);
  });

  test("all years: Renault's 2009 forecast range first, by its middle; half years apart", async () => {
    const { largestDeclines } = await import("~/models/declines.server");
    expect((await largestDeclines("year")).rows.map((r) => `${r.company} ${r.label} ${r.value}`)).toEqual([
      "Renault 2009 -17.5",
      "Tellbrook 2008 -15",
      "Corvane 2009 -11",
      "Corvane 2008 -9",
      "Tellbrook 2007 -6",
      "Corvane 2006 -4",
    ]);
    expect((await largestDeclines("half")).rows.map((r) => `${r.company} ${r.label} vs ${r.base}`)).toEqual([
      "Tellbrook H1 2008 vs H1 2007",
    ]);
    expect((await largestDeclines("nine-months")).rows.map((r) => `${r.company} ${r.label}`)).toEqual([
      "Renault 9M 2009",
    ]);
  });

  test("the period selector offers the kinds that have a decline; a quarter, which none has, is marked (none)", async () => {
    const { largestDeclines } = await import("~/models/declines.server");
    const { available } = await largestDeclines("year");
    expect(available).toEqual(["year", "half", "nine-months"]);
    const { PeriodFields } = await import("~/components/PeriodFields");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const html = renderToStaticMarkup(PeriodFields({ periods: "year", range: false, available }));
    const options = [...html.matchAll(/<option value="([^"]+)"([^>]*)>(.*?)<\/option>/g)].map((m) => [
      m[1],
      m[2].includes("disabled"),
      m[3].replace(/<!-- -->/g, ""),
    ]);
    expect(options).toEqual([
      ["year", false, "Full years"],
      ["half", false, "Half years"],
      ["quarter", true, "Quarters (none)"],
      ["nine-months", false, "Nine months"],
    ]);
  });
});
