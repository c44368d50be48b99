/**
 * A request path of thousands of segments cost the server quadratic CPU (Remix matched every ancestor path while
 * rendering the 404). Now such a path is refused before Remix: its answer says so, and asking with 16 times the
 * segments costs about the same, not 256 times as much (the only timing here is that ratio, in one run).
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cleanupAll, makeTempDir, seededDatabase } from "./helpers";
import { buildApp, type RunningServer, startServer } from "./serverProcess";

let server: RunningServer;

beforeAll(async () => {
  buildApp();
  server = await startServer(await seededDatabase(join(makeTempDir("cost"), "cost.db")));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  cleanupAll();
});

async function timeOf(path: string, times: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < times; i++) await (await fetch(server.url + path)).text();
  return performance.now() - started;
}

describe("deep request paths", () => {
  test("7,900 `a/` segments (15.8 KB) are a 414, 100 of them a 404, each saying why, from outside Remix", async () => {
    const long = await fetch(`${server.url}/${"a/".repeat(7900)}`);
    expect(long.status).toBe(414);
    expect(await long.text()).toBe("No page at an address this long: paths here are at most 2048 characters.\n");
    const res = await fetch(`${server.url}/${"a/".repeat(100)}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("No page at this address: paths here are at most 8 segments deep.\n");
    const export_ = await fetch(`${server.url}/export/${"a/".repeat(50)}revenue.png?company=renault`);
    expect(export_.status).toBe(404);
    // A path as deep as a real one still reaches the app.
    expect((await fetch(`${server.url}/a/b/c`)).headers.get("content-type")).toMatch(/^text\/html/);
  });

  test("a path over 2,048 characters is a 414", async () => {
    const res = await fetch(`${server.url}/companies/${"x".repeat(3000)}`);
    expect(res.status).toBe(414);
    expect(await res.text()).toBe("No page at an address this long: paths here are at most 2048 characters.\n");
  });

  test("16 times the segments costs less than 8 times the time (quadratic would be 256)", async () => {
    await timeOf(`/${"a/".repeat(500)}`, 2);
    const small = await timeOf(`/${"a/".repeat(500)}`, 5);
    const large = await timeOf(`/${"a/".repeat(8000)}`, 5);
    expect(large / small).toBeLessThan(8);
  }, 120_000);
});
