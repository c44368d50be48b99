import { describe, expect, test } from "vitest";
import { fiscalYearEndIn, resolveTimes } from "../../importers/recognise/resolveTimes";
import { findTimes } from "../../importers/recognise/time";

const resolved = (sentence: string, ref: { year: number; month: number | null; day: number | null } | null) =>
  resolveTimes(findTimes(sentence), ref).map((t) => [t.text, t.year, t.period]);

describe("times dated from the article's date", () => {
  test.each([
    [
      "Sales were 9 mln dlrs in the year ended July 31.",
      { year: 1987, month: 3, day: 16 },
      "year ended July 31",
      1986,
      "FY",
    ],
    [
      "Sales were 9 mln dlrs in the year ended January 31.",
      { year: 1987, month: 3, day: 16 },
      "year ended January 31",
      1987,
      "FY",
    ],
    ["Revenue for the quarter rose 12%.", { year: 2026, month: 2, day: 12 }, "the quarter", 2025, "Q4"],
    ["Revenue for the latest quarter rose 12%.", { year: 2026, month: 8, day: 1 }, "the latest quarter", 2026, "Q2"],
    [
      "Revenue in the fourth quarter of fiscal 2025 was $5bn.",
      { year: 2025, month: 8, day: 1 },
      "fourth quarter of fiscal 2025",
      2025,
      "Q4",
    ],
  ])("%s (%o)", (sentence, ref, text, year, period) => {
    expect(resolved(sentence, ref)).toContainEqual([text, year, period]);
  });

  test("without a full date nothing is guessed, and a bare 'the quarter' is dropped", () => {
    expect(
      resolved("Sales were 9 mln dlrs in the year ended July 31.", { year: 1987, month: null, day: null }),
    ).toEqual([["year ended July 31", null, "FY"]]);
    expect(resolved("Revenue for the quarter rose 12%.", null)).toEqual([]);
  });
});

describe("a named quarter without a year", () => {
  const ref = { year: 2026, month: 1, day: 29 };
  test("is the last such quarter ended, or the next one when it is looked forward to", () => {
    const s = "Sales rose 32% in the fourth quarter, and it forecast first-quarter revenue of $2.6 billion.";
    expect(resolveTimes(findTimes(s), ref, s).map((t) => [t.text, t.year, t.period])).toEqual([
      ["fourth quarter", 2025, "Q4"],
      ["first-quarter", 2026, "Q1"],
    ]);
  });

  test("takes the day it ended when the sentence gives it", () => {
    const s = "Revenue for its fiscal fourth quarter, ended June 30, rose 14%.";
    const times = resolveTimes(findTimes(s), { year: 2024, month: 8, day: 12 }, s);
    expect(times.find((t) => t.period === "Q4")?.year).toBe(2024);
  });
});

describe("a month", () => {
  const ref = { year: 1987, month: 4, day: 2 };
  test("is dated from the article: the last such month, or the month before it for 'last month'", () => {
    const s = "Ford sold 197,328 cars in March, and 136,767 trucks last month; in December it sold fewer.";
    expect(resolveTimes(findTimes(s), ref, s).map((t) => [t.text, t.year, t.period, t.month])).toEqual([
      ["March", 1987, null, 3],
      ["last month", 1987, null, 3],
      ["December", 1986, null, 12],
    ]);
  });
});

describe("a period just ended and not yet reported", () => {
  test("is the one just ended even when it is expected, and so is the full year said in January", () => {
    const s =
      "It expects to report fourth-quarter revenue of $2.04 billion; full-year revenue is expected at $7.9 billion.";
    const times = resolveTimes(findTimes(s), { year: 2025, month: 1, day: 15 }, s);
    expect(times.map((t) => [t.period, t.year])).toEqual([
      ["Q4", 2024],
      ["FY", 2024],
    ]);
  });
});

describe("'the quarter' in a fiscal year", () => {
  const latest = (ref: { year: number; month: number; day: number }, fiscalEnd = 12) =>
    resolveTimes(findTimes("Revenue for the quarter rose 5%."), ref, "", fiscalEnd).map((t) => [t.period, t.year])[0];
  test("is the last quarter ended before the article's month", () => {
    expect(latest({ year: 2026, month: 2, day: 24 })).toEqual(["Q4", 2025]);
    expect(latest({ year: 2025, month: 12, day: 10 })).toEqual(["Q3", 2025]);
    expect(latest({ year: 2025, month: 5, day: 2 })).toEqual(["Q1", 2025]);
  });
  test("counts from the fiscal year's end when the article gives it", () => {
    expect(latest({ year: 2026, month: 2, day: 24 }, 10)).toEqual(["Q1", 2026]);
    expect(fiscalYearEndIn("The company, whose fiscal year ends in October, said bookings rose.")).toBe(10);
    // A quarter dated by the day it ended places the year's end: the fourth quarter ending in January.
    expect(fiscalYearEndIn("Sales fell 3% in the fourth quarter, the three months ended January 31.")).toBe(1);
    expect(fiscalYearEndIn("Sales rose in the second quarter, which ended in September.")).toBe(3);
    expect(fiscalYearEndIn("Sales rose in the fourth quarter.")).toBe(12);
    // Said in two sentences: "its fiscal third quarter" ... "the quarter, which ended March 29".
    expect(
      fiscalYearEndIn("Revenue in its fiscal third quarter rose 47%. The quarter, which ended March 29, was strong."),
    ).toBe(6);
  });
  test("a quarter said to end in a month ahead ('which ends in late June') is the one under way", () => {
    const s = "For the fiscal third quarter, which ends in late June, it forecast revenue of $2.2 billion.";
    const times = resolveTimes(findTimes(s), { year: 2026, month: 4, day: 28 }, s, 9);
    expect(times.map((t) => [t.text, t.year, t.period])).toEqual([["third quarter", 2026, "Q3"]]);
  });
});

describe("years of a company whose fiscal year does not end in December", () => {
  const ref = { year: 1986, month: 5, day: 20 };
  const years = (s: string) =>
    resolveTimes(findTimes(s), ref, s, fiscalYearEndIn(`It sold 400,000 in the year ended March 31. ${s}`)).map((t) => [
      t.text,
      t.year,
      t.relative,
    ]);
  test("'the year' is the fiscal year last ended; 'the current year' the one running", () => {
    expect(fiscalYearEndIn("Halden said it sold 400,000 cars in the year ended March 31.")).toBe(3);
    expect(years("Sales for the year rose 6.2 pct.")).toEqual([["for the year", 1986, null]]);
    expect(years("It expects to sell 420,000 in the current year.")).toEqual([["the current year", 1987, null]]);
  });
  test("a year counted back from a figure stays relative to it", () => {
    expect(years("Sales rose 5 pct from a year earlier.")).toEqual([["a year earlier", null, -1]]);
  });
});
