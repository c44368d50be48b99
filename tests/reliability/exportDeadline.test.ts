/**
 * An export that cannot be drawn before the request's deadline is answered 503 with Retry-After, on purpose and in
 * time, instead of leaving the client to time out (issue 11: decks timed out under load after waiting their turn);
 * the render goes on and is kept, so the same request asked again is served from the cache. The deadline is set
 * small for this file.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "../app/dbSetup";
import { exportResponse } from "../app/routeCalls";

process.env.EXPORT_DEADLINE_MS = "40";
process.env.EXPORT_QUEUE_MS = "3000";

let stats: typeof import("~/exports/cache.server").exportCacheStats;
let cleanup: () => void;

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
  ({ exportCacheStats: stats } = await import("~/exports/cache.server"));
}, 60_000);
afterAll(() => cleanup?.());

async function settled(): Promise<void> {
  const until = Date.now() + 30_000;
  while (stats().inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

describe("the export deadline", () => {
  test("a deck not drawn within the deadline is a 503 with Retry-After; asked again once drawn, it is served from the cache", async () => {
    const address = "http://localhost/export/deck.pptx?company=renault";
    const before = stats();
    const started = Date.now();
    // The first deck also starts the render worker, far more than 40 ms.
    const refused = await exportResponse(address);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("3");
    expect(await refused.json()).toEqual({ message: "The export could not be drawn in time; try again shortly." });
    expect(stats().late).toBe(before.late + 1);

    // The render went on and was kept: the same deck now comes from the cache, no second render.
    await settled();
    expect(stats().renders).toBe(before.renders + 1);
    expect(stats().entries).toBe(before.entries + 1);
    const served = await exportResponse(address);
    expect(served.status).toBe(200);
    const body = Buffer.from(await served.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe("PK");
    expect(served.headers.get("content-length")).toBe(String(body.length));
    expect(stats().renders).toBe(before.renders + 1);
    expect(stats().typicalDeckMs).toBeGreaterThan(40);
  }, 60_000);
});
