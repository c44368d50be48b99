import JSZip from "jszip";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * Issue 12's readable charts, in the models and the drawing: indexed revenue across currencies on one chart, a
 * log scale when figures span orders of magnitude, the home chart's one kind of period, and charts laid out for
 * the width they are given. The currencies fixtures add Brennar (USD, 2007-2008) and Keldor Mills (EUR, 150 m); the
 * quarters fixtures Halvane's Q2 and Q3 2009, Tellbrook's Q1 2009 and Morvath's Q4 of no known year.
 */
let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase([
    "tests/fixtures/dashboard",
    "tests/fixtures/declines",
    "tests/fixtures/currencies",
    "tests/fixtures/quarters",
  ]);
});
afterAll(() => cleanup?.());

async function compare(slugs: string[], view: Record<string, unknown>) {
  const { findCompanies } = await import("~/models/companies.server");
  const { compareCompanies } = await import("~/models/compare.server");
  return await compareCompanies(await findCompanies(slugs), { metric: "revenue", mode: "absolute", ...view });
}

describe("comparison across currencies", () => {
  test("absolute revenue is one chart per currency", async () => {
    const charts = await compare(["renault", "brennar"], {});
    expect(charts.map((c) => [c.id, c.unit, c.companies.map((x) => x.slug)]).sort()).toEqual([
      ["compare-eur", "EUR", ["renault"]],
      ["compare-usd", "USD", ["brennar"]],
    ]);
  });

  test("indexed revenue is one chart for EUR and USD, each rebased to 100 in the first common year", async () => {
    const charts = await compare(["renault", "brennar"], { mode: "indexed" });
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect([chart.id, chart.unit]).toEqual(["compare-index", "index"]);
    expect(chart.title).toBe("Revenue by year, indexed (first common year = 100)");
    expect(chart.description).toContain("each in its own currency");
    expect(chart.rows.map((r) => [r.label, r.points.renault?.value, r.points.brennar?.value])).toEqual([
      ["2007", 100, 100],
      ["2008", 92.9, 110],
    ]);
    expect(chart.note).toBeNull();
  });

  test("revenue changes in percent are one chart whatever the companies' currencies", async () => {
    const charts = await compare(["ostrel", "corvane"], { metric: "revenue_change" });
    expect(charts.map((c) => [c.id, c.companies.map((x) => x.slug).sort()])).toEqual([
      ["compare-percent", ["corvane", "ostrel"]],
    ]);
  });

  test("a company with changes of another kind of period only is said to have those, never another currency", async () => {
    // Halvane gives quarters only: the chart of full years holds Tellbrook, and says why Halvane is not on it.
    const [chart] = await compare(["tellbrook", "halvane"], { metric: "revenue_change" });
    expect(chart.companies.map((c) => c.slug)).toEqual(["tellbrook"]);
    expect(chart.note).toBe(
      "No revenue changes for full years from Halvane (quarters): pick another kind of period or other years above.",
    );
    // Its quarters are charted when asked for.
    const [quarters] = await compare(["tellbrook", "halvane"], { metric: "revenue_change", periods: "quarter" });
    expect(quarters.companies.map((c) => c.slug).sort()).toEqual(["halvane", "tellbrook"]);
    expect(quarters.note).toBeNull();
  });
});

