import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * The segments fixture: Halvern Tools' group turnover (5.6bn marks in 1986, 5.1bn in 1985, up 9.8 pct) and its
 * garden tools division's 1.27bn in 1986, up 14.7 pct, which are the division's, not the company's.
 */
let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/segments"]);
});
afterAll(() => cleanup?.());

describe("a segment's revenue", () => {
  test("is stored with its segment beside the fact", async () => {
    const { getSql } = await import("~/db.server");
    const rows = await (await getSql()).all(
      `SELECT f.low, s.segment FROM facts f JOIN companies c ON c.id = f.company_id
       LEFT JOIN fact_segments s ON s.fact_id = f.id WHERE c.slug = 'halvern-tools' AND f.kind = 'revenue'
       ORDER BY f.low`,
    );
    expect(rows).toEqual([
      { low: 1270000000, segment: "garden tools" },
      { low: 5100000000, segment: null },
      { low: 5600000000, segment: null },
    ]);
  });

  test("is left out of the company's revenue chart, which shows the group's totals", async () => {
    const { findCompany } = await import("~/models/companies.server");
    const { companyCharts } = await import("~/models/charts.server");
    const charts = await companyCharts((await findCompany("halvern-tools"))!);
    const points = charts.revenue.flatMap((s) => s.points.map((p) => [p.year, p.low]));
    expect(points).toEqual([
      [1985, 5100000000],
      [1986, 5600000000],
    ]);
  });

  test("is listed in the facts table with its segment named", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const page = await queryFacts({ company: "halvern-tools", kind: "revenue" });
    expect(page.facts.map((f) => [f.low, f.segment ?? null])).toEqual(
      expect.arrayContaining([
        [1270000000, "garden tools"],
        [5600000000, null],
      ]),
    );
  });

  test("its change is stored as the segment's and left out of the home page's latest changes", async () => {
    const { getSql } = await import("~/db.server");
    const changes = await (await getSql()).all(
      `SELECT f.low, s.segment FROM facts f JOIN companies c ON c.id = f.company_id
       LEFT JOIN fact_segments s ON s.fact_id = f.id WHERE c.slug = 'halvern-tools' AND f.kind = 'revenue_change'
       ORDER BY f.low`,
    );
    expect(changes).toEqual([
      { low: 9.8, segment: null },
      { low: 14.7, segment: "garden tools" },
    ]);
    const { latestRevenueChanges } = await import("~/models/overview.server");
    const home = await latestRevenueChanges(100, "year");
    const halvern = home.points.filter((p) => p.label.startsWith("Halvern"));
    expect(halvern.map((p) => p.low)).toEqual([9.8]);
  });
});
