import { readFileSync } from "node:fs";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";
import type { NextFunction, Request, Response } from "express";
import { cacheReport } from "./cacheRegistry";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** How long the event loop was held up since the last report that asked for a reset (`?reset=1`). */
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/** The slowest requests since the last reset: what a load run's p99 and timeouts were made of. */
const SLOWEST_KEPT = 10;
let slowest: Array<{ path: string; status: number; ms: number }> = [];

/** Requests under way (their paths), for naming what ran while the event loop was held up. */
const inFlight = new Set<{ path: string }>();
/**
 * Requests that ended since the last tick of the hold timer: one that held the event loop and was answered within
 * the hold has ended by the time the hold is noticed, and is named among those under way during it.
 */
let ended: string[] = [];
/**
 * The longest holds of the event loop since the last reset (over 100 ms), each with the requests under way then:
 * one of them, or what they started, held it. A timer every 20 ms that fires late says by how much.
 */
const BLOCK_MS = 100;
export interface Hold {
  ms: number;
  at: string;
  inFlight: string[];
  /** Of the hold, the main thread's time on a core, waiting for one (runnable), and in garbage collection (ms). */
  ran?: number;
  waited?: number;
  gc: number;
  /** Renders under way in the render workers then. */
  rendering: number;
}
let blocks: Hold[] = [];
/**
 * The main thread's time on a core and time waiting for one (ns), from Linux's scheduler statistics: a hold spent
 * waiting is the machine's (or the render worker's) doing, not this thread's work. Null off Linux.
 */
const SCHEDSTAT = `/proc/${process.pid}/task/${process.pid}/schedstat`;
const schedstat = (): [number, number] | null => {
  try {
    const [ran, waited] = readFileSync(SCHEDSTAT, "utf8").split(" ").map(Number);
    return [ran, waited];
  } catch {
    return null;
  }
};
/** Garbage-collection pauses of the main thread: when each ended and how long it took (ms), the last few. */
let pauses: Array<{ end: number; ms: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ end: e.startTime + e.duration, ms: e.duration });
  if (pauses.length > 200) pauses = pauses.slice(-100);
}).observe({ entryTypes: ["gc"] });
let tickAt = performance.now();
let tickStat = schedstat();
setInterval(() => {
  const now = performance.now();
  const stat = schedstat();
  const held = now - tickAt - 20;
  const since = tickAt;
  const before = tickStat;
  tickAt = now;
  tickStat = stat;
  // The requests that ended since the last tick: a later hold cannot be theirs.
  const recent = ended;
  ended = [];
  if (held < BLOCK_MS || (blocks.length >= SLOWEST_KEPT && held <= blocks[blocks.length - 1].ms)) return;
  const rendering = Number(cacheReport().renderWorkers?.busy ?? 0);
  const gc = pauses.filter((p) => p.end >= since).reduce((n, p) => n + p.ms, 0);
  const hold: Hold = {
    ms: Math.round(held),
    at: new Date().toISOString(),
    inFlight: [...new Set([...recent, ...[...inFlight].map((r) => r.path)])].slice(0, 8),
    gc: Math.round(gc),
    rendering,
  };
  if (stat && before) {
    hold.ran = Math.round((stat[0] - before[0]) / 1e6);
    hold.waited = Math.round((stat[1] - before[1]) / 1e6);
  }
  blocks = [...blocks, hold].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_KEPT);
}, 20).unref();

/**
 * Times every request from its arrival to its response's end (or its client's leaving: status 0), keeping the ten
 * slowest for /_status (a comparison per response, and its path noted until the hold timer's next tick).
 */
export function timeRequests(req: Request, res: Response, next: NextFunction) {
  const started = performance.now();
  const path = req.originalUrl.slice(0, 200);
  const entry = { path };
  inFlight.add(entry);
  res.on("close", () => {
    inFlight.delete(entry);
    if (ended.length < 64) ended.push(path);
    const ms = performance.now() - started;
    if (slowest.length >= SLOWEST_KEPT && ms <= slowest[slowest.length - 1].ms) return;
    const status = res.writableFinished ? res.statusCode : 0;
    slowest = [...slowest, { path, status, ms: Math.round(ms) }].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_KEPT);
  });
  next();
}

/**
 * GET /_status: the sizes of the server's caches and queues, its memory, its event-loop delay and its slowest
 * requests (timeRequests), as JSON, for `npm run bench:load` and
 * an operator on the machine (`?reset=1` restarts the delay's measure and the slowest requests' list; `?gc=1` collects garbage first when the
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
  const slow = slowest;
  const held = blocks;
  // `?reset=slowest` starts the lists of slowest requests and longest holds afresh and leaves the event loop's
  // measure running.
  if (req.query.reset === "1" || req.query.reset === "slowest") {
    slowest = [];
    blocks = [];
  }
  if (req.query.reset === "1") loop.reset();
  // Each heap space's committed bytes (new, old, code, large objects): which part of heapTotal a round leaves behind.
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
  res.json({
    caches: cacheReport(),
    memory: { rss, heapTotal, heapUsed, external, arrayBuffers, spaces },
    eventLoop,
    slowest: slow,
    blocks: held,
  });
}
