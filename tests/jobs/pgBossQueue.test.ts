import { afterAll, describe } from "vitest";
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
