/**
 * `npm run bench:queue`: the import's throughput through the job queue on SQLite and on PostgreSQL
 * (queueBench.ts). PostgreSQL is the server `--pg URL` names (a user who may create databases), else
 * BENCH_DATABASE_URL or TEST_DATABASE_URL, else a throwaway cluster started for the run with
 * scripts/pgTestCluster.sh when PostgreSQL is installed (fsync off, as for the tests); `--no-pg` leaves it out.
 *
 *   npm run bench:queue -- [--copies N] [--passes N] [--pg URL | --no-pg] [--timings] [--before DIR]
 *
 * `--copies N` imports N copies of each BBC dev article (10 by default: 2,550 files, so that start-up is not all
 * that is measured; 1 imports the 255 files as they are). `--before DIR` measures the built commands of another
 * checkout too, run after run with this one's, for a before and after under the same load.
 */
import { existsSync, readdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { benchPostgres } from "../../db/bench/pgServer";
import type { Backend } from "./benchDatabases";
import { queueThroughput } from "./queueBench";

interface Options {
  copies: number;
  passes: number;
  pg: string | null | "none";
  timings: boolean;
  before?: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { copies: 10, passes: 3, pg: null, timings: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} wants a value`);
      return v;
    };
    const count = () => {
      const v = value();
      if (!/^[1-9]\d*$/.test(v)) throw new Error(`${a} wants a whole number from 1, got "${v}"`);
      return Number(v);
    };
    if (a === "--copies") o.copies = count();
    else if (a === "--passes") o.passes = count();
    else if (a === "--pg") o.pg = value();
    else if (a === "--no-pg") o.pg = "none";
    else if (a === "--timings") o.timings = true;
    else if (a === "--before") o.before = resolve(value());
    else if (a !== "--") throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bench:queue: ${(err as Error).message}`);
    console.error(
      "usage: npm run bench:queue -- [--copies N] [--passes N] [--pg URL | --no-pg] [--timings] [--before DIR]",
    );
    return 2;
  }
  const corpusDir = resolve(process.env.CORPUS_DIR ?? "../shared/corpus/bbc-business-dev");
  if (!existsSync(corpusDir)) {
    console.error(
      `bench:queue: the BBC corpus is absent at ${corpusDir} (set CORPUS_DIR or place ../shared/corpus beside the repo)`,
    );
    return 1;
  }
  console.log(
    `Queue benchmark — node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const backends: Backend[] = [{ kind: "sqlite" }];
  const pg = o.pg === "none" ? null : benchPostgres(o.pg);
  try {
    if (pg) {
      console.log(`PostgreSQL: ${pg.what}`);
      backends.push({ kind: "postgres", adminUrl: pg.url });
    } else if (o.pg !== "none")
      console.log("PostgreSQL: SKIPPED — not installed (pass --pg URL, or install Debian's postgresql)");
    await queueThroughput({
      corpusDir,
      files: o.copies === 1 ? null : o.copies * readdirSync(corpusDir).filter((n) => n.endsWith(".txt")).length,
      passes: o.passes,
      backends,
      codes: [
        ...(o.before ? [{ dir: o.before, name: `before (${o.before})`, timings: false }] : []),
        { dir: resolve("."), name: o.before ? "after (this checkout)" : "this checkout", timings: o.timings },
      ],
    });
  } finally {
    pg?.stop();
  }
  return 0;
}

process.exitCode = await main();
