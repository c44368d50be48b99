import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";

let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/stakes"]);
});
afterAll(() => cleanup?.());

const stakesOf = async (holder: string, held?: string) => {
  const { listStakes } = await import("~/models/stakes.server");
  return await listStakes({ holder, held });
};

describe("stakes over time", () => {
  test("an undated stake takes its article's year, and says so", async () => {
    const { asOfWords } = await import("~/models/stakeTypes");
    const [g] = (await stakesOf("harlow")).groups;
    expect(g.held).toBe("Velmora");
    const first = g.rows[0];
    expect([first.asOf, first.asOfFrom, asOfWords(first)]).toEqual([2005, "article", "2005, from the article's date"]);
    expect(first.figures[0].sources.map((s) => [s.articleTitle, s.asOfFrom, s.quote])).toEqual([
      [
        "Velmora deal (test fixture, invented figures)",
        "article",
        "Harlow Group holds 44% of Velmora, the company said.",
      ],
    ]);
  });

  test("44 % then 43 % in different years are two rows and two chart points", async () => {
    const { stakePoints } = await import("~/models/stakeTypes");
    const [g] = (await stakesOf("harlow", "velmora")).groups;
    expect(g.rows.map((r) => [r.asOf, r.figures.map((f) => f.low)])).toEqual([
      [2005, [44]],
      [2022, [43]],
    ]);
    expect(g.conflict).toBe(false);
    expect(stakePoints(g).map((p) => [p.year, p.low, p.note])).toEqual([
      [2005, 44, "year from the article's date"],
      [2022, 43, null],
    ]);
  });

  test("joint holders written in either order are one holder, in one canonical order, with both sources", async () => {
    const { listStakes } = await import("~/models/stakes.server");
    const all = await listStakes({ held: "quenby", pageSize: 50 });
    expect(all.groups.map((g) => g.holder)).toEqual(["Corvan Partners + Ostrel Securities"]);
    const [row] = all.groups[0].rows;
    expect(row.asOf).toBe(2019);
    expect(row.figures.map((f) => [f.low, f.sources.map((s) => s.articleTitle).sort()])).toEqual([
      [12, ["Quenby filing (test fixture, invented figures)", "Quenby holders (test fixture, invented figures)"]],
    ]);
    // Filtering on either spelling finds the same one row.
    for (const spelling of ["corvan-partners-ostrel-securities", "ostrel-securities-corvan-partners"]) {
      const page = await stakesOf(spelling);
      expect(page.groups.map((g) => [g.holder, g.rows.length])).toEqual([["Corvan Partners + Ostrel Securities", 1]]);
    }
    // Across the unfiltered list the holder appears once.
    const { listStakes: list } = await import("~/models/stakes.server");
    const holders = (await list({ pageSize: 100 })).groups.filter((g) => g.held === "Quenby");
    expect(holders).toHaveLength(1);
  });

  test("two figures for one pair and year are one row, flagged, with both figures and their sources", async () => {
    const [g] = (await stakesOf("talbot-capital")).groups;
    expect(g.conflict).toBe(true);
    expect(g.rows).toHaveLength(1);
    const [row] = g.rows;
    expect(row.conflict).toBe(true);
    expect(
      row.figures.map((f) => [f.low, f.sources.map((s) => s.quote)]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual([
      [30, ["Talbot Capital said it owned 30% of Brisk Foods in 2010."]],
      [32, ["Talbot Capital said it owned 32% of Brisk Foods in 2010."]],
    ]);
  });

  test("company pages list the same rows: the held company sees the joint holder once", async () => {
    const { findCompany } = await import("~/models/companies.server");
    const { companyCharts } = await import("~/models/charts.server");
    const quenby = await findCompany("quenby");
    expect(quenby).not.toBeNull();
    const charts = await companyCharts(quenby!);
    expect(charts.stakesIn.map((g) => [g.holder, g.rows.map((r) => r.figures[0].sources.length)])).toEqual([
      ["Corvan Partners + Ostrel Securities", [2]],
    ]);
  });

  test("the home list, the search and the company pages show the joint holder once, under its canonical name", async () => {
    const canonical = "Corvan Partners + Ostrel Securities";
    const { companySummaries } = await import("~/models/companies.server");
    const listed = (await companySummaries(100, true)).filter((c) => c.name.includes("Ostrel"));
    // Both articles' stakes counted in one row, under the canonical spelling's page.
    expect(listed.map((c) => [c.name, c.slug, c.byKind.stake])).toEqual([
      [canonical, "corvan-partners-ostrel-securities", 2],
    ]);
    const { searchCompanies, resolveCompanyNames } = await import("~/models/search.server");
    for (const q of ["ostrel", "corvan partners", "Ostrel Securities + Corvan Partners"]) {
      const found = (await searchCompanies(q)).filter((m) => m.name.includes("Corvan Partners"));
      expect(
        found.map((m) => [m.name, m.slug, m.facts]),
        q,
      ).toEqual([[canonical, "corvan-partners-ostrel-securities", 2]]);
    }
    // Typed in a filter in either order, it is the one company.
    const typed = await resolveCompanyNames([
      "Ostrel Securities + Corvan Partners",
      "ostrel-securities-corvan-partners",
    ]);
    expect(typed.companies.map((c) => [c.name, c.slug])).toEqual([[canonical, "corvan-partners-ostrel-securities"]]);
    // The other spelling's page leads to the canonical one's, with its view; that one is titled canonically.
    const { loader } = await import("~/routes/companies.$slug");
    const { settle } = await import("./routeCalls");
    const call = (slug: string, search = "") =>
      settle(
        async () =>
          (await loader({
            request: new Request(`http://localhost/companies/${slug}${search}`),
            params: { slug },
            context: {},
          })) as Response,
      );
    const moved = await call("ostrel-securities-corvan-partners", "?periods=half");
    expect([moved.status, moved.headers.get("Location")]).toEqual([
      302,
      "/companies/corvan-partners-ostrel-securities?periods=half",
    ]);
    const page = await (await call("corvan-partners-ostrel-securities")).json();
    expect([page.company.name, page.stakesHeld.map((g: { holder: string }) => g.holder)]).toEqual([
      canonical,
      [canonical],
    ]);
  });
});
