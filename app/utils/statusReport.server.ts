import type { NextFunction, Request, Response } from "express";
import { cacheReport } from "./cacheRegistry";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * GET /_status: the sizes of the server's caches and queues and its memory, as JSON, for `npm run bench:load` and
 * an operator on the machine. Asked from any other address it does not exist (Remix's 404), since a server
 * serving a network need not tell it how full its caches are.
 */
export function statusReport(req: Request, res: Response, next: NextFunction) {
  if (req.path !== "/_status" || req.method !== "GET" || !LOOPBACK.has(req.socket.remoteAddress ?? "")) return next();
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  res.setHeader("Cache-Control", "no-store");
  res.json({ caches: cacheReport(), memory: { rss, heapTotal, heapUsed, external, arrayBuffers } });
}
