import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { DatabaseHealth } from "./app/utils/databaseHealth.server";
import { guardLoaders } from "./app/utils/loaderFaults.server";
import { pageCache } from "./app/utils/pageCache.server";
import { pathLimits } from "./app/utils/pathLimits.server";
import { requestMethods } from "./app/utils/requestMethods.server";
import { securityHeaders } from "./app/utils/securityHeaders.server";
import { statusReport } from "./app/utils/statusReport.server";
import { watchWal } from "./app/utils/walWatch.server";
import { type DbHandle, defaultDatabasePath, openDatabase } from "./db/client";
import { type DatabaseFault, databaseFault, quickCheck } from "./db/faults";
import { articleCount } from "./db/store";
import { formatReport, importFiles } from "./importers/run/importFiles";

const BUILD_PATH = resolve("build/index.js");

// After each full collection the heap may grow by a fifth of what is live before the next (V8's default lets it
// double or more): the server keeps about 37 MB, and under load its old space otherwise swung between 40 and 160
// MB from round to round of `npm run bench:load`, all of it resident (docs/decisions/018). Read at each
// collection, so setting it here works; it holds for the render workers too.
setFlagsFromString("--heap-growing-percent=20");

/**
 * Migrates, checks the file (quick_check) and imports the seed articles into an empty database. A database that
 * cannot be opened or is damaged is a fault, not a crash: the server starts anyway and answers 503 until it is
 * repaired. Any other error still stops the server.
 */
function prepareDatabase(path: string): DatabaseFault | null {
  let handle: DbHandle | undefined;
  try {
    handle = openDatabase(path);
    quickCheck(handle.sqlite, path);
    if (articleCount(handle) === 0 && existsSync("seeds")) {
      const report = importFiles(handle, ["seeds"]);
      console.log(`Imported the seed articles into ${handle.path}:\n${formatReport(report)}`);
    }
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

/** Serves the app on HOST:PORT (127.0.0.1:3000) once the database is prepared. */
async function main() {
  const databasePath = defaultDatabasePath();
  const fault = prepareDatabase(databasePath);

  if (!existsSync(BUILD_PATH)) {
    console.error("No build found: run `npm run build` first (npm start does it for you).");
    process.exit(1);
  }
  const health = new DatabaseHealth(databasePath, fault);
  // A fault a loader meets while the server runs is a 503 too (docs/decisions/007).
  const build = guardLoaders((await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild, (err) =>
    health.faultOf(err),
  );
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders);
  app.use(requestMethods);
  app.use(pathLimits);
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(statusReport);
  app.use(health.middleware());
  // PAGE_CACHE=0 turns the page cache off, to measure rendering itself (npm run bench:web does). It opens the file
  // on the first request the health check lets through, as it may not be readable at start.
  if (process.env.PAGE_CACHE !== "0") app.use(pageCache(databasePath));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      // entry.server.tsx writes the nonce securityHeaders put in the policy into Remix's inline scripts; the
      // sign-in counts failures per address (app/utils/loginThrottle.server.ts).
      getLoadContext: (req, res) => ({ nonce: res.locals.nonce, clientAddress: req.socket.remoteAddress }),
    }),
  );
  app.use(health.errorHandler());
  watchWal(databasePath);
  const port = Number(process.env.PORT) || 3000;
  // Only this machine by default: HOST=0.0.0.0 serves the network (README, Configuration).
  const host = process.env.HOST || "127.0.0.1";
  app.listen(port, host, () => console.log(`Financial figures dashboard on http://${host}:${port}`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
