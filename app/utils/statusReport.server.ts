import { monitorEventLoopDelay } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";
import type { NextFunction, Request, Response } from "express";
import { cacheReport } from "./cacheRegistry";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** How long the event loop was held up since the last report that asked for a reset (`?reset=1`). */
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/**
 * GET /_status: the sizes of the server's caches and queues, its memory and its event-loop delay, as JSON, for `npm run bench:load` and
 * an operator on the machine (`?reset=1` restarts the delay's measure; `?gc=1` collects garbage first when the
 * server runs with --expose-gc). Asked from any other address it does not exist (Remix's 404), since a server
 * serving a network need not tell it how full its caches are.
 */
export function statusReport(req: Request, res: Response, next: NextFunction) {
  if (req.path !== "/_status" || req.method !== "GET" || !LOOPBACK.has(req.socket.remoteAddress ?? "")) return next();
  // `?gc=1` on a server started with --expose-gc (npm run bench:load) collects first: what is left is what is kept.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (req.query.gc === "1" && gc) gc();
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  res.setHeader("Cache-Control", "no-store");
  const eventLoop = { maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, meanMs: loop.mean / 1e6 };
  if (req.query.reset === "1") loop.reset();
  // Each heap space's committed bytes (new, old, code, large objects): which part of heapTotal a round leaves behind.
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
  res.json({ caches: cacheReport(), memory: { rss, heapTotal, heapUsed, external, arrayBuffers, spaces }, eventLoop });
}
