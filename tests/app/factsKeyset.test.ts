import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FactPlan } from "~/models/factPageSql.server";
import type { FactQuery } from "~/models/facts.server";
import { FACT_KINDS, FACT_SORTS, type FactView, STATUSES } from "~/models/types";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * The facts page's links name the fact a page starts after (`after`) or ends before (`before`), so a deep page
 * costs what the first does (docs/decisions/027). Paging that way, forwards and back, in every order, filtered or
 * not, and read either way (the sort's index, or facts_filter_idx and a sort), must give exactly the rows of the
 * page numbers: the order of decision 013, nulls first ascending, ties by id. The seeded articles are too few to
 * have ties and null years in every order, so some hundreds of facts are added, copies of a seeded one with
 * values drawn from a handful (many ties), some years null, and several companies.
 */
let cleanup: () => Promise<void> | void;
let companySlug = "";

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/dashboard"]);
  // Through the models' query interface, so the copies land in whichever database the models read (SQLite, or
  // PostgreSQL in the vitest project "postgres").
  const { getSql } = await import("~/db.server");
  const sql = await getSql();
  const sample = await sql.get<Record<string, unknown>>("SELECT * FROM facts ORDER BY id LIMIT 1");
  const columns = Object.keys(sample ?? {}).filter((c) => c !== "id");
  const companies = await sql.all<{ id: number; slug: string }>("SELECT id, slug FROM companies ORDER BY id LIMIT 6");
  companySlug = companies[1].slug;
  const set = ["company_id", "counterparty_id", "kind", "year", "status", "low", "high"];
  // Quoted: a column is named "end".
  const copy = `INSERT INTO facts (${columns.map((c) => `"${c}"`).join(", ")})
    SELECT ${columns.map((c) => (set.includes(c) ? `CAST(? AS ${c === "low" || c === "high" ? "REAL" : c === "kind" || c === "status" ? "TEXT" : "INTEGER"})` : `"${c}"`)).join(", ")}
    FROM facts WHERE id = (SELECT min(id) FROM facts)`;
  const args = (values: Record<string, string | number | null>) =>
    columns.filter((c) => set.includes(c)).map((c) => values[c]);
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The high bits: a power-of-two LCG's low bits repeat with a short period.
    return Math.floor(seed / 65_536) % n;
  };
  for (let i = 0; i < 400; i++) {
    const low = [1, 2.5, 10, 10, 40][next(5)];
    await sql.run(
      copy,
      args({
        company_id: companies[next(companies.length)].id,
        counterparty_id: next(4) === 0 ? companies[next(companies.length)].id : null,
        kind: FACT_KINDS[next(FACT_KINDS.length)],
        year: next(5) === 0 ? null : 2005 + next(4),
        status: STATUSES[next(STATUSES.length)],
        low,
        high: low + [0, 0, 5][next(3)],
      }),
    );
  }
});
afterAll(() => cleanup?.());

const value = (f: FactView) => (f.low + f.high) / 2;
/** Each order as the page means it, in JavaScript. */
const ORDER: Record<(typeof FACT_SORTS)[number], (a: FactView, b: FactView) => number> = {
  year: (a, b) => (a.year ?? -Infinity) - (b.year ?? -Infinity) || a.id - b.id,
  company: (a, b) => (a.company < b.company ? -1 : a.company > b.company ? 1 : a.id - b.id),
  kind: (a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : value(a) - value(b) || a.id - b.id),
  value: (a, b) => value(a) - value(b) || a.id - b.id,
  article: (a, b) => a.articleId - b.articleId || a.id - b.id,
};

const PAGE = 7;

/** Every page of `q` by following the Next links (after the last fact shown), then back by the Previous ones. */
async function walk(q: FactQuery, plan: FactPlan) {
  const { queryFacts } = await import("~/models/facts.server");
  const pages: number[][] = [];
  let p = await queryFacts({ ...q, pageSize: PAGE }, { plan });
  pages.push(p.facts.map((f) => f.id));
  while (p.hasNext) {
    const after = p.facts[p.facts.length - 1].id;
    p = await queryFacts({ ...q, pageSize: PAGE, page: p.page + 1, after }, { plan });
    pages.push(p.facts.map((f) => f.id));
  }
  const back: number[][] = [pages[pages.length - 1]];
  while (p.page > 1) {
    const before = p.facts[0].id;
    p = await queryFacts({ ...q, pageSize: PAGE, page: p.page - 1, before }, { plan });
    back.unshift(p.facts.map((f) => f.id));
  }
  return { pages, back };
}

