import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { pageCache } from "./app/utils/pageCache.server";
import { openDatabase } from "./db/client";
import { articleCount } from "./db/store";
import { formatReport, importFiles } from "./importers/run/importFiles";

const BUILD_PATH = resolve("build/index.js");

/** Migrates, imports the seed articles into an empty database, then serves the app on PORT (3000). */
async function main() {
  const handle = openDatabase();
  if (articleCount(handle) === 0 && existsSync("seeds")) {
    const report = importFiles(handle, ["seeds"]);
    console.log(`Imported the seed articles into ${handle.path}:\n${formatReport(report)}`);
  }
  handle.sqlite.close();

  if (!existsSync(BUILD_PATH)) {
    console.error("No build found: run `npm run build` first (npm start does it for you).");
    process.exit(1);
  }
  const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  // PAGE_CACHE=0 turns the page cache off, to measure rendering itself (npm run bench:web does).
  if (process.env.PAGE_CACHE !== "0") app.use(pageCache(handle.path));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));
  const port = Number(process.env.PORT) || 3000;
  app.listen(port, () => console.log(`Financial figures dashboard on http://localhost:${port}`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
