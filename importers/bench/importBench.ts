/**
 * Import benchmark: extraction alone and a full import into a fresh SQLite database, over the dev corpus and over
 * a generated corpus of --size-mb megabytes (default 100). Usage:
 *
 *   npm run bench -- [--size-mb N] [--skip-large] [--passes N] [--queue-files N] [--skip-queue]
 *
 * Then the import's throughput through the job queue with 1, 2 and one thread per core (queueBench.ts).
 *
 * 1 MB here is 1,048,576 bytes. Temporary folders and databases go under os.tmpdir() and are removed at the end.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { openDatabase } from "../../db/client";
import { extractArticle } from "../pipeline";
import { listArticleFiles } from "../run/files";
import { type ImportReport, importFiles } from "../run/importFiles";
import { generateArticle, makeRandom } from "./corpusGen";
import { queueThroughput } from "./queueBench";
import { emptyStageTimes, finishStageTimes, STAGES, type StageTimes, timeStages } from "./stages";

const MB = 1024 * 1024;
const TARGET_EXTRACT_MBS = 5;
const TARGET_IMPORT_RATIO = 2;
/** Files of the generated corpus whose stages are timed separately (a sample: the whole would double the run). */
const STAGE_SAMPLE_FILES = 2000;

interface Options {
  sizeMb: number;
  skipLarge: boolean;
  passes: number;
  queueFiles: number;
  skipQueue: boolean;
}

