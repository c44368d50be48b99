/**
 * The fleet of issue 14 on one PostgreSQL: two app instances and two `npm run worker` processes (the built entry,
 * real processes), the 255 BBC dev articles queued with `npm run import -- --enqueue-only` while both instances
 * serve pages, one worker killed with SIGKILL part way. Checked: every article stored once, the same articles and
 * facts, by content, as a plain one-process import of the same files; no page request failed; each instance shows
 * each commit's newest fact within a second of the commit; the killed worker's jobs were retried and completed.
 * Run in the vitest project "postgres" (TEST_DATABASE_URL).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../../db/client";
import { openPostgres, type PgHandle } from "../../db/postgres";
import { QUEUE_NAME } from "../../importers/jobs/pgBossQueue";
import { importFiles } from "../../importers/run/importFiles";
import { createTestDatabase } from "../helpers/pgDb";
import { killGroup, REPO, waitFor } from "../reliability/helpers";
import { buildApp, type RunningServer, startServer } from "../reliability/serverProcess";
import { pollPages, watchCommits } from "./fleetWatch";
import { type StoredContent, storedContent } from "./storedContent";

// CORPUS_DIR, else ../shared/corpus beside the clone, as the corpus test and the benchmarks find it.
const GIVEN = process.env.CORPUS_DIR ?? resolve(REPO, "../shared/corpus/bbc-business-dev");
const CORPUS = existsSync(GIVEN) ? realpathSync.native(GIVEN) : GIVEN;
const FILES = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).length : 0;
const SECRET = "a-secret-the-whole-fleet-shares-0123456789";

let url: string;
let drop: () => Promise<void>;
let db: PgHandle;
let dir: string;
let instances: RunningServer[] = [];
let plain: StoredContent;
const workers: ChildProcess[] = [];
/** What afterAll stops when the test failed half way. */
const running: Array<{ stop: () => Promise<void> }> = [];

/** Environment of every process of the fleet: a killed worker's jobs come back after 5 s instead of ten minutes. */
const fleetEnv = () => ({
  ...process.env,
  DATABASE_URL: url,
  SESSION_SECRET: SECRET,
  DATABASE_PATH: join(dir, "never-used.db"),
  IMPORT_JOB_EXPIRE_S: "5",
});

