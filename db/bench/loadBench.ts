/**
 * Load benchmark: 50 connections on the company, compare, stakes, export-PNG, cold deck, cold facts-by-value and
 * cold facts-in-other-orders routes of the built server over the million-fact database, three rounds in a row, reporting throughput, p50/p99,
 * errors, the server's memory, cache sizes and longest event-loop delay after each round. Targets: no errors, and no memory growth from round to round. Usage:
 *
 *   npm run bench:load -- [--db PATH] [--duration SECONDS] [--connections N] [--rounds N] [--skip-build]
 *                         [--routes NAME,NAME]
 *
 * `--routes deck,value` loads only the routes whose names contain one of the words, in their usual order.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import type { Hold } from "../../app/utils/statusReport.server";
import { ensureBenchDatabase } from "./generateFacts";
import { formatByStatus, formatTable, loadRoute, type RouteResult, warmUp } from "./loadTest";
import { memoryKb, startServer } from "./serverProcess";
import { benchTargets, type RouteTarget } from "./targets";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const log = (line: string) => process.stderr.write(`${line}\n`);
/** Round-to-round RSS growth allowed for noise (heap sizing, caches filling) before it counts as a leak. */
const GROWTH_ALLOWED = 0.1;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

/** The export PNG of companies that have revenue, so every request draws a chart. */
function exportTargets(db: string, slugs: string[]): RouteTarget {
  const sqlite = new Database(db, { readonly: true });
  const hasRevenue = sqlite.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM facts WHERE kind = 'revenue' AND company_id = (SELECT id FROM companies WHERE slug = ?)",
  );
  const withRevenue = slugs.filter((s) => hasRevenue.get(s)!.n > 0).slice(0, 30);
  sqlite.close();
  return { name: "/export/revenue.png", paths: withRevenue.map((s) => `/export/revenue.png?company=${s}`) };
}

/**
 * A company deck (title, every chart, sources, pictures: the most expensive export) for each of `count` companies,
 * not warmed up: every URL is a cold render, which the export limiter must bound (503s are its refusals).
 */
function deckTargets(slugs: string[], count = 200): RouteTarget {
  return {
    name: "/export/deck.pptx (cold)",
    paths: slugs.slice(0, count).map((s) => `/export/deck.pptx?company=${s}`),
  };
}

/**
 * The 200 pages of the facts sorted by value, not warmed up: each cold page once sorted every fact (issue 11); now
 * read from an index (docs/decisions/013).
 */
function factsByValueTargets(): RouteTarget {
  return {
    name: "/facts?sort=value (cold)",
    paths: Array.from({ length: 200 }, (_, i) => `/facts?sort=value&page=${i + 1}`),
  };
}

/** The facts page's other orders, both ways, 25 pages each from the first to the 200th (the last allowed), cold. */
function factsOtherSortsTargets(): RouteTarget {
  const pages = Array.from({ length: 25 }, (_, i) => 1 + Math.round((i * 199) / 24));
  return {
    name: "/facts other sorts (cold)",
    paths: ["year", "company", "kind", "article"].flatMap((sort) =>
      ["asc", "desc"].flatMap((dir) => pages.map((page) => `/facts?sort=${sort}&dir=${dir}&page=${page}`)),
    ),
  };
}

interface Status {
  caches: Record<string, Record<string, number>>;
  memory: {
    rss: number;
    heapTotal: number;
    heapUsed: number;
    external: number;
    arrayBuffers: number;
    /** Committed bytes of each heap space (new, old, code, large objects). */
    spaces?: Record<string, number>;
  };
  eventLoop: { maxMs: number; p99Ms: number; meanMs: number };
  /** The slowest requests since the last reset (status 0: the client left first). */
  slowest?: Array<{ path: string; status: number; ms: number }>;
  /** The longest holds of the event loop since the last reset, with the requests under way then. */
  blocks?: Hold[];
}

/**
 * The server's own report (caches, memory, event-loop delay since the last call, which resets it); with `gc`, after
 * a full garbage collection, so the memory is what the server keeps, not what it has yet to collect.
 */
async function status(baseUrl: string, gc = false): Promise<Status> {
  return (await (await fetch(`${baseUrl}/_status?reset=1${gc ? "&gc=1" : ""}`)).json()) as Status;
}

