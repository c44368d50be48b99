/**
 * Imports as jobs on SQLite, end to end (docs/decisions/023): `npm run import -- --enqueue-only` queues a folder,
 * `npm run worker` processes import it on their threads, one of them is killed with SIGKILL mid-run, and the next
 * worker finishes the queue: every article stored once and whole, the dead worker's jobs retried.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../../db/client";
import {
  articleProblems,
  cleanupAll,
  count,
  duplicates,
  type Expected,
  expectedArticles,
  integrityCheck,
  killGroup,
  makeTempDir,
  REPO,
  waitFor,
  writeArticles,
} from "../reliability/helpers";

const FILES = 600;
const TSX = join(REPO, "node_modules", ".bin", "tsx");

let dir: string;
let folder: string;
let dbPath: string;
let expected: Map<string, Expected>;

beforeAll(() => {
  dir = makeTempDir("jobs");
  folder = join(dir, "articles");
  mkdirSync(folder);
  expected = expectedArticles(writeArticles(folder, FILES, { corpusCopies: 255, seed: 23 }));
  // One bad file: its job fails with the reason, and is not retried.
  writeFileSync(join(folder, "zz-empty.txt"), "");
  dbPath = join(dir, "figures.db");
  openDatabase(dbPath).sqlite.close();
}, 60_000);
afterAll(cleanupAll);

const env = () => ({ ...process.env, DATABASE_PATH: dbPath, IMPORT_MAX_BYTES: "" });
const cli = (args: string[]) => spawnSync(TSX, args, { cwd: REPO, env: env(), encoding: "utf8" });

function startWorker(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(TSX, ["importers/cli/worker.ts", ...args], {
    cwd: REPO,
    env: env(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.setEncoding("utf8").on("data", (s: string) => (out += s));
  child.stderr?.setEncoding("utf8").on("data", (s: string) => (out += s));
  const done = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, out })),
  );
  return { child, done };
}

const jobStates = (jobs: Database.Database) =>
  Object.fromEntries(
    (
      jobs.prepare("SELECT state, count(*) AS n FROM import_jobs GROUP BY state").all() as Array<{
        state: string;
        n: number;
      }>
    ).map((r) => [r.state, r.n]),
  );

describe("npm run worker, killed mid-run", () => {
  test("loses nothing: its jobs are retried by the next worker, and every article is stored once, whole", async () => {
    const queued = cli(["importers/cli/import.ts", "--enqueue-only", folder]);
    expect(queued.status, queued.stderr).toBe(0);
    expect(queued.stdout).toContain(`Queued ${FILES + 1} files in ${join(dir, "figures.jobs.db")}`);

    const status = cli(["importers/cli/import.ts", "--status"]);
    expect(status.stdout).toMatch(new RegExp(`^\\s+\\S+ \\S+\\s+${FILES + 1}\\s+${FILES + 1}\\s+0\\s+0\\s+0$`, "m"));

    const first = startWorker(["--workers", "2"]);
    const jobs = new Database(join(dir, "figures.jobs.db"), { readonly: true });
    try {
      // Killed once it has stored some articles and holds others: jobs active under a process that is gone.
      await waitFor(
        () => (jobStates(jobs).done ?? 0) >= 100 && (jobStates(jobs).active ?? 0) > 0,
        60_000,
        "the first worker to be part way",
        20,
      );
      killGroup(first.child, "SIGKILL");
      await first.done;
      const atKill = jobStates(jobs);
      expect(atKill.active, "the killed worker held jobs").toBeGreaterThan(0);
      expect(atKill.queued, "the killed worker left jobs queued").toBeGreaterThan(0);

      const second = startWorker(["--workers", "2", "--until-empty"]);
      const end = await second.done;
      expect(end.code, end.out).toBe(0);
      expect(end.out).toContain(`${atKill.active} jobs of stopped workers queued again`);
      expect(jobStates(jobs)).toEqual({ done: FILES, failed: 1 });
      const retried = jobs.prepare("SELECT count(*) AS n FROM import_jobs WHERE attempts = 2").get() as { n: number };
      expect(retried.n).toBe(atKill.active);
      const failed = jobs.prepare("SELECT path, reason, attempts FROM import_jobs WHERE state = 'failed'").all();
      expect(failed).toEqual([{ path: join(folder, "zz-empty.txt"), reason: "empty file", attempts: 1 }]);
    } finally {
      jobs.close();
    }

    const handle = openDatabase(dbPath);
    try {
      expect(integrityCheck(handle)).toEqual(["ok"]);
      expect(count(handle, "articles")).toBe(FILES);
      expect(duplicates(handle)).toEqual({ sha256: [], sourcePath: [] });
      expect(articleProblems(handle, expected)).toEqual([]);
    } finally {
      handle.sqlite.close();
    }

    const after = cli(["importers/cli/import.ts", "--status"]);
    expect(after.stdout).toMatch(new RegExp(`^\\s+\\S+ \\S+\\s+${FILES + 1}\\s+0\\s+0\\s+${FILES}\\s+1$`, "m"));
    expect(after.stdout).toContain(`Failed, newest first:\n  ${join(folder, "zz-empty.txt")}: empty file`);
  }, 180_000);
});

describe("npm run worker, stopped with SIGTERM", () => {
  test("finishes the jobs in hand, leaves the rest queued, and exits 0", async () => {
    const stopDir = makeTempDir("jobs-stop");
    const stopDb = join(stopDir, "figures.db");
    const stopEnv = { ...process.env, DATABASE_PATH: stopDb, IMPORT_MAX_BYTES: "" };
    const q = spawnSync(TSX, ["importers/cli/import.ts", "--enqueue-only", folder], {
      cwd: REPO,
      env: stopEnv,
      encoding: "utf8",
    });
    expect(q.status, q.stderr).toBe(0);
    const child = spawn(TSX, ["importers/cli/worker.ts", "--workers", "1"], {
      cwd: REPO,
      env: stopEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr?.setEncoding("utf8").on("data", (s: string) => (out += s));
    const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    const jobs = new Database(join(stopDir, "figures.jobs.db"), { readonly: true, fileMustExist: true });
    try {
      await waitFor(() => (jobStates(jobs).done ?? 0) >= 50, 60_000, "the worker to be part way", 20);
      // tsx passes the signal on to the node process it started.
      child.kill("SIGTERM");
      expect(await exit, out).toBe(0);
      expect(out).toContain("SIGTERM: finishing the jobs in hand, then stopping");
      const states = jobStates(jobs);
      expect(states.active, "no job is left active").toBeUndefined();
      expect(states.queued, "the worker stopped part way").toBeGreaterThan(0);
      expect(out).toMatch(new RegExp(`Worker \\d+: ${(states.done ?? 0) + (states.failed ?? 0)} jobs in`));
      const handle = openDatabase(stopDb);
      try {
        expect(count(handle, "articles")).toBe(states.done);
        expect(articleProblems(handle, expected)).toEqual([]);
      } finally {
        handle.sqlite.close();
      }
    } finally {
      jobs.close();
    }
  }, 120_000);
});
