import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { type ImportQueue, MAX_ATTEMPTS, type NewJob } from "../../importers/jobs/queue";

/**
 * The cases every ImportQueue must pass, asked of the SQLite queue (sqliteQueue.test.ts) and of pg-boss on a
 * throwaway PostgreSQL (pgBossQueue.test.ts) alike. `env` lets a child process open the same queue (QUEUE_KIND and QUEUE_AT: see holdJob.ts).
 */
export interface QueueUnderTest {
  /** Starts each case on an empty queue; `open` then opens that one (twice for two workers). */
  fresh: () => Promise<void>;
  open: () => Promise<ImportQueue>;
  env: Record<string, string>;
  /** How long a dead worker's job takes to be given up (pg-boss: its expiry). */
  abandonMs: number;
}

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const files = (n: number, prefix = "a"): NewJob[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `in/${prefix}${i}.txt`,
    resolved: `/data/in/${prefix}${i}.txt`,
    sha256: `${prefix}${i}`.padEnd(64, "0"),
  }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fetches until `want` jobs came or `ms` passed: pg-boss holds a retried job back for its retry delay. */
async function fetchWithin(queue: ImportQueue, want: number, ms: number, runId?: string) {
  const got = [];
  const deadline = Date.now() + ms;
  while (got.length < want && Date.now() < deadline) {
    got.push(...(await queue.fetch("test", want - got.length, runId)));
    if (got.length < want) await sleep(100);
  }
  return got;
}

