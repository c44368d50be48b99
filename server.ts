import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { DatabaseHealth } from "./app/utils/databaseHealth.server";
import { guardLoaders } from "./app/utils/loaderFaults.server";
import { pageCache, sqliteDataVersion } from "./app/utils/pageCache.server";
import { pathLimits } from "./app/utils/pathLimits.server";
import { probes, type Readiness, within } from "./app/utils/probes.server";
import { requestMethods } from "./app/utils/requestMethods.server";
import { securityHeaders } from "./app/utils/securityHeaders.server";
import { statusReport, timeRequests } from "./app/utils/statusReport.server";
import { watchWal } from "./app/utils/walWatch.server";
import { type DbHandle, defaultDatabasePath, openDatabase } from "./db/client";
import { type DatabaseFault, databaseFault, quickCheck } from "./db/faults";
import { dropConnections } from "./db/heldConnections";
import { changeListener } from "./db/pgChanges";
import { newPool, openPostgres, postgresUrl, safeUrl } from "./db/postgres";
import { closeAll } from "./db/shutdown";
import type { Sql } from "./db/sql";
import { articleCount } from "./db/store";
import { formatReport, importFiles } from "./importers/run/importFiles";

const BUILD_PATH = resolve("build/index.js");

// After each full collection the heap may grow by a fifth of what is live before the next (V8's default lets it
// double or more): the server keeps about 37 MB, and under load its old space otherwise swung between 40 and 160
// MB from round to round of `npm run bench:load`, all of it resident (docs/decisions/018). Read at each
// collection, so setting it here works; it holds for the render workers too.
setFlagsFromString("--heap-growing-percent=20");

/** Imports the seed articles into an empty database, on either backend. */
async function seedIfEmpty(sql: Sql, name: string): Promise<void> {
  if ((await articleCount(sql)) > 0 || !existsSync("seeds")) return;
  const report = await importFiles(sql, ["seeds"], { databaseName: name });
  console.log(`Imported the seed articles into ${name}:\n${formatReport(report)}`);
}

/**
 * Migrates, checks the file (quick_check) and imports the seed articles into an empty database. A database that
 * cannot be opened or is damaged is a fault, not a crash: the server starts anyway and answers 503 until it is
 * repaired. Any other error still stops the server.
 */
async function prepareSqlite(path: string): Promise<DatabaseFault | null> {
  let handle: DbHandle | undefined;
  try {
    handle = openDatabase(path);
    quickCheck(handle.sqlite, path);
    await seedIfEmpty(handle.sql, handle.path);
    return null;
  } catch (err) {
    const fault = databaseFault(err, path);
    if (!fault) throw err;
    console.error(`${fault.message}. Serving 503 until it is repaired.`);
    return fault;
  } finally {
    handle?.sqlite.close();
  }
}

/**
 * Migrates PostgreSQL (one instance at a time, db/postgres.ts) and seeds it when empty; another instance seeding
 * at the same moment stores each seed once (imports are idempotent by content hash). A server that cannot be
 * reached stops this one with the reason: unlike a damaged file, there is nothing to serve 503 about locally.
 */
async function preparePostgres(url: string): Promise<void> {
  const handle = await openPostgres(url);
  try {
    await seedIfEmpty(handle.sql, safeUrl(url));
  } finally {
    await handle.pool.end();
  }
}

/** How long SIGTERM waits for the requests in flight before closing their connections (SHUTDOWN_MS). */
function shutdownMs(): number {
  const v = Number(process.env.SHUTDOWN_MS);
  return Number.isFinite(v) && v > 0 ? v : 10_000;
}

/**
 * SIGTERM (and SIGINT): stop accepting, let every request in flight finish (idle keep-alive connections are closed
 * at once, busy ones after their response), close the database's pools and listener, exit 0. Requests still
 * running after SHUTDOWN_MS have their connections closed and the process exits 1, so a supervisor sees it.
 */
