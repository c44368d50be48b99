import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { jobsDatabasePath, openSqliteQueue } from "../../importers/jobs/sqliteQueue";
import { queueContract } from "./queueContract";

const dir = mkdtempSync(join(tmpdir(), "figures-jobs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
let current = "";

describe("the import queue on SQLite", () => {
  queueContract({
    fresh: async () => {
      current = join(dir, `q${++n}.jobs.db`);
    },
    open: async () => openSqliteQueue(current),
    get env() {
      return { QUEUE_KIND: "sqlite", QUEUE_AT: current };
    },
    abandonMs: 0,
  });

  test("the jobs file sits beside the database", () => {
    expect(jobsDatabasePath("/srv/data/figures.db")).toBe("/srv/data/figures.jobs.db");
    expect(jobsDatabasePath("/srv/data/figures")).toBe("/srv/data/figures.jobs.db");
  });

  test("a killed import's queued jobs are taken into the next run of the same files, not done twice", async () => {
    const path = join(dir, "adopt.jobs.db");
    const queue = openSqliteQueue(path);
    try {
      const file = { path: "in/a.txt", resolved: "/in/a.txt", sha256: "f".repeat(64) };
      // A run whose command died: its owner is a process id no process has.
      const dead = await queue.enqueue([file], { publishedYear: null }, false);
      const next = await queue.enqueue(
        [file, { ...file, path: "in/b.txt", resolved: "/in/b.txt" }],
        { publishedYear: null },
        true,
      );
      expect((await queue.progress(dead)).total).toBe(0);
      expect(await queue.progress(next)).toMatchObject({ total: 2, queued: 2 });
      // The same bytes with another publication year are another job.
      const other = await queue.enqueue([file], { publishedYear: 2004 }, true);
      expect((await queue.progress(other)).total).toBe(1);
      expect((await queue.progress(next)).total).toBe(2);
    } finally {
      await queue.close();
    }
  });
});
