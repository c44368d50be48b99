import { describe, expect, test } from "vitest";
import { compareRows, seriesKeys } from "~/components/charts/compareRows";
import type { CompareChart, ComparePoint } from "~/models/compare.server";
import { byLargestDecline } from "~/models/declines";
import {
  baseTime,
  baseWords,
  inYearRange,
  isChained,
  periodTypeOf,
  slotsBetween,
  timeDomain,
  timeLabel,
  timeOf,
  timeTicks,
} from "~/models/timeAxis";

describe("periods on a time axis", () => {
  test("each stored period code has one kind, and full years, halves, quarters and nine months are all apart", () => {
    expect([null, "FY", "H1", "H2", "Q1", "Q4", "9M", "M3"].map(periodTypeOf)).toEqual([
      "year",
      "year",
      "half",
      "half",
      "quarter",
      "quarter",
      "nine-months",
      null,
    ]);
  });

  test("positions and labels: Q3 2008 at 2008.5, H2 at 2008.5, nine months at the year", () => {
    expect([
      timeOf(2008, "Q1"),
      timeOf(2008, "Q3"),
      timeOf(2008, "H2"),
      timeOf(2008, "9M"),
      timeOf(2008, null),
    ]).toEqual([2008, 2008.5, 2008.5, 2008, 2008]);
    expect([timeLabel(2008.5, "quarter"), timeLabel(2008.5, "half"), timeLabel(2008, "nine-months")]).toEqual([
      "Q3 2008",
      "H2 2008",
      "9M 2008",
    ]);
  });

  test("a missing year keeps its slot and its tick: 2005, 2006, 2008 span four years", () => {
    expect(slotsBetween(2005, 2008, "year")).toEqual([2005, 2006, 2007, 2008]);
    expect(timeTicks(2005, 2008, "year")).toEqual([2005, 2006, 2007, 2008]);
    expect(timeDomain(2005, 2008, "year")).toEqual([2004.5, 2008.5]);
    // Quarters from Q3 2007 to Q2 2008: Q4 2007 included even if no figure is given for it.
    expect(slotsBetween(2007.5, 2008.25, "quarter").map((t) => timeLabel(t, "quarter"))).toEqual([
      "Q3 2007",
      "Q4 2007",
      "Q1 2008",
      "Q2 2008",
    ]);
  });

  test("a long span is labelled every k periods, from the first, never more than twelve ticks", () => {
    // 31 years: every second year would be 16 ticks, every fourth is 8.
    expect(timeTicks(1980, 2010, "year")).toEqual([1980, 1984, 1988, 1992, 1996, 2000, 2004, 2008]);
    // Quarters thin to whole years' worth, so every label stays the same quarter.
    const quarters = timeTicks(2000, 2009.75, "quarter").map((t) => timeLabel(t, "quarter"));
    expect(quarters.every((l) => l.startsWith("Q1 "))).toBe(true);
  });

  test("year ranges take either order and keep undated figures", () => {
    expect([2004, 2005, 2008, 2009].map((y) => inYearRange(y, { from: 2008, to: 2005 }))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(inYearRange(null, { from: 2005 })).toBe(true);
  });
});

describe("a change and its base", () => {
  test("is labelled with its base, and placed on its own axis only when the base is the same kind of period", () => {
    expect(baseWords(2007, "FY")).toBe("vs 2007");
    expect(baseWords(2008, "9M")).toBe("vs 9M 2008");
    expect(baseWords(null, null)).toBeNull();
    expect(baseTime("FY", 2007, "FY")).toBe(2007);
    expect(baseTime("Q3", 2008, "Q3")).toBe(2008.5);
    expect(baseTime("9M", 2008, null)).toBe(2008);
    expect(baseTime("9M", 2008, "FY")).toBeNull();
  });

  test("only a change against the period before is a step of a line; 2009 vs 2007 is not", () => {
    expect(isChained(2009, "year", 2008, true)).toBe(true);
    expect(isChained(2009, "year", 2007, true)).toBe(false);
    // News reports mean the year before when they name no base; a quarter's unnamed base is usually a year back.
    expect(isChained(2009, "year", null, false)).toBe(true);
    expect(isChained(2009.5, "quarter", null, false)).toBe(false);
    expect(isChained(2009.5, "quarter", 2009.25, true)).toBe(true);
    expect(isChained(2009.5, "quarter", 2008.5, true)).toBe(false);
  });
});

const source = { factId: 1, articleId: 1, articleTitle: "A", publishedYear: 2009, quote: "q" };
const pt = (value: number, extra: Partial<ComparePoint> = {}): ComparePoint => ({
  value,
  low: value,
  high: value,
  status: "actual",
  base: null,
  baseAt: null,
  chained: true,
  source,
  ...extra,
});

describe("comparison rows", () => {
  const chart: CompareChart = {
    id: "compare-percent",
    title: "Revenue change by year, %",
    description: "",
    unit: "percent",
    periods: "year",
    companies: [
      { slug: "corvane", name: "Corvane" },
      { slug: "tellbrook", name: "Tellbrook" },
    ],
    rows: [
      { year: 2005, t: 2005, label: "2005", points: { corvane: pt(3) } },
      { year: 2006, t: 2006, label: "2006", points: { corvane: pt(-4), tellbrook: pt(-2) } },
      { year: 2007, t: 2007, label: "2007", points: {} },
      {
        year: 2008,
        t: 2008,
        label: "2008",
        points: {
          corvane: pt(-9),
          tellbrook: pt(-15, { base: "2006", baseAt: 2006, chained: false }),
        },
      },
      { year: 2009, t: 2009, label: "2009", points: { corvane: pt(-11, { low: -12, high: -10, status: "forecast" }) } },
    ],
    note: null,
    scale: "linear",
  };
  const rows = compareRows(chart);
  const [c, t] = [seriesKeys(0), seriesKeys(1)];

  test("a year without a figure leaves every series empty there, so no line runs across it", () => {
    expect(rows.map((r) => r[c.actual] ?? null)).toEqual([3, -4, null, -9, null]);
    expect(Object.keys(rows[2]).sort()).toEqual(["label", "points", "t"]);
  });

  test("forecasts are a line of their own, starting at the actual figure next to them", () => {
    expect(rows.map((r) => r[c.projected] ?? null)).toEqual([null, null, null, -9, -11]);
    // The range is a band on the line, and a whisker on the forecast's point.
    expect(rows[4][c.band]).toEqual([-12, -10]);
    expect(rows[4][c.projectedRange]).toEqual([1, 1]);
  });

  test("a change against an earlier base is on no line: a point apart, labelled with its base", () => {
    expect(rows.map((r) => r[t.actual] ?? null)).toEqual([null, -2, null, null, null]);
    expect(rows[3][t.apart]).toBe(-15);
    expect(rows[3][t.apartLabel]).toBe("vs 2006");
  });
});

describe("largest declines", () => {
  test("most negative first, a range by its middle, then the deeper end, actual before forecast, then by name", () => {
    const d = (company: string, value: number, low = value, status: "actual" | "forecast" = "actual") => ({
      company,
      value,
      low,
      status,
      year: 2008,
      label: "2008",
    });
    const rows = [
      d("Alpha", -9),
      d("Beta", -11, -12, "forecast"),
      d("Gamma", -15),
      d("Delta", -11, -11),
      d("Epsilon", -11, -12),
      d("Zeta", -11, -12, "forecast"),
    ];
    expect(rows.sort(byLargestDecline).map((r) => r.company)).toEqual([
      "Gamma",
      "Epsilon",
      "Beta",
      "Zeta",
      "Delta",
      "Alpha",
    ]);
  });
});