describe("log scale", () => {
  test("figures two orders of magnitude apart get a logarithmic axis, with ticks at powers of ten", async () => {
    const [chart] = await compare(["renault", "keldor-mills"], {});
    expect(chart.companies.map((c) => c.slug).sort()).toEqual(["keldor-mills", "renault"]);
    expect(chart.scale).toBe("log");
    expect(chart.title).toBe("Revenue by year, EUR, log scale");
    expect(chart.description).toContain("logarithmic");
    const { niceLogScale } = await import("~/components/charts/niceScale");
    expect(niceLogScale([120e6, 40.68e9]).ticks).toEqual([1e8, 1e9, 1e10, 1e11]);
  });

  test("the slide's native chart has the same logarithmic axis", async () => {
    const { exportChart } = await import("~/models/exports.server");
    const { renderPptx } = await import("~/exports/pptx.server");
    const ec = await exportChart("compare", {
      companies: ["renault", "keldor-mills"],
      metric: "revenue",
      mode: "absolute",
      periods: "year",
    });
    const zip = await JSZip.loadAsync(await renderPptx(ec));
    const charts = Object.keys(zip.files).filter((f) => /charts\/chart\d+\.xml$/.test(f));
    const xml = await zip.file(charts[0])!.async("string");
    expect(xml).toContain('<c:logBase val="10"/>');
  });

  test("figures of one size stay on a linear axis from zero", async () => {
    const [chart] = await compare(["renault", "nissan"], {});
    expect(chart.scale).toBe("linear");
    const { wantsLogScale } = await import("~/components/charts/niceScale");
    expect(wantsLogScale([37.79e9, 90.2e9])).toBe(false);
    expect(wantsLogScale([-5, 3000])).toBe(false);
  });

  test("the drawn axis is logarithmic: equal ratios, equal distances", async () => {
    const [chart] = await compare(["renault", "keldor-mills"], {});
    const { CompareLineChart } = await import("~/components/charts/CompareLineChart");
    const svg = renderToStaticMarkup(CompareLineChart({ chart, width: 720, interactive: false }));
    const ys = [
      ...svg.matchAll(
        /<text[^>]*y="([\d.]+)"[^>]*class="recharts-text recharts-cartesian-axis-tick-value"[^>]*><tspan[^>]*>(\d+\s(?:bn|m))</g,
      ),
    ].map((m) => [m[2].replace(/\s/, " "), Number(m[1])] as const);
    expect(ys.map(([label]) => label)).toEqual(["100 m", "1 bn", "10 bn", "100 bn"]);
    const gaps = ys.slice(1).map(([, y], i) => ys[i][1] - y);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(1);
  });
});

