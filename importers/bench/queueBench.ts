/**
 * Import throughput through the job queue (issue 14, docs/decisions/023 and 030): `npm run bench:queue`, and the
 * last table of `npm run bench:import` (SQLite only). The same folder is imported into a fresh database, on each
 * backend asked for, by
 * - the plain import of before the queue (importFiles on one thread, in a process of its own, bundled as the
 *   commands are, so that no compiler start-up is counted against either side);
 * - `npm run import` with 1, 2 and one extraction thread per core (the command works its own jobs);
 * - `npm run import -- --enqueue-only`, then 1, 2 and one `npm run worker -- --workers 1 --until-empty` process
 *   per core, all started at once: the fleet's way.
 * Wall-clock time from the first command's start to the last one's exit, start-up included. The runs of one pass
 * are interleaved with the other configurations', so that a burst of load from elsewhere spreads over all of them.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Backend, backendName, freshDatabase } from "./benchDatabases";

const MB = 1024 * 1024;

export interface QueueBenchOptions {
  corpusDir: string;
  /** Files imported: the corpus as it is when null, else this many copies of its files, each made distinct. */
  files: number | null;
  passes: number;
  backends: Backend[];
  /**
   * The checkouts whose built commands are measured, each with a name for its tables (this one alone when
   * absent; `--before DIR` puts an older one first, run after run with this one, so both see the same load).
   * `timings`: pass `--timings` to its one-worker runs and print what they report (the code must know it).
   */
  codes?: Array<{ dir: string; name: string; timings: boolean }>;
}

interface Config {
  label: string;
  /** Workers (threads of one import, or worker processes) this row uses, for the speed-up column. */
  workers: number;
  group: "plain" | "import" | "workers";
  code: string;
  run: (env: NodeJS.ProcessEnv) => Promise<string>;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.on("close", (code) => (code === 0 ? done(out) : fail(new Error(`${args.join(" ")}: exit ${code}\n${out}`))));
  });
}

/** `files` copies of the corpus's articles, each with a line of its own (so all are distinct), into `folder`. */
function writeCopies(folder: string, files: number, corpusDir: string): void {
  const corpus = readdirSync(corpusDir)
    .filter((n) => n.endsWith(".txt"))
    .sort();
  for (let i = 0; i < files; i++) {
    const body = Buffer.concat([
      readFileSync(join(corpusDir, corpus[i % corpus.length])),
      Buffer.from(`\n(Copy ${i}.)\n`),
    ]);
    writeFileSync(join(folder, `q${String(i).padStart(6, "0")}.txt`), body);
  }
}

