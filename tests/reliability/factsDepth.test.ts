/**
 * The facts page on a large table (issue 11): "first requests of /facts?sort=value on a million facts, 50 at once:
 * 50 timeouts", each cold page sorting every fact; and a deep page of a filtered order cost what came before it,
 * up to seconds on a million facts. Times are compared within one run, never against a fixed figure:
 * - page 1 of every order, filtered or not, with the table at 25,000 and at 200,000 facts: within 4 times
 *   (a page read from an index costs about the same, the larger file's pages less often in memory; sorting the
 *   table would cost 8 times as much, or more);
 * - page 200 against page 2 of the same order, each reached as the page's Next link reaches it (after the last
 *   fact of the page before), filtered or not: within 3 times (counting the rows before it would cost 100 times).
 * The facts are copies of the seeded ones with kinds, statuses, years and values spread over them.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FactQuery } from "~/models/facts.server";
import { FACT_SORTS } from "~/models/types";
import { seedTemporaryDatabase } from "../app/dbSetup";
import { best, growTo } from "./factsTable";

let cleanup: () => Promise<void> | void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
}, 60_000);
afterAll(() => cleanup?.());

/** No filter; one matching a sixteenth, as a status or a year does; a kind and a status, few enough to be sorted. */
const FILTERS: FactQuery[] = [{}, { status: "target" }, { year: 2003 }, { kind: "stake", status: "forecast" }];
const CASES: FactQuery[] = FILTERS.flatMap((f) =>
  FACT_SORTS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => ({ ...f, sort, dir }))),
);

async function firstPages(): Promise<number> {
  const { queryFacts } = await import("~/models/facts.server");
  let total = 0;
  // A filter that few facts match is sorted from the filter index: its cost is bounded by FILTER_PLAN_MAX, not by
  // the table, and grows with the table up to that bound; it is timed deep below.
  for (const q of CASES.filter((c) => !c.kind)) total += await best(() => queryFacts({ ...q, page: 1 }));
  return total;
}

describe("the facts page on a large table", () => {
  test("the first page of every order costs about the same at 25,000 and 200,000 facts", async () => {
    await growTo(25_000);
    const { queryFacts } = await import("~/models/facts.server");
    // Page 1 really is sorted: its values by the largest first.
    const top = await queryFacts({ sort: "value", dir: "desc", page: 1 });
    const values = top.facts.map((f) => (f.low + f.high) / 2);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const small = await firstPages();
    await growTo(200_000);
    // A busy machine (other test files run beside this one) only ever stretches a measurement: one over the bound is
    // taken again, up to twice, and the smallest kept; sorting the table would stay over it however often it is timed.
    let large = await firstPages();
    for (let attempt = 1; attempt < 3 && large >= 4 * Math.max(small, 5); attempt++)
      large = Math.min(large, await firstPages());
    const largest = (await queryFacts({ sort: "value", dir: "desc", page: 1 })).facts[0];
    expect((largest.low + largest.high) / 2).toBeGreaterThanOrEqual(values[0]);
    console.info(
      `first pages of every order, unfiltered, one status or one year: ${small.toFixed(1)} ms at 25,000 facts, ${large.toFixed(1)} ms at 200,000 (${(large / small).toFixed(1)}x)`,
    );
    expect(large).toBeLessThan(4 * Math.max(small, 5));
  }, 240_000);

  test("page 200 (or the last), reached by its Next link, costs about what page 2 does, filtered or not", async () => {
    await growTo(200_000);
    const { queryFacts } = await import("~/models/facts.server");
    let near = 0;
    let deep = 0;
    const { getDb } = await import("~/db.server");
    const count = getDb().sqlite.prepare(
      "SELECT count(*) AS n FROM facts WHERE kind = coalesce(?, kind) AND status = coalesce(?, status) AND year IS coalesce(?, year)",
    );
    for (const q of CASES) {
      // Page 200, or the last full page where fewer facts match (few enough to be sorted from the filter index).
      const { n } = count.get(q.kind ?? null, q.status ?? null, q.year ?? null) as { n: number };
      const page = Math.min(200, Math.floor(n / 50));
      expect(page, JSON.stringify(q)).toBeGreaterThanOrEqual(100);
      // The cursors the links carry, read from the numbered pages (untimed).
      const first = await queryFacts({ ...q, page: 1 });
      const before = await queryFacts({ ...q, page: page - 1 });
      const after1 = first.facts[first.facts.length - 1].id;
      const afterDeep = before.facts[before.facts.length - 1].id;
      near += await best(() => queryFacts({ ...q, page: 2, after: after1 }));
      deep += await best(() => queryFacts({ ...q, page, after: afterDeep }));
      // The page the link leads to is the numbered page.
      const linked = await queryFacts({ ...q, page, after: afterDeep });
      const numbered = await queryFacts({ ...q, page });
      expect(linked.facts).toHaveLength(50);
      expect(linked.facts.map((f) => f.id)).toEqual(numbered.facts.map((f) => f.id));
    }
    console.info(
      `${CASES.length} orders and filters: page 2 ${near.toFixed(1)} ms, page 200 ${deep.toFixed(1)} ms (${(deep / near).toFixed(1)}x)`,
    );
    expect(deep).toBeLessThan(3 * Math.max(near, 5));
  }, 240_000);
});