const FILTERS: Array<[string, FactQuery]> = [
  ["no filter", {}],
  ["a kind", { kind: "revenue" }],
  ["a year", { year: 2006 }],
  ["a status", { status: "forecast" }],
  ["a kind and a status", { kind: "stake", status: "actual" }],
  ["a kind, a year and a status", { kind: "market_share", year: 2007, status: "actual" }],
];

describe("paging the facts page by the fact a page starts after", () => {
  test("gives every fact once, in order, the same pages as the page numbers, forwards and back", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const all = (await queryFacts({ pageSize: 10_000 })).facts;
    expect(all.length).toBeGreaterThan(400);
    // The added facts tie on value and include null years, so both are exercised.
    expect(all.filter((f) => f.year === null).length).toBeGreaterThan(20);
    const cases: Array<[string, FactQuery]> = [...FILTERS, ["a company", { company: companySlug }]];
    let walked = 0;
    for (const [name, filter] of cases) {
      const matching = all.filter(
        (f) =>
          (!filter.kind || f.kind === filter.kind) &&
          (filter.year === undefined || f.year === filter.year) &&
          (!filter.status || f.status === filter.status) &&
          (!filter.company || f.companySlug === filter.company || f.counterpartySlug === filter.company),
      );
      expect(matching.length, name).toBeGreaterThan(PAGE);
      for (const sort of FACT_SORTS)
        for (const dir of ["asc", "desc"] as const)
          for (const plan of ["order", "filter"] as const) {
            const q = { ...filter, sort, dir };
            const expected = [...matching].sort(ORDER[sort]).map((f) => f.id);
            if (dir === "desc") expected.reverse();
            const { pages, back } = await walk(q, plan);
            const label = `${name}, sort=${sort}&dir=${dir}, ${plan} plan`;
            expect(pages.flat(), label).toEqual(expected);
            expect(back, label).toEqual(pages);
            // Each page is the one its number gives.
            for (const [i, ids] of pages.entries()) {
              const numbered = await queryFacts({ ...q, pageSize: PAGE, page: i + 1 }, { plan });
              expect(
                numbered.facts.map((f) => f.id),
                `${label}, page ${i + 1}`,
              ).toEqual(ids);
            }
            walked++;
          }
    }
    expect(walked).toBe(7 * FACT_SORTS.length * 2 * 2);
  }, 120_000);

  test("a fact that is gone, or a cursor on the first page, falls back to the page's number", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const byNumber = await queryFacts({ sort: "value", page: 3, pageSize: PAGE });
    const gone = await queryFacts({ sort: "value", page: 3, pageSize: PAGE, after: 99_999_999 });
    expect(gone.facts.map((f) => f.id)).toEqual(byNumber.facts.map((f) => f.id));
    const first = await queryFacts({ sort: "value", pageSize: PAGE });
    const ignored = await queryFacts({ sort: "value", page: 1, pageSize: PAGE, after: byNumber.facts[0].id });
    expect(ignored.facts.map((f) => f.id)).toEqual(first.facts.map((f) => f.id));
  });

  test("the page capped at the last number allowed offers no next one, whichever way it was reached", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const second = await queryFacts({ sort: "year", page: 2, pageSize: PAGE, lastPage: 3 });
    const third = await queryFacts({
      sort: "year",
      page: 3,
      pageSize: PAGE,
      lastPage: 3,
      after: second.facts[PAGE - 1].id,
    });
    expect(third.facts).toHaveLength(PAGE);
    expect([third.hasNext, third.capped]).toEqual([false, true]);
    expect(third.facts.map((f) => f.id)).toEqual(
      (await queryFacts({ sort: "year", page: 3, pageSize: PAGE })).facts.map((f) => f.id),
    );
  });
});
