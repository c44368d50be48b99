/**
 * GET /_status names what made a load run slow (issue 11, docs/decisions/036): the slowest requests as the server
 * timed them, and the longest holds of the event loop (over 100 ms) with the requests under way then. Both lists
 * start afresh on `?reset=slowest`. Checked in process on a small express app with the server's two middlewares.
 */
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { statusReport, timeRequests } from "~/utils/statusReport.server";

interface Status {
  slowest: Array<{ path: string; status: number; ms: number }>;
  blocks: Array<{ ms: number; inFlight: string[]; gc: number; rendering: number; ran?: number; waited?: number }>;
  eventLoop: { maxMs: number };
}

let url = "";
let close: () => void = () => {};

beforeAll(async () => {
  const app = express();
  app.use(timeRequests);
  app.use(statusReport);
  // Holds the event loop for 250 ms, as a page counting a million rows on it did.
  app.get("/held", (_req, res) => {
    const until = performance.now() + 250;
    while (performance.now() < until) {
      // busy: nothing else runs meanwhile
    }
    res.send("held");
  });
  // Waits 150 ms without holding the event loop.
  app.get("/slow", (_req, res) => {
    setTimeout(() => res.status(202).send("slow"), 150);
  });
  app.get("/quick", (_req, res) => {
    res.send("quick");
  });
  const listening = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => listening.once("listening", resolve));
  url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  close = () => listening.close();
});
afterAll(() => close());

const status = async (query = "") => (await (await fetch(`${url}/_status${query}`)).json()) as Status;

describe("/_status", () => {
  test("lists the slowest requests and the long holds of the event loop, with the requests under way", async () => {
    await status("?reset=slowest");
    // The slow request is under way while another holds the event loop.
    const slow = fetch(`${url}/slow?x=1`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await (await fetch(`${url}/held?y=2`)).text()).toBe("held");
    expect(await (await slow).text()).toBe("slow");
    expect((await fetch(`${url}/quick`)).status).toBe(200);
    // The timer that measures holds fires every 20 ms: let it see the last one.
    await new Promise((resolve) => setTimeout(resolve, 60));

    const report = await status();
    const paths = report.slowest.map((r) => r.path);
    expect(paths.slice(0, 2).sort()).toEqual(["/held?y=2", "/slow?x=1"]);
    const held = report.slowest.find((r) => r.path === "/held?y=2");
    expect(held).toMatchObject({ status: 200 });
    expect(held?.ms).toBeGreaterThanOrEqual(240);
    expect(report.slowest.find((r) => r.path === "/slow?x=1")).toMatchObject({ status: 202 });
    // Slowest first.
    expect(report.slowest.map((r) => r.ms)).toEqual([...report.slowest.map((r) => r.ms)].sort((a, b) => b - a));

    expect(report.blocks.length).toBeGreaterThanOrEqual(1);
    const [longest] = report.blocks;
    expect(longest.ms).toBeGreaterThanOrEqual(200);
    expect(longest.inFlight).toEqual(expect.arrayContaining(["/held?y=2", "/slow?x=1"]));
    expect(longest.rendering).toBe(0);
    expect(longest.gc).toBeGreaterThanOrEqual(0);
    if (process.platform === "linux") {
      // The main thread's time on a core and waiting for one (schedstat) account for most of the hold.
      expect(typeof longest.ran).toBe("number");
      expect(typeof longest.waited).toBe("number");
      expect((longest.ran ?? 0) + (longest.waited ?? 0)).toBeGreaterThanOrEqual(longest.ms * 0.5);
    }
  });

  test("?reset=slowest starts both lists afresh", async () => {
    expect((await fetch(`${url}/held?z=3`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const before = await status("?reset=slowest");
    expect(before.slowest.map((r) => r.path)).toContain("/held?z=3");
    expect(before.blocks.length).toBeGreaterThanOrEqual(1);
    const after = await status();
    // Only the reset request itself can have been timed since.
    expect(after.slowest.every((r) => r.path === "/_status?reset=slowest")).toBe(true);
    expect(after.blocks).toEqual([]);
  });
});
