import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Boundary, FactPlan } from "~/models/factPageSql.server";
import type { FactQuery } from "~/models/facts.server";
import { FACT_SORTS, type FactView } from "~/models/types";
import { seedTemporaryDatabase } from "./dbSetup";
import { postgresPlanCases } from "./factsPlanPg";

/**
 * The facts page on a million facts (issue 11): every order it offers must come from an index, so a page reads its
 * rows and those before it and never sorts the table. SQLite plans the same way on the small seeded database as on
 * a large one, since neither has statistics (no ANALYZE): each plan is checked here, the speed in `npm run
 * bench:load`.
 */
let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/dashboard"]);
});
afterAll(() => cleanup?.());

/** The index each order is read from. */
const SORT_INDEX = {
  year: "facts_year_idx",
  company: "facts_company_chart_idx",
  kind: "facts_kind_value_idx",
  value: "facts_value_idx",
  article: "facts_article_idx",
} as const;

/** The plan of each query a page is read with, its parts' plans joined by " || " when it starts after a fact. */
async function plan(
  q: FactQuery,
  companyId?: number,
  options: { plan?: FactPlan; after?: Boundary; backwards?: boolean } = {},
): Promise<string> {
  const { getDb } = await import("~/db.server");
  const { factPageSql } = await import("~/models/facts.server");
  const offset = ((q.page ?? 1) - 1) * 50;
  return factPageSql(q, companyId, "sqlite", options)
    .map(({ sql, args }) => {
      const limits = options.after ? [51] : [51, offset];
      const rows = getDb()
        .sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args, ...limits) as Array<{ detail: string }>;
      return rows.map((r) => r.detail).join(" | ");
    })
    .join(" || ");
}

/** The project "postgres" runs this file on PostgreSQL (vitest.config.ts): its plans are read otherwise. */
const ON_POSTGRES = process.env.TEST_BACKEND === "postgres";

// SQLite's plans (EXPLAIN QUERY PLAN); PostgreSQL's are in factsPlanPg.ts.
if (!ON_POSTGRES)
  describe("the facts page's query plans", () => {
    for (const sort of FACT_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        test(`sort=${sort}&dir=${dir} reads ${SORT_INDEX[sort]} in order and sorts nothing`, async () => {
          const p = await plan({ sort, dir, page: 200 });
          expect(p).toContain(`USING COVERING INDEX ${SORT_INDEX[sort]}`);
          expect(p).not.toContain("USE TEMP B-TREE FOR ORDER BY");
          if (sort === "company") {
            // Companies in name order drive the join; only one company's facts are put in id order at a time.
            expect(p).toMatch(/^SCAN c USING COVERING INDEX companies_name_unique/);
          } else {
            expect(p).toBe(`SCAN f USING COVERING INDEX ${SORT_INDEX[sort]}`);
          }
        });
      }
      const filters: Array<[string, FactQuery]> = [
        ["kind", { kind: "stake" }],
        ["year", { year: 2008 }],
        ["status", { status: "forecast" }],
        ["kind, year and status", { kind: "revenue", year: 2008, status: "actual" }],
      ];
      for (const [name, filter] of filters) {
        // One kind sorted by value is read from the kind's part of the index of kinds and values.
        const index = sort === "value" && filter.kind ? "facts_kind_value_idx" : SORT_INDEX[sort];
        test(`sort=${sort} filtered by ${name} reads ${index} in order and sorts nothing`, async () => {
          const p = await plan({ ...filter, sort, dir: "desc" });
          expect(p).toContain(index);
          expect(p).not.toContain("USE TEMP B-TREE FOR ORDER BY");
        });
      }
      test(`sort=${sort} of one company reads that company's facts by its indexes`, async () => {
        const p = await plan({ sort }, 1);
        expect(p).toMatch(/SEARCH f USING (COVERING )?INDEX facts_company_chart_idx \(company_id=\?\)/);
        expect(p).toContain("facts_counterparty_chart_idx (counterparty_id=?)");
      });
    }
  });

const value = (f: FactView) => (f.low + f.high) / 2;
/** Each order as the page means it, in JavaScript: nulls first ascending, ties by id. */
const ORDER: Record<(typeof FACT_SORTS)[number], (a: FactView, b: FactView) => number> = {
  year: (a, b) => (a.year ?? -Infinity) - (b.year ?? -Infinity) || a.id - b.id,
  company: (a, b) => (a.company < b.company ? -1 : a.company > b.company ? 1 : a.id - b.id),
  kind: (a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : value(a) - value(b) || a.id - b.id),
  value: (a, b) => value(a) - value(b) || a.id - b.id,
  article: (a, b) => a.articleId - b.articleId || a.id - b.id,
};

/** A boundary fact in each order: its sort terms' values (SORT_SQL's order) and id; the year's may be null. */
const BOUNDARY: Record<(typeof FACT_SORTS)[number], Boundary[]> = {
  year: [
    { id: 500, values: [2008] },
    { id: 500, values: [null] },
  ],
  company: [{ id: 500, values: ["Renault"] }],
  kind: [{ id: 500, values: ["revenue", 12.5] }],
  value: [{ id: 500, values: [12.5] }],
  article: [{ id: 500, values: [40] }],
};

