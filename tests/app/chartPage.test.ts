import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";

// The pages of many charts draw their table and sources views when opened, from a chart's own page
// (docs/decisions/039): that page's loader, and what the pages of many send to the browser.

let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/dashboard", "tests/fixtures/stakes"]);
});
afterAll(() => cleanup?.());

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;

async function load(
  route: () => Promise<unknown>,
  url: string,
  params: Record<string, string> = {},
): Promise<Response> {
  const { loader } = (await route()) as { loader: Loader };
  try {
    return await loader({ request: new Request(`http://localhost${url}`), params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const chartPage = () => import("~/routes/companies.$slug_.charts.$chart");
const chartUrl = (slug: string, chart: string, query = "") => ({
  url: `/companies/${slug}/charts/${chart}${query}`,
  params: { slug, chart },
});

interface Point {
  label: string;
  low: number;
  sources: { articleTitle: string; quote: string; factId: number; articleId: number }[];
  sourceCount: number;
}

describe("a company chart's own page", () => {
  test("Renault's revenue in euros: the chart's figures, each with its sources' sentences and links", async () => {
    const { url, params } = chartUrl("renault", "revenue-eur-year");
    const res = await load(chartPage, url, params);
    expect(res.status).toBe(200);
    const d = await res.json();
    expect(d.company).toEqual({ name: "Renault", slug: "renault" });
    expect(d.series.id).toBe("revenue-eur-year");
    expect(d.series.points.map((p: Point) => [p.label, p.low])).toEqual([
      ["2007", 40680000000],
      ["2008", 37790000000],
    ]);
    for (const p of d.series.points as Point[]) {
      expect(p.sources.length).toBe(Math.min(p.sourceCount, 3));
      for (const s of p.sources) expect(s.quote).toMatch(/Renault/);
    }
    expect(d.back).toBe("/companies/renault");
    // Readers settle nothing; the export links keep the page's view.
    expect(d.conflicts).toEqual({});
    expect(d.query).toMatchObject({ company: "renault" });
  });

  test("the page's query is kept: the link back carries it", async () => {
    const { url, params } = chartUrl("renault", "revenue-eur-year", "?from=2008");
    const d = await (await load(chartPage, url, params)).json();
    expect(d.series.points.map((p: Point) => p.label)).toEqual(["2008"]);
    expect(d.back).toBe("/companies/renault?from=2008");
  });

  test.each([
    ["a missing company", "no-such-company", "revenue-eur-year", "", 404, /^No company called "no-such-company"/],
    ["a chart the company has not", "renault", "revenue-usd-year", "", 404, /Renault's page has no chart/],
    ["a chart outside the years asked", "renault", "revenue-eur-year", "?from=2030", 404, /no chart/],
    ["a malformed chart name", "renault", "Revenue!", "", 400, /lowercase letters, digits and hyphens/],
    ["a bad period type", "renault", "revenue-eur-year", "?periods=weeks", 400, /periods/],
    ["an unknown parameter", "renault", "revenue-eur-year", "?bogus=1", 400, /Unknown parameter "bogus"/],
  ])("%s → %i", async (_what, slug, chart, query, status, message) => {
    const { url, params } = chartUrl(slug, chart, query);
    const res = await load(chartPage, url, params);
    expect(res.status).toBe(status);
    expect((await res.json()).message).toMatch(message);
  });
});

describe("pages of many charts send only the sources their charts draw", () => {
  test("a company page: each point keeps its newest source (its link), the table's are on the chart's page", async () => {
    const res = await load(() => import("~/routes/companies.$slug"), "/companies/renault", { slug: "renault" });
    const d = await res.json();
    const full = await (
      await load(chartPage, "/companies/renault/charts/revenue-eur-year", {
        slug: "renault",
        chart: "revenue-eur-year",
      })
    ).json();
    const page = d.revenue.find((s: { id: string }) => s.id === "revenue-eur-year");
    expect(page.points.map((p: Point) => p.sources.map((s) => s.factId))).toEqual(
      full.series.points.map((p: Point) => [p.sources[0].factId]),
    );
    expect("conflicts" in d).toBe(false);
  });

  test("/stakes: five pairs a page; each figure keeps at most its newest and a checked source, and its count", async () => {
    const stakes = () => import("~/routes/stakes");
    const all = await (await load(stakes, "/stakes")).json();
    expect(all.compact).toBe(true);
    expect(all.groups.length).toBeLessThanOrEqual(5);
    const pair = await (await load(stakes, "/stakes?holder=talbot-capital&held=brisk-foods")).json();
    expect(pair.compact).toBe(false);
    const [g] = pair.groups;
    const figures = g.rows.flatMap((r: { figures: { sources: unknown[]; sourceCount: number }[] }) => r.figures);
    expect(figures.some((f: { sources: unknown[] }) => f.sources.length > 0)).toBe(true);
    for (const f of figures) expect(f.sources.length).toBe(Math.min(f.sourceCount, 10));
    for (const group of all.groups)
      for (const row of group.rows)
        for (const f of row.figures) expect(f.sources.length).toBeLessThanOrEqual(Math.min(2, f.sourceCount));
  });
});

describe("a stake pair's page, where /stakes's views lead", () => {
  test("a joint holder's canonical slug finds its pair, with every source listed", async () => {
    const res = await load(
      () => import("~/routes/stakes"),
      "/stakes?holder=corvan-partners-ostrel-securities&held=quenby",
    );
    const d = await res.json();
    expect(d.compact).toBe(false);
    expect(d.groups.map((g: { holderSlug: string; heldSlug: string }) => [g.holderSlug, g.heldSlug])).toEqual([
      ["corvan-partners-ostrel-securities", "quenby"],
    ]);
    expect(d.groups[0].rows[0].figures[0].sources).toHaveLength(2);
  });
});
