import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

/**
 * The PostgreSQL server a benchmark runs on: `given` (`--pg URL`), else BENCH_DATABASE_URL or TEST_DATABASE_URL,
 * else a throwaway cluster started with scripts/pgTestCluster.sh (fsync off, as for the tests) and removed by
 * `stop`. The URL's user must be allowed to create databases. Null when none is given and PostgreSQL is not
 * installed.
 */
export function benchPostgres(given?: string | null): { url: string; what: string; stop: () => void } | null {
  const url = given ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) return { url, what: "the server given", stop: () => {} };
  const root = "/usr/lib/postgresql";
  const installed = existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/initdb`));
  if (!installed) return null;
  const [dir, ...rest] = execFileSync("sh", ["scripts/pgTestCluster.sh"], { encoding: "utf8" }).trim().split("\n");
  return {
    url: rest[rest.length - 1],
    what: "a throwaway cluster (scripts/pgTestCluster.sh, fsync off)",
    stop: () => execFileSync("sh", ["scripts/pgTestCluster.sh", "stop", dir]),
  };
}