const folderBytes = (folder: string) =>
  readdirSync(folder).reduce((sum, n) => sum + readFileSync(join(folder, n)).length, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const timingLines = (out: string) =>
  out
    .split("\n")
    .filter((l) => /^timings:|^ {2}(queue|store) /.test(l))
    .join("\n");

/** The rows measured for the built commands in `code`. */
function configsFor(code: { dir: string; name: string; timings: boolean }, plain: string, folder: string): Config[] {
  const cores = availableParallelism();
  const counts = [...new Set([1, 2, cores])];
  const node = process.execPath;
  const timings = (n: number) => (code.timings && n === 1 ? ["--timings"] : []);
  const cwd = code.dir;
  return [
    {
      label: "plain import, no queue (importFiles, one thread)",
      workers: 1,
      group: "plain",
      code: code.name,
      run: (env) => run(node, [plain, folder], env, cwd),
    },
    ...counts.map(
      (n): Config => ({
        label: `npm run import, ${n} thread${n > 1 ? "s" : ""}${n === cores ? " (one per core)" : ""}`,
        workers: n,
        group: "import",
        code: code.name,
        run: (env) => run(node, ["build/cli/import.mjs", "--workers", String(n), ...timings(n), folder], env, cwd),
      }),
    ),
    ...counts.map(
      (n): Config => ({
        label: `--enqueue-only, then ${n} worker process${n > 1 ? "es" : ""} × 1 thread${n === cores ? " (one per core)" : ""}`,
        workers: n,
        group: "workers",
        code: code.name,
        run: async (env) => {
          await run(node, ["build/cli/import.mjs", "--enqueue-only", folder], env, cwd);
          const outs = await Promise.all(
            Array.from({ length: n }, () =>
              run(node, ["build/cli/worker.mjs", "--workers", "1", "--until-empty", ...timings(n)], env, cwd),
            ),
          );
          return outs.join("\n");
        },
      }),
    ),
  ];
}

export async function queueThroughput(o: QueueBenchOptions): Promise<void> {
  const codes = o.codes ?? [{ dir: resolve("."), name: "this checkout", timings: false }];
  for (const code of codes) execFileSync("sh", ["scripts/buildCli.sh"], { cwd: code.dir, stdio: "inherit" });
  const dir = mkdtempSync(join(tmpdir(), "figures-queue-bench-"));
  try {
    // The plain import, bundled from this checkout as the commands are (its importFiles is the baseline for every
    // checkout measured). Beside the other bundles, so that its packages resolve from node_modules.
    const plain = resolve("build/bench/plainImport.mjs");
    execFileSync(
      "node_modules/.bin/esbuild",
      ["importers/bench/oneThreadImport.ts", "--bundle", "--platform=node", "--format=esm", "--target=node20"].concat([
        "--packages=external",
        `--outfile=${plain}`,
        "--log-level=warning",
      ]),
      { stdio: "inherit" },
    );
    let folder = o.corpusDir;
    if (o.files !== null) {
      folder = join(dir, "articles");
      mkdirSync(folder);
      writeCopies(folder, o.files, o.corpusDir);
    }
    const files = readdirSync(folder).filter((n) => n.endsWith(".txt")).length;
    const cores = availableParallelism();
    // Run after run, checkout after checkout: a burst of load from elsewhere falls on all of them alike.
    const perCode = codes.map((code) => configsFor(code, plain, folder));
    const configs = perCode[0].flatMap((_, i) => perCode.map((c) => c[i]));

    for (const backend of o.backends) {
      const loads: number[] = [loadavg()[0]];
      const seconds = configs.map(() => [] as number[]);
      const stored = configs.map(() => 0);
      const reports: string[] = [];
      for (let pass = 0; pass < o.passes; pass++) {
        for (const [i, config] of configs.entries()) {
          const db = await freshDatabase(backend, join(dir, "databases"));
          try {
            const env = { ...process.env, IMPORT_MAX_BYTES: "", ...db.env };
            const started = performance.now();
            const out = await config.run(env);
            seconds[i].push((performance.now() - started) / 1000);
            stored[i] = await db.articles();
            if (pass === o.passes - 1 && timingLines(out)) reports.push(`${config.label}:\n${timingLines(out)}`);
          } finally {
            await db.drop();
          }
        }
        loads.push(loadavg()[0]);
      }
      for (const code of codes) {
        const mine = configs.flatMap((c, i) => (c.code === code.name ? [i] : []));
        printTable(
          `${backendName(backend)}${codes.length > 1 ? `, ${code.name}` : ""}`,
          mine.map((i) => configs[i]),
          mine.map((i) => seconds[i]),
          mine.map((i) => stored[i]),
          files,
          folderBytes(folder),
          cores,
          o.passes,
          loads,
        );
      }
      if (reports.length)
        console.log(
          `\nWhere the one-worker runs' time went (${backendName(backend)}, last pass):\n${reports.join("\n")}`,
        );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(
  backend: string,
  configs: Config[],
  seconds: number[][],
  stored: number[],
  files: number,
  bytes: number,
  cores: number,
  passes: number,
  loads: number[],
): void {
  console.log(
    `\nImport through the job queue on ${backend}: ${files} files, ${(bytes / MB).toFixed(1)} MB, ${cores} cores, ` +
      `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the runs; ` +
      `median (best) of ${passes}, each into a fresh database, start-up included`,
  );
  const w = 66;
  console.log(`${"how".padEnd(w)} | ${"seconds".padStart(13)} | ${"articles/s".padStart(10)} | speed-up vs 1`);
  console.log(`${"-".repeat(w)}-|-${"-".repeat(13)}-|-${"-".repeat(10)}-|-${"-".repeat(13)}`);
  const one = (group: Config["group"]) => configs.findIndex((c) => c.group === group && c.workers === 1);
  for (const [i, c] of configs.entries()) {
    const m = median(seconds[i]);
    const base = median(seconds[one(c.group === "plain" ? "import" : c.group)]);
    const missing = stored[i] !== stored[0] ? `  (${stored[i]} articles stored, the plain import ${stored[0]}!)` : "";
    const speedUp = c.group === "plain" ? "(the baseline)" : `${(base / m).toFixed(2)}x`;
    console.log(
      `${c.label.padEnd(w)} | ${`${m.toFixed(2)} (${Math.min(...seconds[i]).toFixed(2)})`.padStart(13)} | ` +
        `${(stored[i] / m).toFixed(0).padStart(10)} | ${speedUp}${missing}`,
    );
  }
  const plain = median(seconds[0]);
  const against = (group: Config["group"]) => {
    const m = median(seconds[one(group)]);
    return `${m.toFixed(2)} s (${m > plain ? "+" : ""}${(((m - plain) / plain) * 100).toFixed(0)} %)`;
  };
  console.log(
    `The queue with one worker against the plain import's ${plain.toFixed(2)} s: npm run import ${against("import")}, ` +
      `one worker process ${against("workers")}. articles/s: the articles stored over the median time.`,
  );
}