interface Row {
  dataset: string;
  files: number;
  bytes: number;
  facts: number;
  extractSeconds: number;
  importSeconds: number | null;
  importErrors: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sizeMb: 100, skipLarge: false, passes: 10, queueFiles: 2550, skipQueue: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = (name: string) => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} needs a positive number`);
      return v;
    };
    if (arg === "--size-mb") options.sizeMb = number(arg);
    else if (arg === "--passes") options.passes = Math.max(1, Math.round(number(arg)));
    else if (arg === "--skip-large") options.skipLarge = true;
    else if (arg === "--queue-files") options.queueFiles = Math.round(number(arg));
    else if (arg === "--skip-queue") options.skipQueue = true;
    else
      throw new Error(
        `unknown argument ${arg} (use --size-mb N, --skip-large, --passes N, --queue-files N, --skip-queue)`,
      );
  }
  return options;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (start: number) => (performance.now() - start) / 1000;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x: number, digits = 2) => x.toFixed(digits);

/** Full import into a fresh database in its own temporary folder, removed afterwards. */
async function timeImport(
  label: string,
  folder: string,
  files: number,
): Promise<{ seconds: number; report: ImportReport }> {
  const dbDir = mkdtempSync(join(tmpdir(), "import-bench-db-"));
  try {
    const handle = openDatabase(join(dbDir, "bench.db"));
    const step = Math.max(1000, Math.ceil(files / 10));
    const start = performance.now();
    const report = await importFiles(handle, [folder], {
      onProgress: (done, total) => {
        if (done % step === 0 && done > 0 && done < total) log(`  ${label} import: ${done}/${total} files`);
      },
    });
    const elapsed = seconds(start);
    handle.sqlite.close();
    return { seconds: elapsed, report };
  } finally {
    rmSync(dbDir, { recursive: true, force: true });
  }
}

function printStages(title: string, t: StageTimes, bytes: number, files: number): void {
  finishStageTimes(t);
  const total = STAGES.reduce((sum, s) => sum + t[s], 0);
  console.log(
    `\nStage timings, ${title} (${files} files, ${fmt(bytes / MB)} MB; extractArticle ${fmt(t.total / 1000, 2)} s):`,
  );
  console.log(`${"stage".padEnd(15)} | ${"seconds".padStart(8)} | ${"share".padStart(6)} | MB/s if it were alone`);
  for (const s of STAGES) {
    const share = total ? (t[s] / total) * 100 : 0;
    // The last row is a difference of two clocks: when it comes out at or below zero it is lost in the noise.
    const alone = t[s] > 0 ? fmt(bytes / MB / (t[s] / 1000), 1) : "n/a (within timing noise)";
    console.log(`${s.padEnd(15)} | ${fmt(t[s] / 1000, 3).padStart(8)} | ${`${fmt(share, 1)}%`.padStart(6)} | ${alone}`);
  }
}

async function devCorpus(options: Options, rows: Row[]): Promise<void> {
  const dir = resolve(process.env.CORPUS_DIR ?? "../shared/corpus/bbc-business-dev");
  if (!existsSync(dir)) {
    console.log(
      `dev corpus: SKIPPED — folder ${dir} is absent (set CORPUS_DIR or place ../shared/corpus beside the repo)`,
    );
    return;
  }
  // The same files importFiles reads for this folder, so both measurements cover the same articles.
  const entries = listArticleFiles([dir]).files.filter((f) => f.path.toLowerCase().endsWith(".txt"));
  const articles = entries.map((f) => ({ path: f.path, bytes: readFileSync(f.path) }));
  const bytes = articles.reduce((sum, a) => sum + a.bytes.length, 0);
  log(`dev corpus: ${articles.length} files, ${fmt(bytes / MB)} MB from ${dir}`);

  let facts = 0;
  // Warm-up: the dev corpus is half a megabyte, so one pass ends before the JIT has compiled the hot regexes.
  for (let w = 0; w < 5; w++) for (const a of articles) facts += extractArticle(a.bytes, a.path).facts.length;
  facts /= 5;
  const passes: number[] = [];
  for (let p = 0; p < options.passes; p++) {
    const start = performance.now();
    for (const a of articles) extractArticle(a.bytes, a.path);
    passes.push(seconds(start));
  }
  log(`  extraction passes (s): ${passes.map((s) => fmt(s, 3)).join(", ")}`);

  // Stages one by one, then extractArticle on the same article: the difference is the extractors' share.
  // As many passes as the extraction timing, to steady a difference taken between two small figures.
  const stageTimes = emptyStageTimes();
  for (let p = 0; p < options.passes; p++) {
    for (const a of articles) {
      timeStages(a.bytes, stageTimes);
      const start = performance.now();
      extractArticle(a.bytes, a.path);
      stageTimes.total += performance.now() - start;
    }
  }
  printStages(`dev corpus, ${options.passes} passes`, stageTimes, bytes * options.passes, articles.length);

  // A small corpus imports in a fraction of a second: each pass into a fresh database, median taken.
  const imports: Array<{ seconds: number; report: ImportReport }> = [];
  for (let i = 0; i < options.passes; i++) imports.push(await timeImport("dev", dir, articles.length));
  log(`  import passes (s): ${imports.map((i) => fmt(i.seconds, 3)).join(", ")}`);
  rows.push({
    dataset: basename(dir),
    files: articles.length,
    bytes,
    facts,
    extractSeconds: median(passes),
    importSeconds: median(imports.map((i) => i.seconds)),
    importErrors: imports[0].report.errors.length,
  });
}

/** Writes the generated corpus; returns its size. Every article is checked to be distinct by sha256. */
function generateCorpus(folder: string, sizeMb: number): { files: number; bytes: number; distinct: number } {
  const target = sizeMb * MB;
  const sizes = makeRandom(7);
  const hashes = new Set<string>();
  let bytes = 0;
  let files = 0;
  let nextReport = target / 10;
  const start = performance.now();
  while (bytes < target) {
    const text = Buffer.from(generateArticle(files, 4000 + Math.floor(sizes() * 2000)), "utf8");
    // 500 files a folder, as an archive of articles would be laid out.
    const sub = join(folder, `batch-${String(Math.floor(files / 500)).padStart(3, "0")}`);
    if (files % 500 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `article-${String(files).padStart(6, "0")}.txt`), text);
    hashes.add(createHash("sha256").update(text).digest("hex"));
    bytes += text.length;
    files++;
    if (bytes >= nextReport) {
      log(`  generating: ${fmt(bytes / MB, 1)}/${sizeMb} MB, ${files} files`);
      nextReport += target / 10;
    }
  }
  log(`  generated ${files} files, ${fmt(bytes / MB)} MB in ${fmt(seconds(start), 1)} s`);
  return { files, bytes, distinct: hashes.size };
}

async function largeCorpus(options: Options, rows: Row[]): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "import-bench-corpus-"));
  try {
    log(`generated corpus: writing ${options.sizeMb} MB into ${folder}`);
    const gen = generateCorpus(folder, options.sizeMb);
    if (gen.distinct !== gen.files)
      console.log(`  warning: only ${gen.distinct} of ${gen.files} articles are distinct`);
    const entries = listArticleFiles([folder]).files;

    // Extraction alone, one pass; each file is read before its clock starts and its result dropped at once.
    let extractMs = 0;
    let facts = 0;
    const stageTimes = emptyStageTimes();
    let sampleBytes = 0;
    const step = Math.ceil(entries.length / 10);
    entries.forEach((f, i) => {
      const bytes = readFileSync(f.path);
      const start = performance.now();
      facts += extractArticle(bytes, f.path).facts.length;
      const elapsed = performance.now() - start;
      extractMs += elapsed;
      if (i < STAGE_SAMPLE_FILES) {
        stageTimes.total += elapsed;
        timeStages(bytes, stageTimes);
        sampleBytes += bytes.length;
      }
      if ((i + 1) % step === 0) log(`  extraction: ${i + 1}/${entries.length} files, ${fmt(extractMs / 1000, 1)} s`);
    });
    printStages(
      `generated corpus, first ${Math.min(STAGE_SAMPLE_FILES, entries.length)} files`,
      stageTimes,
      sampleBytes,
      Math.min(STAGE_SAMPLE_FILES, entries.length),
    );

    const imported = await timeImport("generated", folder, entries.length);
    rows.push({
      dataset: `generated ${options.sizeMb} MB`,
      files: entries.length,
      bytes: gen.bytes,
      facts,
      extractSeconds: extractMs / 1000,
      importSeconds: imported.seconds,
      importErrors: imported.report.errors.length,
    });
    console.log(`  generated corpus: ${gen.distinct}/${gen.files} articles distinct (sha256)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function printTable(rows: Row[]): void {
  const header = [
    "dataset",
    "files",
    "MB",
    "facts",
    "extract MB/s",
    "extract articles/s",
    "import MB/s",
    "import articles/s",
    "import/extract",
  ];
  const cells = rows.map((r) => {
    const mb = r.bytes / MB;
    const imp = r.importSeconds;
    return [
      r.dataset,
      String(r.files),
      fmt(mb),
      String(r.facts),
      fmt(mb / r.extractSeconds),
      fmt(r.files / r.extractSeconds, 0),
      imp === null ? "-" : fmt(mb / imp),
      imp === null ? "-" : fmt(r.files / imp, 0),
      imp === null ? "-" : `${fmt(imp / r.extractSeconds)}x`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(" | ");
  console.log(`\n${line(header)}`);
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const c of cells) console.log(line(c));
  for (const r of rows)
    if (r.importErrors) console.log(`  ${r.dataset}: ${r.importErrors} files skipped by the import`);
  console.log(
    "\nBaselines (from the issue): Microsoft Recognizers-Text 0.04 MB/s, compromise 0.1 MB/s, bare regex scan 47 MB/s.",
  );
  console.log(
    `Targets: extraction >= ${TARGET_EXTRACT_MBS} MB/s on one core; full import within ${TARGET_IMPORT_RATIO}x of extraction.`,
  );
  for (const r of rows) {
    const mbs = r.bytes / MB / r.extractSeconds;
    const ratio = r.importSeconds === null ? null : r.importSeconds / r.extractSeconds;
    console.log(
      `  ${r.dataset}: extraction ${fmt(mbs)} MB/s ${mbs >= TARGET_EXTRACT_MBS ? "meets" : "MISSES"} the target; ` +
        (ratio === null
          ? "no import measured"
          : `import/extract ${fmt(ratio)}x ${ratio <= TARGET_IMPORT_RATIO ? "meets" : "MISSES"} the target`),
    );
    if (r.importSeconds !== null) {
      // What the import adds to extraction: file listing and reads, and the SQLite writes.
      const extra = r.importSeconds - r.extractSeconds;
      console.log(
        `    import beyond extraction: ${fmt(extra, 1)} s, ${fmt((extra * 1000) / r.files, 2)} ms/article` +
          (r.facts ? `, ${fmt((extra * 1000) / r.facts, 3)} ms/fact (${fmt(r.facts / r.files, 1)} facts/article)` : ""),
      );
    }
  }
  console.log("1 MB = 1,048,576 bytes; extraction figures exclude file reads, import figures include them.");
  // Files are read one at a time and written 64 to a transaction, so memory stays flat however large the corpus.
  console.log(`Peak memory of this process (RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`);
    return 2;
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const load = loadavg()[0];
  console.log(
    `Import benchmark — node ${process.version}, ${cpu}, ${cpus().length} cores (runs on one), load ${fmt(load)}`,
  );
  if (load > 0.5) console.log("  note: the machine is busy; figures will be lower and noisier than on an idle one");
  const rows: Row[] = [];
  await devCorpus(options, rows);
  if (options.skipLarge) console.log("generated corpus: SKIPPED (--skip-large)");
  else await largeCorpus(options, rows);
  if (rows.length) printTable(rows);
  else console.log("\nNothing measured.");
  if (options.skipQueue) console.log("job queue: SKIPPED (--skip-queue)");
  else
    await queueThroughput({
      passes: Math.min(options.passes, 3),
      files: options.queueFiles,
      corpusDir: resolve(process.env.CORPUS_DIR ?? "../shared/corpus/bbc-business-dev"),
      backends: [{ kind: "sqlite" }],
    });
  return 0;
}

process.exitCode = await main();
