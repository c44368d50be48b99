import type { NextFunction, Request, Response } from "express";

/** Why the server should get no traffic now (the database unreadable, shutting down), or null when it is ready. */
export type Readiness = () => Promise<string | null>;

/**
 * GET /healthz: the process is alive and its event loop turns (a liveness probe restarts it otherwise).
 * GET /readyz: the database answers and the server is not stopping (a load balancer sends traffic only then).
 * Both answer before the health middleware's 503 page and the page cache, and never need a session. The body is
 * one line of text a person reading a probe's log can act on.
 */
export function probes(ready: Readiness) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (req.path !== "/healthz" && req.path !== "/readyz") return next();
    res.setHeader("Cache-Control", "no-store");
    res.type("text/plain");
    if (req.path === "/healthz") {
      res.status(200).send("ok\n");
      return;
    }
    let reason: string | null;
    try {
      reason = await ready();
    } catch (err) {
      reason = `the readiness check failed: ${(err as Error).message}`;
    }
    if (reason) res.status(503).send(`not ready: ${reason}\n`);
    else res.status(200).send("ready\n");
  };
}

/** Runs `check`, or gives the reason it took longer than `ms`: a database that hangs is not ready either. */
export function within<T>(ms: number, check: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([check, late]).finally(() => clearTimeout(timer));
}