// decision 027: a page after a known fact starts there (each part of the order after it searched in its index),
// and few matching facts are found in facts_filter_idx and sorted, never by scanning the table or an index whole.
if (!ON_POSTGRES)
  describe("the facts page's query plans after a known fact, and for few matching facts", () => {
    for (const sort of FACT_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        for (const after of BOUNDARY[sort]) {
          for (const backwards of [false, true]) {
            const name = `sort=${sort}&dir=${dir} after ${JSON.stringify(after.values)}${backwards ? ", backwards" : ""}`;
            test(`${name}: each part is searched in ${SORT_INDEX[sort]}, nothing sorted but one company's facts`, async () => {
              const parts = (await plan({ sort, dir, status: "forecast" }, undefined, { after, backwards })).split(
                " || ",
              );
              expect(parts.length).toBeGreaterThan(0);
              for (const [i, p] of parts.entries()) {
                expect(p).toContain(SORT_INDEX[sort]);
                expect(p).not.toMatch(/\bSCAN f\b/);
                // The facts tied with the boundary's company (the first part) are that company's, put in id order.
                if (sort !== "company" || i > 0) expect(p).not.toContain("USE TEMP B-TREE FOR ORDER BY");
                if (sort === "company")
                  expect(p).toMatch(/^(SEARCH|SCAN) c USING COVERING INDEX companies_name_unique/);
              }
            });
          }
        }
        test(`sort=${sort}&dir=${dir} of one company after a fact: each part reads that company's facts by its indexes`, async () => {
          for (const after of BOUNDARY[sort])
            for (const p of (await plan({ sort, dir, kind: "revenue", year: 2008 }, 1, { after })).split(" || ")) {
              expect(p).toMatch(/SEARCH f USING (COVERING )?INDEX facts_company_chart_idx \(company_id=\?\)/);
              expect(p).toContain("facts_counterparty_chart_idx (counterparty_id=?)");
            }
        });
        const filters: Array<[string, FactQuery]> = [
          ["kind", { kind: "stake" }],
          ["year", { year: 2008 }],
          ["status", { status: "target" }],
          ["kind and year", { kind: "stake", year: 2008 }],
          ["year and status", { year: 2008, status: "target" }],
          ["kind, year and status", { kind: "revenue", year: 2008, status: "actual" }],
        ];
        for (const [name, filter] of filters) {
          test(`sort=${sort}&dir=${dir}, few facts of one ${name}: searched in facts_filter_idx alone`, async () => {
            for (const after of [undefined, BOUNDARY[sort][0]]) {
              for (const p of (
                await plan({ ...filter, sort, dir, page: 3 }, undefined, { plan: "filter", after })
              ).split(" || ")) {
                expect(p).toMatch(/^SEARCH f USING COVERING INDEX facts_filter_idx \(kind=\?/);
                expect(p).not.toMatch(/\bSCAN\b/);
                if (sort === "company") expect(p).toContain("SEARCH c USING INTEGER PRIMARY KEY");
              }
            }
          });
        }
      }
    }
  });

if (ON_POSTGRES) postgresPlanCases();

describe("the facts page's content", () => {
  test("paging through each order, both ways, gives every fact once, in that order", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const all = (await queryFacts({ pageSize: 10_000 })).facts;
    expect(all.length).toBeGreaterThan(10);
    for (const sort of FACT_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        const seen: FactView[] = [];
        for (let page = 1; ; page++) {
          const p = await queryFacts({ sort, dir, page, pageSize: 4 });
          seen.push(...p.facts);
          if (!p.hasNext) break;
        }
        const expected = [...all].sort(ORDER[sort]);
        if (dir === "desc") expected.reverse();
        expect(seen.map((f) => f.id)).toEqual(expected.map((f) => f.id));
      }
    }
  });

  test("one kind sorted by value, largest first", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const revenue = (await queryFacts({ kind: "revenue", sort: "value", dir: "desc" })).facts;
    expect(revenue.length).toBeGreaterThan(2);
    expect(revenue.every((f) => f.kind === "revenue")).toBe(true);
    expect(revenue.map(value)).toEqual([...revenue.map(value)].sort((a, b) => b - a));
  });

  test("the last page allowed offers no next one and says more facts follow", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const last = await queryFacts({ sort: "value", page: 2, pageSize: 3, lastPage: 2 });
    expect(last.facts).toHaveLength(3);
    expect([last.hasNext, last.capped]).toEqual([false, true]);
    const open = await queryFacts({ sort: "value", page: 2, pageSize: 3 });
    expect([open.hasNext, open.capped]).toEqual([true, false]);
  });

  test("a page past the 200th is a 400 that says how to see those facts", async () => {
    const { checkQuery } = await import("~/utils/params.server");
    const { FACTS_QUERY } = await import("~/utils/queries.server");
    expect(checkQuery(new URLSearchParams("sort=value&page=200"), FACTS_QUERY)).toHaveProperty("data.page", 200);
    expect(checkQuery(new URLSearchParams("sort=value&page=201"), FACTS_QUERY)).toEqual({
      message:
        'Invalid parameter "page": the facts are listed 200 pages deep in any order: reverse the order or filter them.',
    });
  });
});
