import pg from "pg";
import { describe, expect, test } from "vitest";
import type { FactQuery } from "~/models/facts.server";
import { FACT_SORTS } from "~/models/types";
import { numberedPlaceholders } from "../../db/postgres";

/** The index each order is read from on PostgreSQL (db/schema.pg.ts). */
const SORT_INDEX = {
  year: "facts_year_idx",
  company: "companies_name_unique",
  kind: "facts_kind_value_idx",
  value: "facts_value_idx",
  article: "facts_article_idx",
} as const;

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/**
 * The plan PostgreSQL makes for a page of the facts table, with sorting and whole-table scans priced out of reach:
 * the seeded database is too small for the planner to prefer an index of its own accord, so this asks whether one
 * can give the order at all. A plan that still sorts has no index for it.
 */
async function plan(q: FactQuery, companyId?: number): Promise<PlanNode[]> {
  const { factPageSql } = await import("~/models/facts.server");
  const [{ sql, args: filters }] = factPageSql(q, companyId, "postgres");
  const args = [...filters, 51, ((q.page ?? 1) - 1) * 50];
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off");
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${numberedPlaceholders(sql)}`, args);
    return nodes((rows[0]["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0].Plan);
  } finally {
    await client.end();
  }
}

/** decision 013's checks for PostgreSQL: every order of the facts page is read from an index, none sorted. */
export function postgresPlanCases(): void {
  describe("the facts page's query plans on PostgreSQL", () => {
    for (const sort of FACT_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        test(`sort=${sort}&dir=${dir} reads ${SORT_INDEX[sort]} in order and sorts nothing`, async () => {
          const p = await plan({ sort, dir, page: 200 });
          expect(p.map((n) => n["Index Name"]).filter(Boolean)).toContain(SORT_INDEX[sort]);
          // Sorted by company: companies in name order drive the join, one company's facts put in id order at a
          // time (an incremental sort, as SQLite does it); no other order sorts at all.
          const sorts = p.map((n) => n["Node Type"]).filter((t) => /Sort/.test(t));
          expect(sorts).toEqual(sort === "company" ? ["Incremental Sort"] : []);
        });
      }
    }
  });
}
