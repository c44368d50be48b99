import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const include = ["tests/**/*.test.ts", "tests/**/*.test.tsx"];
const exclude = ["tests/e2e/**", "node_modules/**"];

/**
 * The test files whose models read only what the seeding wrote: with TEST_DATABASE_URL set they run a second
 * time, as the project "postgres", on a PostgreSQL copy of that data (tests/app/dbSetup.ts, docs/decisions/019).
 */
const onPostgres = [
  "tests/app/models.test.ts",
  "tests/app/stakes.test.ts",
  "tests/app/timeCharts.test.ts",
  "tests/app/readableCharts.test.ts",
  "tests/app/segments.test.ts",
  "tests/app/exports.test.ts",
  "tests/app/exportFiles.test.ts",
  "tests/app/timeExports.test.ts",
  "tests/app/loaders.test.ts",
  "tests/app/factsPlan.test.ts",
  "tests/app/factsKeyset.test.ts",
  "tests/app/companyUndoReimport.test.ts",
  "tests/app/homeDisagreeing.test.ts",
  "tests/app/loginThrottle.test.ts",
  "tests/db/postgres.test.ts",
  "tests/jobs/pgBossQueue.test.ts",
  "tests/db/pgWrites.test.ts",
  "tests/db/pgInstances.test.ts",
  "tests/db/pgFleet.test.ts",
];

/** Every test, on SQLite; the PostgreSQL backend's own tests need a server and run only in the project below. */
const postgresOnly = [
  "tests/db/postgres.test.ts",
  "tests/jobs/pgBossQueue.test.ts",
  "tests/db/pgWrites.test.ts",
  "tests/db/pgInstances.test.ts",
  "tests/db/pgFleet.test.ts",
];
const onSqlite = { include, exclude: [...exclude, ...postgresOnly] };

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    environment: "node",
    // Without a PostgreSQL server nothing is collected for it, so nothing shows as skipped.
    ...(process.env.TEST_DATABASE_URL
      ? {
          projects: [
            { extends: true, test: { name: "sqlite", ...onSqlite } },
            {
              extends: true,
              test: { name: "postgres", include: onPostgres, exclude, env: { TEST_BACKEND: "postgres" } },
            },
          ],
        }
      : onSqlite),
  },
});