function stopGracefully(server: Server, stopping: { now: boolean }, close: () => Promise<void>): void {
  const stop = (signal: string) => {
    if (stopping.now) return;
    stopping.now = true;
    console.log(`${signal}: finishing the requests in flight, then stopping.`);
    const deadline = setTimeout(() => {
      console.error(`Requests still running after ${shutdownMs()} ms: closing their connections.`);
      server.closeAllConnections();
      void close().finally(() => process.exit(1));
    }, shutdownMs());
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      void close().finally(() => {
        console.log("Stopped.");
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/** Serves the app on HOST:PORT (127.0.0.1:3000) once the database is prepared. */
async function main() {
  const url = postgresUrl();
  const databasePath = url ? safeUrl(url) : defaultDatabasePath();
  let fault: DatabaseFault | null = null;
  if (url) await preparePostgres(url);
  else fault = await prepareSqlite(databasePath);

  if (!existsSync(BUILD_PATH)) {
    console.error("No build found: run `npm run build` first (npm start does it for you).");
    process.exit(1);
  }
  const health = url ? null : new DatabaseHealth(databasePath, fault);
  const faultOf = (err: unknown) => (health ? health.faultOf(err) : databaseFault(err, databasePath));
  // A fault a loader meets while the server runs is a 503 too (docs/decisions/007).
  const build = guardLoaders((await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild, faultOf);
  const stopping = { now: false };
  // The page cache and readiness watch the database the same way the models do: SQLite's data_version, or the
  // commits every instance announces on PostgreSQL (decision 020).
  const sqliteVersion = url ? null : sqliteDataVersion(databasePath);
  const listener = url ? changeListener(url) : null;
  const probePool = url ? newPool(url, 1) : null;
  const ready: Readiness = async () => {
    if (stopping.now) return "shutting down";
    if (probePool) {
      await within(2_000, probePool.query("SELECT 1 FROM articles LIMIT 1")).catch((err: Error) => {
        throw new Error(`PostgreSQL at ${databasePath} does not answer (${err.message})`);
      });
      return null;
    }
    const now = health?.current();
    if (now) return now.reason;
    sqliteVersion?.();
    return null;
  };

  const app = express();
  app.disable("x-powered-by");
  app.use(timeRequests);
  app.use(probes(ready));
  app.use((_req, res, next) => {
    // While stopping, each response asks its client to open a new connection (to another instance) next time.
    if (stopping.now) res.setHeader("Connection", "close");
    next();
  });
  app.use(securityHeaders);
  app.use(requestMethods);
  app.use(pathLimits);
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(statusReport);
  if (health) app.use(health.middleware());
  // PAGE_CACHE=0 turns the page cache off, to measure rendering itself (npm run bench:web does). On SQLite it opens
  // the file on the first request the health check lets through, as it may not be readable at start.
  if (process.env.PAGE_CACHE !== "0") {
    app.use(pageCache(listener ? () => listener.version : (sqliteVersion as () => number)));
  }
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      // entry.server.tsx writes the nonce securityHeaders put in the policy into Remix's inline scripts; the
      // sign-in counts failures per address (db/loginThrottle.ts).
      getLoadContext: (req, res) => ({ nonce: res.locals.nonce, clientAddress: req.socket.remoteAddress }),
    }),
  );
  app.use((err: unknown, req: express.Request, res: express.Response, next: express.NextFunction) =>
    health ? health.errorHandler()(err, req, res, next) : next(err),
  );
  if (!url) watchWal(databasePath);
  const port = Number(process.env.PORT) || 3000;
  // Only this machine by default: HOST=0.0.0.0 serves the network (README, Configuration).
  const host = process.env.HOST || "127.0.0.1";
  const server = app.listen(port, host, () => console.log(`Financial figures dashboard on http://${host}:${port}`));
  stopGracefully(server, stopping, async () => {
    await closeAll();
    await probePool?.end();
    if (!url) dropConnections(databasePath);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