function startWorker(): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ["build/cli/worker.mjs", "--workers", "1"], {
    cwd: REPO,
    env: fleetEnv(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.push(child);
  let out = "";
  child.stdout?.setEncoding("utf8").on("data", (s: string) => (out += s));
  child.stderr?.setEncoding("utf8").on("data", (s: string) => (out += s));
  const exit = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
  return { child, output: () => out, exit };
}

/**
 * The corpus holds files of equal bytes (the same story saved twice); each is stored once, under the path of
 * whichever job ran first. This names every such file by the first of its group in sorted order.
 */
function corpusSamePath(): (path: string) => string {
  const first = new Map<string, string>();
  const canonical = new Map<string, string>();
  for (const name of readdirSync(CORPUS).sort()) {
    const path = join(CORPUS, name);
    const hash = createHash("sha256").update(readFileSync(path)).digest("hex");
    if (!first.has(hash)) first.set(hash, path);
    canonical.set(path, first.get(hash) as string);
  }
  return (path) => canonical.get(path) ?? path;
}

/** pg-boss's jobs of the import queue by state (completed jobs stay in its job table for 12 hours). */
async function jobStates(): Promise<Record<string, number>> {
  const rows = await db.sql.all<{ state: string; n: number }>(
    "SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = ? GROUP BY 1",
    [QUEUE_NAME],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

beforeAll(async () => {
  expect(existsSync(CORPUS), `the BBC corpus is absent at ${CORPUS}: set CORPUS_DIR`).toBe(true);
  buildApp();
  execFileSync("sh", ["scripts/buildCli.sh"], { cwd: REPO, stdio: "ignore" });
  ({ url, drop } = await createTestDatabase());
  dir = mkdtempSync(join(tmpdir(), "figures-fleet-"));
  const env = { DATABASE_URL: url, SESSION_SECRET: SECRET, IMPORT_JOB_EXPIRE_S: "5" };
  instances = await Promise.all([
    startServer(join(dir, "never-used.db"), env),
    startServer(join(dir, "never-used.db"), env),
  ]);
  db = await openPostgres(url);
  // The reference: the seeds (as the first instance stored them) and the same files, imported by one process
  // into a fresh SQLite database, as `npm run import` did before the queue.
  const reference = openDatabase(join(dir, "plain.db"));
  try {
    await importFiles(reference, [join(REPO, "seeds")]);
    await importFiles(reference, [CORPUS]);
    plain = await storedContent(reference.sql, corpusSamePath());
  } finally {
    reference.sqlite.close();
  }
}, 240_000);

afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  for (const w of workers) killGroup(w, "SIGKILL");
  await Promise.all(instances.map((s) => s.stop()));
  await db?.pool.end();
  await drop?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("two instances and two workers on one PostgreSQL", () => {
  test("the BBC corpus through the queue, a worker killed mid-import: stored once, served throughout", async () => {
    const [a, b] = instances;
    const bases = { a: a.url, b: b.url };
    const before = await storedContent(db.sql);
    expect(before.articles).toHaveLength(5);

    const killed = startWorker();
    const survivor = startWorker();
    await waitFor(
      () => [killed, survivor].every((w) => w.output().includes("extraction thread on pg-boss")),
      60_000,
      "both workers to start",
    );
    const pages = pollPages(bases);
    const commits = await watchCommits(url, bases);
    running.push(pages, commits);

    const queued = execFileSync(process.execPath, ["build/cli/import.mjs", "--enqueue-only", CORPUS], {
      cwd: REPO,
      env: fleetEnv(),
      encoding: "utf8",
    });
    expect(queued).toContain(`Queued ${FILES} files in pg-boss`);

    // Killed once some jobs are done and some still queued, holding the jobs it had fetched.
    let atKill: Record<string, number> = {};
    let activeAtKill: string[] = [];
    for (const deadline = Date.now() + 120_000; ; ) {
      atKill = await jobStates();
      if ((atKill.completed ?? 0) >= 40) {
        activeAtKill = (
          await db.sql.all<{ id: string }>(
            "SELECT id::text AS id FROM pgboss.job WHERE name = ? AND state = 'active'",
            [QUEUE_NAME],
          )
        ).map((r) => r.id);
        killGroup(killed.child, "SIGKILL");
        break;
      }
      if (Date.now() > deadline) throw new Error(`the workers did not get going: ${JSON.stringify(atKill)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await killed.exit;
    // Each worker fetches ahead of what it has stored, so by now the two may hold every job between them.
    expect(atKill.completed, "jobs were still to do when the worker was killed").toBeLessThan(FILES);
    expect(activeAtKill.length, "jobs were in hand when the worker was killed").toBeGreaterThan(0);

    // The survivor finishes the queue, the killed worker's jobs included once they expire (5 s) and come back.
    for (const deadline = Date.now() + 120_000; ; ) {
      const states = await jobStates();
      if ((states.completed ?? 0) + (states.failed ?? 0) === FILES) break;
      if (Date.now() > deadline) throw new Error(`the queue was not finished: ${JSON.stringify(states)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await commits.stop();
    await pages.stop();
    survivor.child.kill("SIGTERM");
    expect(await survivor.exit, survivor.output()).toBe(0);

    // Nothing lost, nothing twice: the jobs all completed, the killed worker's retried.
    expect(await jobStates()).toEqual({ completed: FILES });
    const retried = await db.sql.all<{ id: string; retries: number }>(
      "SELECT id::text AS id, retry_count AS retries FROM pgboss.job WHERE name = ? AND retry_count > 0",
      [QUEUE_NAME],
    );
    console.log(
      `jobs at the kill: ${JSON.stringify(atKill)}; active then: ${activeAtKill.length}; retried: ${retried.length}`,
    );
    expect(retried.length, "the killed worker held jobs, which were retried").toBeGreaterThan(0);
    for (const r of retried) expect(activeAtKill).toContain(r.id);
    const twice = await db.sql.all("SELECT sha256 FROM articles GROUP BY sha256 HAVING count(*) > 1");
    expect(twice).toEqual([]);
    const stored = await storedContent(db.sql, corpusSamePath());
    // The reference holds the corpus, facts included: an empty comparison would prove nothing.
    expect(plain.articles.length).toBeGreaterThan(5 + FILES / 2);
    expect(plain.facts.length).toBeGreaterThan(before.facts.length);
    expect(stored.articles.length).toBe(plain.articles.length);
    expect(stored.facts.length).toBe(plain.facts.length);
    expect(stored).toEqual(plain);

    // Every page asked for while the fleet imported was served, with its facts.
    const failed = pages.polls.filter((p) => p.status !== 200 || p.problem !== null);
    expect(failed.slice(0, 5)).toEqual([]);
    for (const name of Object.keys(bases)) {
      expect(pages.polls.filter((p) => p.instance === name).length, `polls of ${name}`).toBeGreaterThan(20);
    }

    // Each commit that added facts was seen by both instances within a second.
    const worst = Object.fromEntries(
      Object.keys(bases).map((name) => [name, Math.max(...commits.sightings.map((s) => s.ms[name]))]),
    );
    console.log(
      `${pages.polls.length} page requests, all served; ${commits.sightings.length} commits with new facts, ` +
        `seen by the instances after at most ${Object.entries(worst)
          .map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`)
          .join(", ")}`,
    );
    expect(commits.sightings.length).toBeGreaterThanOrEqual(3);
    for (const ms of Object.values(worst)) expect(ms).toBeLessThan(1000);
  }, 300_000);
});
