/**
 * Web benchmark: the production server over a database of a million facts, loaded route by route with
 * autocannon over loopback. Usage:
 *
 *   npm run bench:web -- [--db PATH] [--duration SECONDS] [--connections N] [--skip-build] [--no-pin] [--postgres]
 *
 * The database (default /tmp/figures-bench-1m.db) is generated on the first run and reused afterwards. With
 * `--postgres` the server reads the same rows from PostgreSQL instead (pgBenchDatabase.ts: the SQLite file copied
 * into the database figures_bench_1m, reused while it matches) on the server BENCH_DATABASE_URL or
 * TEST_DATABASE_URL names, else on a throwaway cluster (pgServer.ts), where the copy is made on every run.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBenchDatabase } from "./generateFacts";
import { formatTable, loadRoute, type RouteResult, statusList, verdict, warmUp } from "./loadTest";
import { ensurePgBenchDatabase } from "./pgBenchDatabase";
import { benchPostgres } from "./pgServer";
import { memoryKb, type ServerProcess, startServer } from "./serverProcess";
import { benchTargets } from "./targets";

interface Options {
  db: string;
  duration: number;
  connections: number;
  build: boolean;
  pin: boolean;
  postgres: boolean;
}

function parseArgs(argv: string[]): Options {
  // One connection by default: the target is the server's own response time on one core. With N connections on
  // one core each request also waits behind the others, so latency grows about N-fold (see docs/decisions/004).
  const options: Options = {
    db: "/tmp/figures-bench-1m.db",
    duration: 10,
    connections: 1,
    build: true,
    pin: true,
    postgres: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    const positive = () => {
      const v = Number(value());
      if (!Number.isInteger(v) || v <= 0) throw new Error(`${arg} needs a positive whole number`);
      return v;
    };
    if (arg === "--db") options.db = resolve(value());
    else if (arg === "--duration") options.duration = positive();
    else if (arg === "--connections") options.connections = positive();
    else if (arg === "--skip-build") options.build = false;
    else if (arg === "--no-pin") options.pin = false;
    else if (arg === "--postgres") options.postgres = true;
    else
      throw new Error(
        `unknown argument ${arg} (use --db PATH, --duration S, --connections N, --skip-build, --no-pin, --postgres)`,
      );
  }
  return options;
}

/** Progress goes to stderr, so stdout holds only the report. */
const log = (line: string) => process.stderr.write(`${line}\n`);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function memory(server: ServerProcess): string {
  const kb = memoryKb(server.pid);
  return kb ? `RSS ${(kb.rss / 1024).toFixed(1)} MB, peak ${(kb.peak / 1024).toFixed(1)} MB` : "unknown (no /proc)";
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));

  log(`Database ${options.db}`);
  const db = ensureBenchDatabase(options.db, log);
  const counts = `${db.companies} companies, ${db.facts} facts, ${db.articles} articles`;
  log(db.generated ? `Generated ${counts} in ${db.seconds.toFixed(1)} s` : `Reusing ${counts}`);
  const targets = benchTargets(options.db);

  if (options.build) {
    log("Building the app (npm run build)");
    // Vitest or a dev shell may have set NODE_ENV; a development build cannot be served in production mode.
    execFileSync("npm", ["run", "build"], {
      cwd: ROOT,
      stdio: ["ignore", 2, 2],
      env: { ...process.env, NODE_ENV: "production" },
    });
  }

  const pg = options.postgres ? benchPostgres() : null;
  if (options.postgres && !pg) throw new Error("--postgres: no server given and PostgreSQL is not installed");
  let backend = "SQLite";
  const env: Record<string, string> = {};
  try {
    if (pg) {
      const copy = await ensurePgBenchDatabase(pg.url, options.db, log);
      backend = `PostgreSQL (${pg.what}; ${copy.copied ? `copied in ${copy.seconds.toFixed(0)} s` : "reused"})`;
      log(`Serving from ${backend}`);
      Object.assign(env, { DATABASE_URL: copy.url, SESSION_SECRET: "web-bench-secret-of-at-least-32-chars" });
    }
    await measure(options, targets, counts, db, backend, env);
  } finally {
    pg?.stop();
  }
}

async function measure(
  options: Options,
  targets: ReturnType<typeof benchTargets>,
  counts: string,
  db: ReturnType<typeof ensureBenchDatabase>,
  backend: string,
  env: Record<string, string>,
): Promise<void> {
  const server = await startServer({ cwd: ROOT, databasePath: options.db, pin: options.pin, env });
  const stopOnSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the server`);
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);

  try {
    log(`Server pid ${server.pid} at ${server.baseUrl}, ${server.pinned ? "pinned to CPU 0" : "not pinned"}`);
    const before = memory(server);
    const results: RouteResult[] = [];
    const stillRunning = (during: string) => {
      const ended = server.ended();
      if (ended) throw new Error(`the server ${ended} during ${during}`);
    };
    for (const target of targets) {
      const warm = await warmUp(server.baseUrl, target);
      stillRunning(`the warm-up of ${target.name}`);
      log(
        `${target.name}: ${target.paths.length} URLs, warm-up ${statusList(warm)}; loading for ${options.duration} s`,
      );
      results.push(await loadRoute(server.baseUrl, target, options));
      stillRunning(`the load on ${target.name}`);
    }
    const after = memory(server);

    console.log(`Web benchmark: ${counts}; ${options.connections} connections, ${options.duration} s per route`);
    console.log(`Database ${db.path}${db.generated ? `, generated in ${db.seconds.toFixed(1)} s` : ", reused"}`);
    console.log(
      `Served from ${backend}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} at the end`,
    );
    console.log(`Server memory before: ${before}`);
    console.log(`Server memory after:  ${after}\n`);
    console.log(formatTable(results));
    console.log("");
    for (const r of results) console.log(verdict(r));
  } catch (err) {
    throw new Error(`${describe(err)}\nLast server output:\n${server.output() || "(none)"}`);
  } finally {
    await server.stop();
  }
}

/** fetch() reports only "fetch failed"; the reason (refused, reset, timeout) is in its cause. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause ? `${err.message}: ${describe(err.cause)}` : err.message;
}

main().catch((err) => {
  console.error(describe(err));
  process.exit(1);
});
