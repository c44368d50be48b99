/**
 * Bounded work for exports: a parameter a chart ignores never reaches the cache key, identical requests in flight
 * share one render, and when every slot and queue place is taken a request is refused at once with a 503 and
 * Retry-After. The limiter is set small for this file: one render at a time, two waiting.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "../app/dbSetup";

process.env.EXPORT_CONCURRENCY = "1";
process.env.EXPORT_QUEUE = "2";
process.env.EXPORT_QUEUE_MS = "30000";

type Loader = typeof import("~/routes/export.$file").loader;
let loader: Loader;
let stats: typeof import("~/exports/cache.server").exportCacheStats;
let cleanup: () => void;

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
  ({ loader } = await import("~/routes/export.$file"));
  ({ exportCacheStats: stats } = await import("~/exports/cache.server"));
}, 60_000);
afterAll(() => cleanup?.());

/** Calls the route as Remix does; synchronous up to the render, so requests started together queue in order. */
function get(path: string): Promise<Response> {
  const url = new URL(`http://localhost${path}`);
  return loader({
    request: new Request(url),
    params: { file: url.pathname.replace("/export/", "") },
    context: {},
  }) as Promise<Response>;
}

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("the export cache key", () => {
  test("parameters a chart ignores, and defaults spelt out, hit the cache; one that matters renders", async () => {
    const first = await get("/export/revenue.png?company=renault");
    expect(first.status).toBe(200);
    const png = await bytes(first);
    const renders = stats().renders;
    for (const same of [
      "/export/revenue.png?company=renault&market=a",
      "/export/revenue.png?market=zz&scale=2&periods=year&company=renault",
      "/export/revenue.png?company=renault&holder=nissan&held=renault&metric=revenue_change&mode=indexed",
    ]) {
      const res = await get(same);
      expect(res.status, same).toBe(200);
      expect((await bytes(res)).equals(png), same).toBe(true);
    }
    expect(stats().renders).toBe(renders);
    // scale draws a different picture; on a CSV it means nothing.
    const small = await bytes(await get("/export/revenue.png?company=renault&scale=1"));
    expect(small.length).toBeLessThan(png.length);
    expect(stats().renders).toBe(renders + 1);
    const csv = await bytes(await get("/export/revenue.csv?company=renault"));
    const csvScaled = await bytes(await get("/export/revenue.csv?company=renault&scale=4&market=b&periods=year"));
    expect(csvScaled.equals(csv)).toBe(true);
    expect(stats().renders).toBe(renders + 2);
  });

  test("market-share and stakes are drawn by year whatever periods says: one render each", async () => {
    const before = stats().renders;
    const a = await bytes(await get("/export/stakes.svg?company=renault"));
    const b = await bytes(await get("/export/stakes.svg?company=renault&periods=part-year&market=x&unit=EUR"));
    expect(b.equals(a)).toBe(true);
    expect(stats().renders).toBe(before + 1);
  });
});

describe("identical requests in flight", () => {
  test("five decks asked at once are one render, and all five get the same bytes", async () => {
    const before = stats().renders;
    const responses = await Promise.all(Array.from({ length: 5 }, () => get("/export/deck.pptx?company=renault")));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all(responses.map(bytes));
    expect(bodies[0].subarray(0, 2).toString()).toBe("PK");
    for (const body of bodies) expect(body.equals(bodies[0])).toBe(true);
    expect(stats().renders).toBe(before + 1);
  }, 60_000);
});

describe("a full queue", () => {
  test("one rendering, two waiting, the other three refused at once with 503 and Retry-After; a CSV served", async () => {
    const paths = [
      "/export/revenue.png?company=renault&scale=3",
      "/export/revenue.png?company=renault&scale=4",
      "/export/revenue-change.png?company=renault&scale=3",
      "/export/revenue-change.png?company=renault&scale=4",
      "/export/revenue.svg?company=renault",
      "/export/revenue-change.svg?company=renault",
      // A CSV is a string join on the main thread, as cheap as a page: not queued behind the workers' files.
      "/export/revenue-change.csv?company=renault",
    ];
    const refusedBefore = stats().refused;
    const responses = await Promise.all(paths.map(get));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 503, 503, 503, 200]);
    expect(await responses[6].text()).toContain("Renault");
    for (const res of responses.slice(3, 6)) {
      expect(res.headers.get("retry-after")).toBe("30");
      expect(await res.json()).toEqual({ message: "The server is busy with 3 exports; try again shortly." });
    }
    expect(stats()).toMatchObject({ active: 0, queued: 0, inFlight: 0, refused: refusedBefore + 3 });
    // Refused, not broken: the same export asked again once the queue is empty renders.
    expect((await get(paths[5])).status).toBe(200);
  }, 60_000);
});