describe("the home chart", () => {
  test("ranks one kind of period only: full years, the kind most companies report", async () => {
    const { latestRevenueChanges } = await import("~/models/overview.server");
    const { periods, available, points } = await latestRevenueChanges(20);
    expect(periods).toBe("year");
    expect(available).toEqual(["year", "half", "quarter", "nine-months"]);
    // Each company's latest full year differs, so each bar names its own.
    expect(points.map((p) => [p.label, p.period, p.low, p.high])).toEqual([
      ["Renault, 2009", "FY", -18, -17],
      ["Tellbrook, 2008", "FY", -15, -15],
      ["Corvane, 2009", "FY", -12, -10],
      ["Ostrel, 2008", "FY", 5, 5],
    ]);
  });

  test("ranks the kind of period asked for: each company's latest quarter, never a year or a half", async () => {
    const { latestRevenueChanges } = await import("~/models/overview.server");
    const quarters = await latestRevenueChanges(20, "quarter");
    expect(quarters.periods).toBe("quarter");
    expect(quarters.points.map((p) => [p.label, p.period, p.low, p.note])).toEqual([
      ["Tellbrook, Q1 2009", "Q1", -14, "Q1 2009 vs Q1 2008"],
      ["Halvane, Q3 2009", "Q3", -8, "Q3 2009 vs Q3 2008"],
      // An article with no date: its quarter is said, its year unknown.
      ["Morvath, Q4, year unknown", "Q4", -3, "Q4, year unknown"],
    ]);
    // Alone in its kind, a period needs no repeating on every bar.
    const halves = await latestRevenueChanges(20, "half");
    expect(halves.points.map((p) => [p.label, p.period, p.low])).toEqual([["Tellbrook", "H1", -11]]);
  });

  test("draws horizontal bars, a name per line, each with its figure, at a phone's width", async () => {
    const { latestRevenueChanges } = await import("~/models/overview.server");
    const { RankedBarChart } = await import("~/components/charts/RankedBarChart");
    const { points } = await latestRevenueChanges(20);
    const svg = renderToStaticMarkup(RankedBarChart({ points, unit: "percent", title: "t", width: 374 }));
    expect(svg).toContain('width="374"');
    const names = [...svg.matchAll(/recharts-yAxis[\s\S]*?<\/g><\/g>/g)][0][0];
    expect([...names.matchAll(/<tspan[^>]*>([^<]+)</g)].map((m) => m[1].replace(/\u00a0/g, " "))).toEqual([
      "Renault, 2009",
      "Tellbrook, 2008",
      "Corvane, 2009",
      "Ostrel, 2008",
    ]);
    expect([...svg.matchAll(/class="bar-value"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual([
      "−17 to −18 %",
      "−15 %",
      "−10 to −12 %",
      "5 %",
    ]);
    // Each bar is a link a keyboard reaches.
    expect(svg.match(/role="link"/g)).toHaveLength(4);
    expect(svg.match(/tabindex="0"/g)).toHaveLength(4);
  });
});

describe("layout by width", () => {
  test("time labels thin out on a narrow chart; every tick stays", async () => {
    const { labelEvery } = await import("~/components/charts/layout");
    expect(labelEvery(5, 4, 12, 900)).toBe(1);
    expect(labelEvery(20, 7, 12, 280)).toBe(5);
  });

  test("a company's bars are drawn at the given width with the figures on them when they fit", async () => {
    const { findCompany } = await import("~/models/companies.server");
    const { companyCharts } = await import("~/models/charts.server");
    const { FigureBarChart } = await import("~/components/charts/FigureBarChart");
    const [s] = (await companyCharts((await findCompany("renault"))!)).revenue;
    const draw = (width: number) =>
      renderToStaticMarkup(FigureBarChart({ points: s.points, unit: s.unit, title: s.title, axis: s.axis, width }));
    const wide = draw(1100);
    expect(wide).toContain('width="1100"');
    expect([...wide.matchAll(/class="bar-value"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(["€40.68 bn", "€37.79 bn"]);
    expect(draw(374)).toContain('width="374"');
  });

  test("a comparison writes its figures beside its points when they fit, each company's latest otherwise", async () => {
    const { CompareLineChart } = await import("~/components/charts/CompareLineChart");
    const [chart] = await compare(["tellbrook", "corvane"], { metric: "revenue_change" });
    const figures = (width: number) =>
      [
        ...renderToStaticMarkup(CompareLineChart({ chart, width })).matchAll(
          /<text class="point-value" x="[^"]*" y="([^"]*)"[^>]*>([^<]+)</g,
        ),
      ].map((m) => m[2].replace(/\u00a0/g, " "));
    // Two companies on a laptop's width: every figure, a range's as written ("−10 to −12 %").
    expect(figures(1100).sort()).toEqual(["−10 to −12 %", "−15 %", "−4 %", "−6 %", "−9 %", "3 %"].sort());
    // A phone's width has no room between the years for "−10 to −12 %": each company's latest figure only.
    expect(figures(374).sort()).toEqual(["−10 to −12 %", "−15 %"]);
  });

  test("where two figures share a period the higher is written above and the lower below, none over the axis", async () => {
    const { labelPlaces, placeKey } = await import("~/components/charts/compareLabels");
    const point = (value: number, chained = true) =>
      ({ value, low: value, high: value, status: "actual", base: null, baseAt: null, chained, source: {} }) as never;
    const chart = {
      unit: "percent",
      companies: [
        { slug: "a", name: "A" },
        { slug: "b", name: "B" },
      ],
      rows: [
        { t: 2007, year: 2007, label: "2007", points: { a: point(5), b: point(-2) } },
        { t: 2008, year: 2008, label: "2008", points: { a: point(-20), b: point(-1, false) } },
      ],
    } as never;
    // A plot 200 px high from +10 (top) to -20 (foot).
    const plot = { width: 800, height: 200, y: (v: number) => ((10 - v) / 30) * 200 };
    const places = labelPlaces(chart, plot, 12);
    expect(Object.fromEntries(places)).toEqual({
      [placeKey("a", 2007)]: "above",
      [placeKey("b", 2007)]: "below",
      // -20 sits on the foot of the plot: its figure goes above; B's change against an earlier base goes below.
      [placeKey("a", 2008)]: "above",
      [placeKey("b", 2008)]: "below",
    });
  });
});