export function queueContract(q: QueueUnderTest) {
  test("jobs come out in the order queued, with their file, hash and options; done and failed are counted", async () => {
    await q.fresh();
    const queue = await q.open();
    try {
      const runId = await queue.enqueue(files(3), { publishedYear: 2009 }, true);
      expect(await queue.progress(runId)).toMatchObject({ runId, total: 3, queued: 3, active: 0, done: 0, failed: 0 });
      const [first, second] = await queue.fetch("w1", 2);
      expect(first).toMatchObject({ runId, seq: 0, path: "in/a0.txt", resolved: "/data/in/a0.txt", attempt: 1 });
      expect(first.sha256).toBe("a0".padEnd(64, "0"));
      expect(first.options).toEqual({ publishedYear: 2009 });
      expect(second.seq).toBe(1);
      expect(await queue.progress(runId)).toMatchObject({ queued: 1, active: 2 });
      const outcome = {
        kind: "stored" as const,
        status: "imported" as const,
        facts: 2,
        factsByKind: { revenue: 2 },
        rejected: [],
      };
      await queue.complete([{ id: first.id, outcome }]);
      await queue.fail(second.id, { kind: "refused", reason: "empty file", read: true });
      expect(await queue.progress(runId)).toMatchObject({ total: 3, queued: 1, active: 0, done: 1, failed: 1 });
      const jobs = await queue.runJobs(runId);
      expect(jobs.map((j) => [j.path, j.state])).toEqual([
        ["in/a0.txt", "done"],
        ["in/a1.txt", "failed"],
        ["in/a2.txt", "queued"],
      ]);
      expect(jobs[0].outcome).toEqual(outcome);
      expect(jobs[1].reason).toBe("empty file");
      expect(jobs[1].outcome).toEqual({ kind: "refused", reason: "empty file", read: true });
      const failed = await queue.jobsIn("failed", 10);
      expect(failed.map((j) => [j.path, j.reason])).toEqual([["in/a1.txt", "empty file"]]);
      expect((await queue.recentRuns(5))[0]).toMatchObject({ runId, total: 3, done: 1, failed: 1, queued: 1 });
    } finally {
      await queue.close();
    }
  });

  test("a batch completed at once keeps each job's own outcome; a job not in hand is left as it is", async () => {
    await q.fresh();
    const queue = await q.open();
    try {
      const runId = await queue.enqueue(files(4), { publishedYear: null }, true);
      const taken = await queue.fetch("w1", 3);
      expect(taken.map((j) => j.seq)).toEqual([0, 1, 2]);
      const outcome = (facts: number, status: "imported" | "unchanged") => ({
        kind: "stored" as const,
        status,
        facts,
        factsByKind: facts ? { revenue: facts } : {},
        rejected: [],
      });
      const [queuedJob] = await queue.fetch("w2", 1);
      await queue.retry([queuedJob.id], "given back");
      await queue.complete([
        { id: taken[0].id, outcome: outcome(3, "imported") },
        { id: taken[1].id, outcome: outcome(0, "unchanged") },
        { id: taken[2].id, outcome: outcome(1, "imported") },
        // Given back above: no longer active, so not completed by a worker that still thinks it holds it.
        { id: queuedJob.id, outcome: outcome(9, "imported") },
      ]);
      const jobs = await queue.runJobs(runId);
      expect(jobs.map((j) => [j.seq, j.state, j.outcome?.kind === "stored" ? j.outcome.facts : null])).toEqual([
        [0, "done", 3],
        [1, "done", 0],
        [2, "done", 1],
        [3, "queued", null],
      ]);
      expect(jobs[1].outcome).toEqual(outcome(0, "unchanged"));
      expect(await queue.progress(runId)).toMatchObject({ total: 4, done: 3, queued: 1, active: 0 });
    } finally {
      await queue.close();
    }
  });

  test("a job given back is taken again, and failed for good after the attempt limit", async () => {
    await q.fresh();
    const queue = await q.open();
    try {
      const runId = await queue.enqueue(files(1, "r"), { publishedYear: null }, true);
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const [job] = await fetchWithin(queue, 1, 5000);
        expect(job?.attempt).toBe(attempt);
        await queue.retry([job.id], "the database failed: locked");
      }
      expect(await fetchWithin(queue, 1, 1500)).toEqual([]);
      const [job] = await queue.runJobs(runId);
      expect(job.state).toBe("failed");
      expect(job.reason).toContain("the database failed: locked");
    } finally {
      await queue.close();
    }
  }, 30_000);

  test("two workers fetching at once never take the same job", async () => {
    await q.fresh();
    const a = await q.open();
    const b = await q.open();
    try {
      await a.enqueue(files(60, "c"), { publishedYear: null }, true);
      const taken: string[] = [];
      const drain = async (queue: ImportQueue, name: string) => {
        for (;;) {
          const got = await queue.fetch(name, 3);
          if (!got.length) return;
          taken.push(...got.map((j) => j.path));
        }
      };
      await Promise.all([drain(a, "a"), drain(b, "b")]);
      expect(taken).toHaveLength(60);
      expect(new Set(taken).size).toBe(60);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("the job of a worker killed with SIGKILL is queued again and taken by another", async () => {
    await q.fresh();
    const queue = await q.open();
    try {
      const runId = await queue.enqueue(files(2, "k"), { publishedYear: null }, true);
      // One process (node with tsx's loader), so the kill reaches the process holding the job.
      const child = spawn(process.execPath, ["--import", "tsx", "tests/jobs/holdJob.ts"], {
        cwd: REPO,
        env: { ...process.env, ...q.env },
        stdio: ["ignore", "pipe", "inherit"],
      });
      const held = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.setEncoding("utf8").on("data", (s: string) => {
          out += s;
          if (out.includes("\n")) resolve(out.trim());
        });
        child.on("exit", (code) => reject(new Error(`holdJob ended (${code}) before taking a job: ${out}`)));
      });
      expect(held).toBe("in/k0.txt");
      child.kill("SIGKILL");
      await new Promise((r) => child.once("close", r));
      expect(await queue.progress(runId)).toMatchObject({ active: 1, queued: 1 });
      await sleep(q.abandonMs);
      expect(await queue.recoverAbandoned()).toBe(1);
      const again = await fetchWithin(queue, 2, 5000);
      expect(again.map((j) => [j.path, j.attempt]).sort()).toEqual([
        ["in/k0.txt", 2],
        ["in/k1.txt", 1],
      ]);
    } finally {
      await queue.close();
    }
  }, 30_000);
}
