import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openPgBossQueue } from "../../importers/jobs/pgBossQueue";
import { createTestDatabase } from "../helpers/pgDb";
import { queueContract } from "./queueContract";

/**
 * pg-boss's queue semantics, asked the same questions as the SQLite queue, on a throwaway PostgreSQL
 * (TEST_DATABASE_URL; collected only in the "postgres" project, docs/decisions/019). Jobs expire after a second
 * here, so a killed worker's job comes back within the test.
 */
let url = "";
const drops: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const d of drops) await d();
});

describe("the import queue on pg-boss", () => {
  queueContract({
    // A database of its own per case: pg-boss's schema is made on first start.
    fresh: async () => {
      const db = await createTestDatabase();
      url = db.url;
      drops.push(db.drop);
    },
    open: () => openPgBossQueue(url, { expireInSeconds: 1 }),
    get env() {
      return { QUEUE_KIND: "pg-boss", QUEUE_AT: url };
    },
    abandonMs: 1500,
  });
});

describe("npm run import on PostgreSQL", () => {
  test("--enqueue-only queues one pg-boss job per file, and --status shows them waiting", async () => {
    const db = await createTestDatabase();
    drops.push(db.drop);
    const env = { ...process.env, DATABASE_URL: db.url };
    const tsx = join("node_modules", ".bin", "tsx");
    const queued = spawnSync(tsx, ["importers/cli/import.ts", "--enqueue-only", "seeds", "no/such/dir"], {
      env,
      encoding: "utf8",
    });
    expect(queued.status, queued.stderr).toBe(1);
    expect(queued.stdout).toMatch(/^Queued 5 files in pg-boss in postgres:\/\/\S+ \(run [0-9a-f-]{36}\)\.$/m);
    expect(queued.stdout).toContain("  no/such/dir: no such file or folder");
    const status = spawnSync(tsx, ["importers/cli/import.ts", "--status"], { env, encoding: "utf8" });
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^\s+\S+ \S+\s+5\s+5\s+0\s+0\s+0$/m);
    const queue = await openPgBossQueue(db.url);
    try {
      const jobs = await queue.fetch("test", 10);
      expect(jobs.map((j) => j.path)).toEqual([
        "seeds/000_c0781cebfd980f41.txt",
        "seeds/001_027ae69c3d8632c6.txt",
        "seeds/002_e51498022814d686.txt",
        "seeds/003_d4f144670353b292.txt",
        "seeds/004_0aa2b29ea3453f24.txt",
      ]);
      expect(jobs.every((j) => /^[0-9a-f]{64}$/.test(j.sha256 ?? ""))).toBe(true);
    } finally {
      await queue.close();
    }
  }, 60_000);
});
