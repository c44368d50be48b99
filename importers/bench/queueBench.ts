/**
 * Import throughput through the job queue (issue 14, docs/decisions/023), part of `npm run bench:import`: the same
 * folder imported into a fresh database by the bundled command (`node build/cli/import.mjs`, what `npm run import`
 * runs) with 1 extraction thread, 2, and one per core; by two `npm run worker` processes of one thread each after
 * `--enqueue-only`; and, for comparison, by the one-thread import without a queue (`importFiles`, in process) that
 * the command ran before. Wall-clock time from the command's start to its exit, start-up included.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/client";
import { generateArticle } from "./corpusGen";

const MB = 1024 * 1024;

interface Result {
  label: string;
  seconds: number;
  articles: number;
}

/** `copies` of each dev-corpus article, each with a line of its own (so all are distinct), or generated ones. */
function writeFolder(folder: string, files: number, corpusDir: string): number {
  const corpus = existsSync(corpusDir)
    ? readdirSync(corpusDir)
        .filter((n) => n.endsWith(".txt"))
        .sort()
    : [];
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const body = corpus.length
      ? Buffer.concat([readFileSync(join(corpusDir, corpus[i % corpus.length])), Buffer.from(`\n(Copy ${i}.)\n`)])
      : Buffer.from(generateArticle(900_000 + i, 800 + ((i * 37) % 1200), 3));
    writeFileSync(join(folder, `q${String(i).padStart(6, "0")}.txt`), body);
    bytes += body.length;
  }
  return bytes;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(" ")}: exit ${code}\n${out}`)),
    );
  });
}

const imported = (out: string) => Number(/articles imported: (\d+)/.exec(out)?.[1] ?? Number.NaN);

export async function queueThroughput(options: { files: number; corpusDir: string; passes: number }): Promise<void> {
  execFileSync("sh", ["scripts/buildCli.sh"], { stdio: "inherit" });
  const dir = mkdtempSync(join(tmpdir(), "figures-queue-bench-"));
  try {
    const folder = join(dir, "articles");
    mkdirSync(folder);
    const bytes = writeFolder(folder, options.files, options.corpusDir);
    const cores = availableParallelism();
    const results: Result[] = [];
    let n = 0;
    const freshEnv = () => ({
      ...process.env,
      DATABASE_PATH: join(dir, `db${++n}`, "figures.db"),
      IMPORT_MAX_BYTES: "",
    });

    const best = async (label: string, once: (env: NodeJS.ProcessEnv) => Promise<number>) => {
      let result: Result | undefined;
      for (let pass = 0; pass < options.passes; pass++) {
        const env = freshEnv();
        const started = performance.now();
        const articles = await once(env);
        const seconds = (performance.now() - started) / 1000;
        if (!result || seconds < result.seconds) result = { label, seconds, articles };
      }
      results.push(result as Result);
    };
    await best("one thread, no queue (the import before; via tsx)", async (env) =>
      imported(await run(process.execPath, ["--import", "tsx", "importers/bench/oneThreadImport.ts", folder], env)),
    );
    await best("npm run import --workers 0 (no threads: the main thread)", async (env) =>
      imported(await run(process.execPath, ["build/cli/import.mjs", "--workers", "0", folder], env)),
    );
    for (const threads of [...new Set([1, 2, cores])]) {
      const env = freshEnv();
      const started = performance.now();
      const out = await run(process.execPath, ["build/cli/import.mjs", "--workers", String(threads), folder], env);
      const label = `npm run import, ${threads} thread${threads > 1 ? "s" : ""}${threads === cores ? " (one per core)" : ""}`;
      results.push({ label, seconds: (performance.now() - started) / 1000, articles: imported(out) });
    }
    {
      const env = freshEnv();
      const started = performance.now();
      await run(process.execPath, ["build/cli/import.mjs", "--enqueue-only", folder], env);
      const workers = [1, 2].map(() =>
        run(process.execPath, ["build/cli/worker.mjs", "--workers", "1", "--until-empty"], env),
      );
      await Promise.all(workers);
      const handle = openDatabase(env.DATABASE_PATH);
      const articles = (handle.sqlite.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
      handle.sqlite.close();
      results.push({
        label: "--enqueue-only, then 2 worker processes × 1 thread",
        seconds: (performance.now() - started) / 1000,
        articles,
      });
    }

    const one = results[2];
    console.log(
      `\nImport through the job queue: ${options.files} files, ${(bytes / MB).toFixed(1)} MB, ${cores} cores, load ${loadavg()[0].toFixed(1)}; best of ${options.passes}, each into a fresh database, start-up included`,
    );
    console.log(`${"how".padEnd(58)} | ${"seconds".padStart(7)} | ${"articles/s".padStart(10)} | speed-up vs 1 thread`);
    console.log(`${"-".repeat(58)}-|-${"-".repeat(7)}-|-${"-".repeat(10)}-|-${"-".repeat(20)}`);
    for (const r of results) {
      const missing = r.articles !== options.files ? `  (${r.articles} of ${options.files} stored!)` : "";
      console.log(
        `${r.label.padEnd(58)} | ${r.seconds.toFixed(2).padStart(7)} | ${(r.articles / r.seconds).toFixed(0).padStart(10)} | ${(one.seconds / r.seconds).toFixed(2)}x${missing}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
