/**
 * A facts page asked for by its number alone (a bookmark, a typed URL, /api/facts) in a filtered order counted the
 * rows before it on the event loop: page 200 of the stakes forecast on a million facts held every other request
 * for 0.8 s (issue 11, `npm run bench:facts`). Its start is now found by a walk of the order, a few pages a turn of
 * the event loop, kept until the data changes (docs/decisions/036). Compared within one run, never against a fixed
 * time:
 * - the longest hold of the event loop while page 200 is found by number, against page 20's: within 4 times
 *   (counting the rows before it: 8 times on this machine, as the rows counted);
 * - each page so found is the page the OFFSET gives;
 * - requests for several pages of one order at once are one walk, and a page it walked past costs no walk later;
 * - past the walks' queue a page is a 503 with Retry-After, at once;
 * - /api/facts's next link names where the next page starts.
 * The walks' limiter is set small for this file: one walk at a time, one waiting.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FactQuery } from "~/models/facts.server";
import { heldWhile } from "../../db/bench/heldWhile";
import { seedTemporaryDatabase } from "../app/dbSetup";
import { settle } from "../app/routeCalls";
import { growTo } from "./factsTable";

process.env.FACTS_WALKS = "1";
process.env.FACTS_WALK_QUEUE = "1";

let cleanup: () => Promise<void> | void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
  // Statuses spread over the years: a target page of the year order is then as dear as its depth, no dearer.
  await growTo(200_000, { statusAcrossYears: true });
}, 120_000);
afterAll(() => cleanup?.());

/** Filters matching a sixteenth of the facts (more than the filter index sorts), in orders whose index lacks them. */
const FILTERS: FactQuery[] = [{ status: "target" }, { year: 2003 }];
const CASES: FactQuery[] = FILTERS.flatMap((f) =>
  (["year", "company", "value", "article"] as const).flatMap((sort) =>
    (["asc", "desc"] as const).map((dir) => ({ ...f, sort, dir })),
  ),
);

const ids = (page: { facts: Array<{ id: number }> }) => page.facts.map((f) => f.id);

describe("a facts page asked for by its number alone", () => {
  test("holds the event loop about as long at page 200 as at page 20, and is the page the OFFSET gives", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const { forgetPageStarts } = await import("~/models/factPageStarts.server");
    /** The least of three runs' longest holds, each walk from the start. */
    const longestHold = async (q: FactQuery) => {
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        forgetPageStarts();
        least = Math.min(least, (await heldWhile(() => queryFacts(q))).held);
      }
      return least;
    };
    let near = 0;
    let deep = 0;
    for (const q of CASES) {
      near += await longestHold({ ...q, page: 20 });
      deep += await longestHold({ ...q, page: 200 });
      for (const page of [20, 200]) {
        forgetPageStarts();
        const walked = await queryFacts({ ...q, page });
        const counted = await queryFacts({ ...q, page }, { seek: "offset" });
        expect(walked.facts, JSON.stringify(q)).toHaveLength(50);
        expect(ids(walked), `${JSON.stringify(q)}, page ${page}`).toEqual(ids(counted));
        expect(walked.hasNext).toBe(counted.hasNext);
      }
    }
    console.info(
      `${CASES.length} filtered orders by number: the longest hold at page 20 ${near.toFixed(1)} ms, at page 200 ${deep.toFixed(1)} ms (${(deep / near).toFixed(1)}x)`,
    );
    expect(deep).toBeLessThan(4 * near);
  }, 240_000);

  test("pages of one order asked for at once are one walk; a page walked past is found without one", async () => {
    const { queryFacts } = await import("~/models/facts.server");
    const { forgetPageStarts, pageStartStats } = await import("~/models/factPageStarts.server");
    forgetPageStarts();
    const q: FactQuery = { status: "target", sort: "year", dir: "desc" };
    const before = pageStartStats();
    const pages = [120, 200, 140, 160, 180];
    const found = await Promise.all(pages.map((page) => queryFacts({ ...q, page })));
    expect(pageStartStats().walks).toBe(before.walks + 1);
    for (const [i, page] of pages.entries())
      expect(ids(found[i]), `page ${page}`).toEqual(ids(await queryFacts({ ...q, page }, { seek: "offset" })));
    const walked = pageStartStats();
    const again = await queryFacts({ ...q, page: 150 });
    expect(ids(again)).toEqual(ids(await queryFacts({ ...q, page: 150 }, { seek: "offset" })));
    expect(pageStartStats()).toMatchObject({ walks: walked.walks, steps: walked.steps });
    // Past the last page there is nothing, as the OFFSET says.
    const beyond = await queryFacts({ kind: "stake", status: "target", year: 2003, sort: "value", page: 200 });
    expect(beyond.facts).toEqual([]);
  }, 120_000);

  test("past the walks' queue the facts page is a 503 with Retry-After, answered at once", async () => {
    const { loader, headers } = await import("~/routes/facts");
    const { forgetPageStarts, pageStartStats } = await import("~/models/factPageStarts.server");
    forgetPageStarts();
    const get = (query: string) =>
      settle(
        () =>
          loader({
            request: new Request(`http://localhost/facts?${query}`),
            params: {},
            context: {},
          }) as Promise<Response>,
      );
    // One walk at a time and one waiting: the third order asked for at once is refused.
    const asked = ["status=target&sort=year", "status=target&sort=company", "year=2003&sort=value"].map((query) =>
      get(`${query}&page=200`),
    );
    const refusedBefore = pageStartStats().refused;
    const answers = await Promise.all(asked);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 503]);
    const refused = answers[2];
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect((await refused.json()).message).toMatch(/busy finding 2 pages asked for by number; follow the Next links/);
    expect(pageStartStats().refused).toBe(refusedBefore + 1);
    // The document carries the Retry-After too.
    const documentHeaders = (headers as (args: unknown) => Headers)({
      errorHeaders: refused.headers,
      parentHeaders: new Headers(),
      loaderHeaders: new Headers(),
      actionHeaders: new Headers(),
    });
    expect(documentHeaders.get("retry-after")).toBe("5");
  }, 120_000);

  test("/api/facts's next link names the fact the next page starts after", async () => {
    const { loader } = await import("~/routes/api.facts");
    const call = async (path: string) =>
      (await loader({ request: new Request(`http://localhost${path}`), params: {}, context: {} })) as Response;
    const first = await (await call("/api/facts?status=target")).json();
    expect(first.next).toMatch(/^\/api\/facts\?status=target&page=2&after=\d+$/);
    expect(first.next).toContain(`after=${first.facts.at(-1).id}`);
    const second = await (await call(first.next)).json();
    const numbered = await (await call("/api/facts?status=target&page=2")).json();
    expect(second.facts.map((f: { id: number }) => f.id)).toEqual(numbered.facts.map((f: { id: number }) => f.id));
    expect(second.facts).toHaveLength(500);
  }, 60_000);
});