/** The highest resident size seen while `during` runs, read from /proc every 100 ms (kB; 0 off Linux). */
async function highestRss<T>(pid: number, during: () => Promise<T>): Promise<{ result: T; highest: number }> {
  let highest = 0;
  const sample = () => {
    highest = Math.max(highest, memoryKb(pid)?.rss ?? 0);
  };
  const timer = setInterval(sample, 100);
  try {
    const result = await during();
    sample();
    return { result, highest };
  } finally {
    clearInterval(timer);
  }
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The heap's committed bytes by space, the larger ones: which part of the heap a round leaves behind. */
const spaceList = (st: Status) =>
  Object.entries(st.memory.spaces ?? {})
    .filter(([, bytes]) => bytes >= 1024 * 1024)
    .map(([name, bytes]) => `${name.replace(/_space$/, "")} ${mb(bytes)}`)
    .join(", ");

async function main() {
  const dbArg = process.argv.indexOf("--db");
  const db = dbArg >= 0 ? process.argv[dbArg + 1] : "/tmp/figures-bench-1m.db";
  const duration = option("duration", 20);
  const connections = option("connections", 50);
  const rounds = option("rounds", 3);
  const info = ensureBenchDatabase(db, log);
  const base = benchTargets(db);
  const company = base.find((t) => t.name === "/companies/:slug")!;
  const routesArg = process.argv.indexOf("--routes");
  const only = routesArg >= 0 ? process.argv[routesArg + 1].split(",").filter(Boolean) : null;
  const all = [
    company,
    base.find((t) => t.name === "/compare revenue absolute")!,
    base.find((t) => t.name === "/stakes")!,
    exportTargets(
      db,
      company.paths.map((p) => p.replace("/companies/", "")),
    ),
    deckTargets(company.paths.map((p) => p.replace("/companies/", ""))),
    factsByValueTargets(),
    factsOtherSortsTargets(),
  ];
  const targets = only ? all.filter((t) => only.some((word) => t.name.includes(word))) : all;
  if (!targets.length)
    throw new Error(`--routes ${only?.join(",")} names no route of: ${all.map((t) => t.name).join("; ")}`);
  if (!process.argv.includes("--skip-build")) {
    log("Building the app (npm run build)");
    execFileSync("npm", ["run", "build"], {
      cwd: ROOT,
      stdio: ["ignore", 2, 2],
      env: { ...process.env, NODE_ENV: "production" },
    });
  }
  // The server as it runs in production, page cache included: repeated views are served from memory.
  const server = await startServer({ cwd: ROOT, databasePath: db, pin: true, pageCache: true, exposeGc: true });
  const rss: number[] = [];
  const kept: number[] = [];
  const uncached: number[] = [];
  const peaks: number[] = [];
  let failures = 0;
  try {
    for (const t of targets) if (!t.name.endsWith("(cold)")) await warmUp(server.baseUrl, t);
    const start = memoryKb(server.pid);
    console.log(
      `Load benchmark: ${info.facts} facts, ${connections} connections, ${duration} s per route, ${rounds} rounds; server ${server.pinned ? "pinned to one core" : "not pinned"}`,
    );
    console.log(`Machine load average at the start: ${loadAverage()}`);
    console.log(`Server memory after warm-up: RSS ${((start?.rss ?? 0) / 1024).toFixed(1)} MB\n`);
    await status(server.baseUrl);
    for (let round = 1; round <= rounds; round++) {
      const results: RouteResult[] = [];
      const highs: string[] = [];
      const slowLines: string[] = [];
      for (const t of targets) {
        // Requests still queued from the previous route would be served first: wait until the server answers.
        await (await fetch(`${server.baseUrl}/stakes?holder=renault`)).arrayBuffer();
        log(`round ${round}: ${t.name}`);
        const { result, highest } = await highestRss(server.pid, () =>
          loadRoute(server.baseUrl, t, { duration, connections }),
        );
        results.push(result);
        highs.push(`${t.name} ${(highest / 1024).toFixed(0)}`);
        // The route's three slowest requests as the server timed them (status 0: the client gave up first).
        const { slowest, blocks } = (await (await fetch(`${server.baseUrl}/_status?reset=slowest`)).json()) as Status;
        if (slowest?.length)
          slowLines.push(
            `${t.name}: ${slowest
              .slice(0, 3)
              .map((r) => `${r.path} ${r.status || "client gone"} ${r.ms} ms`)
              .join("; ")}`,
          );
        for (const b of blocks?.slice(0, 2) ?? [])
          slowLines.push(
            `  event loop held ${b.ms} ms at ${b.at.slice(11, 23)} (main thread on a core ${b.ran ?? "?"} ms, waiting for one ${b.waited ?? "?"} ms, in GC ${b.gc} ms; ${b.rendering} renders under way), requests under way: ${b.inFlight.length ? b.inFlight.slice(0, 3).join(", ") : "none"}`,
          );
        const ended = server.ended();
        if (ended) throw new Error(`the server ${ended} during ${t.name}\n${server.output()}`);
      }
      const mem = memoryKb(server.pid);
      rss.push(mem?.rss ?? 0);
      peaks.push(mem?.peak ?? 0);
      console.log(`Machine load average after round ${round}: ${loadAverage()}`);
      console.log(
        `Round ${round}: server RSS ${((mem?.rss ?? 0) / 1024).toFixed(1)} MB (${((mem?.anon ?? 0) / 1024).toFixed(1)} MB anonymous, ${((mem?.file ?? 0) / 1024).toFixed(1)} MB file-backed), peak ${((mem?.peak ?? 0) / 1024).toFixed(1)} MB`,
      );
      console.log(`Highest RSS while each route was loaded (MB): ${highs.join("; ")}`);
      console.log(formatTable(results));
      const split = formatByStatus(results);
      if (split) console.log(split);
      const st = await status(server.baseUrl);
      const { pages, exports, renderWorkers } = st.caches;
      console.log(
        `Caches: pages ${pages?.entries ?? 0} entries, ${mb(pages?.bytes ?? 0)} (hits ${pages?.hits ?? 0}); exports ${exports?.entries ?? 0} entries, ${mb(exports?.bytes ?? 0)} (renders ${exports?.renders ?? 0}, hits ${exports?.hits ?? 0}, refused ${exports?.refused ?? 0}, answered 503 at their deadline ${exports?.late ?? 0}, a deck's typical render ${exports?.typicalDeckMs ?? 0} ms); render workers ${renderWorkers?.workers ?? 0} (renders ${renderWorkers?.renders ?? 0}, replaced ${renderWorkers?.retired ?? 0}, timed out ${renderWorkers?.timedOut ?? 0}; heap ${mb(renderWorkers?.heapUsed ?? 0)} of ${mb(renderWorkers?.heapTotal ?? 0)}, external ${mb(renderWorkers?.heapExternal ?? 0)}). Heap ${mb(st.memory.heapUsed)} of ${mb(st.memory.heapTotal)}, external ${mb(st.memory.external)}, array buffers ${mb(st.memory.arrayBuffers)}; heap spaces: ${spaceList(st)}`,
      );
      console.log(
        `Event loop during the round: longest delay ${st.eventLoop.maxMs.toFixed(0)} ms, p99 ${st.eventLoop.p99Ms.toFixed(0)} ms, mean ${st.eventLoop.meanMs.toFixed(1)} ms`,
      );
      console.log(`Slowest requests of each route, as the server timed them:\n  ${slowLines.join("\n  ")}`);
      // The same after a full collection: heap that is garbage is gone, what is left the server keeps.
      const collected = await status(server.baseUrl, true);
      const after = memoryKb(server.pid);
      kept.push(after?.rss ?? 0);
      // The caches fill towards their budgets over the rounds; what is left without them must not grow.
      const cached = ((pages?.bytes ?? 0) + (exports?.bytes ?? 0)) / 1024;
      uncached.push((after?.rss ?? 0) - cached);
      console.log(
        `After a full garbage collection: RSS ${((after?.rss ?? 0) / 1024).toFixed(1)} MB (${((after?.anon ?? 0) / 1024).toFixed(1)} MB anonymous); heap ${mb(collected.memory.heapUsed)} of ${mb(collected.memory.heapTotal)}, external ${mb(collected.memory.external)}, array buffers ${mb(collected.memory.arrayBuffers)}; heap spaces: ${spaceList(collected)}`,
      );
      console.log("");
      // A 503 is the export limiter refusing on purpose (with Retry-After); anything else non-2xx is a failure.
      failures += results.reduce(
        (n, r) => n + r.errors + r.non2xx - (r.statuses["503"] ?? 0) + (r.requests === 0 ? 1 : 0),
        0,
      );
      for (const r of results)
        if (r.statuses["503"])
          console.log(`${r.name}: ${r.statuses["503"]} deliberate 503s (export queue full, or not drawn in time)`);
    }
  } finally {
    await server.stop();
  }
  // The resident size swings by tens of MB with each garbage collection; its high-water mark does not, so a leak
  // shows as a peak that keeps rising from round to round.
  const growth = peaks.length > 1 ? (peaks.at(-1)! - peaks[0]) / peaks[0] : 0;
  const rssGrowth = Math.max(0, ...rss.map((r) => (r - rss[0]) / rss[0]));
  console.log(
    `Errors, timeouts, non-2xx responses and routes that answered nothing, over all rounds: ${failures} (target 0): ${failures ? "FAIL" : "PASS"}`,
  );
  console.log(
    `Resident memory after each round: ${rss.map((r) => (r / 1024).toFixed(0)).join(", ")} MB; the most above round 1: ${(rssGrowth * 100).toFixed(1)} % (target ${GROWTH_ALLOWED * 100} %): ${rssGrowth > GROWTH_ALLOWED ? "FAIL" : "PASS"}`,
  );
  const keptGrowth = Math.max(0, ...kept.map((r) => (r - kept[0]) / kept[0]));
  console.log(
    `Resident memory after each round's full garbage collection: ${kept.map((r) => (r / 1024).toFixed(0)).join(", ")} MB; the most above round 1: ${(keptGrowth * 100).toFixed(1)} %`,
  );
  const uncachedGrowth = Math.max(0, ...uncached.map((r) => (r - uncached[0]) / uncached[0]));
  console.log(
    `The same less the page and export caches' bytes: ${uncached.map((r) => (r / 1024).toFixed(0)).join(", ")} MB; the most above round 1: ${(uncachedGrowth * 100).toFixed(1)} %`,
  );
  console.log(
    `Peak memory after round 1 and after round ${peaks.length}: ${(peaks[0] / 1024).toFixed(1)} → ${(peaks.at(-1)! / 1024).toFixed(1)} MB (${(growth * 100).toFixed(1)} %; target: no growth beyond ${GROWTH_ALLOWED * 100} %): ${growth > GROWTH_ALLOWED ? "FAIL" : "PASS"}; resident after each round: ${rss.map((r) => (r / 1024).toFixed(0)).join(", ")} MB`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
