/**
 * Facts-page benchmark: every filter combination the /facts form can send (kind, year, status, company, each alone
 * and together), in every order both ways, at pages 1, 100 and 200 (or the last page there is), timed in process
 * through the page's own model (queryFacts) on the million-fact database, after one untimed pass so the file cache
 * is warm. Deep pages are reached as the page's links reach them (Next: after the last fact of the page before;
 * Previous: before the first fact of the page after) and, apart, by their number alone (an old or typed URL).
 * Prints p50, p99 and the slowest per way of reaching a page, per order and per filter set, and the slowest
 * pages overall; and for each page the longest the event loop went without a turn while it was read (a page by
 * number is found by a walk of its order, a few pages a turn, timed from the start: docs/decisions/036). Targets
 * (issue 11): p99 under 50 ms for the pages the links lead to; no hold of the event loop over about 50 ms. Usage:
 *
 *   npm run bench:facts -- [--db PATH] [--passes N] [--seek offset|walk]
 *
 * `--seek offset` finds the pages asked for by number by counting the rows before them, as before decision 036.
 *
 * The database (default /tmp/figures-bench-1m.db) is generated on the first run; it is migrated on opening, so a
 * new index is built then (a minute or so, once).
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { ensureBenchDatabase } from "./generateFacts";
import { heldWhile } from "./heldWhile";

interface Options {
  db: string;
  passes: number;
  /** How pages asked for by number are found: by a walk (the app's way) or, to compare, by OFFSET as before. */
  seek?: "offset" | "walk";
}

function parseArgs(argv: string[]): Options {
  const options: Options = { db: "/tmp/figures-bench-1m.db", passes: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--db" && argv[i + 1]) options.db = resolve(argv[++i]);
    else if (arg === "--passes" && Number(argv[i + 1]) > 0) options.passes = Number(argv[++i]);
    else if (arg === "--seek" && (argv[i + 1] === "offset" || argv[i + 1] === "walk"))
      options.seek = argv[++i] as "offset";
    else throw new Error(`unknown argument ${arg} (use --db PATH, --passes N, --seek offset|walk)`);
  }
  return options;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0;

interface Sample {
  label: string;
  link: string;
  filters: string;
  sort: string;
  ms: number;
  /** The longest the event loop went without a turn while the page was read (ms). */
  held: number;
}

function summarise(samples: Sample[], key: (s: Sample) => string, value = (s: Sample) => s.ms): string[] {
  const groups = new Map<string, number[]>();
  for (const s of samples) groups.set(key(s), [...(groups.get(key(s)) ?? []), value(s)]);
  return [...groups].map(([name, times]) => {
    const sorted = times.sort((a, b) => a - b);
    const f = (n: number) => n.toFixed(1).padStart(7);
    return `${name.padEnd(34)} ${String(sorted.length).padStart(5)} ${f(quantile(sorted, 0.5))} ${f(quantile(sorted, 0.99))} ${f(sorted[sorted.length - 1])}`;
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const info = ensureBenchDatabase(options.db, log);
  process.env.DATABASE_PATH = options.db;
  const opened = performance.now();
  const { getDb } = await import("~/db.server");
  getDb();
  log(`Opened (and migrated) ${options.db} in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
  const { queryFacts, FACT_PAGES } = await import("~/models/facts.server");
  const { forgetPageStarts } = await import("~/models/factPageStarts.server");
  type FactQuery = Parameters<typeof queryFacts>[0];
  const { FACT_SORTS } = await import("~/models/types");

  const sqlite = getDb().sqlite;
  // The company with the most facts (as subject or counterparty) and one of middling size.
  const bySize = sqlite
    .prepare(
      "SELECT c.slug FROM facts f JOIN companies c ON c.id = f.company_id GROUP BY f.company_id ORDER BY count(*) DESC",
    )
    .all() as Array<{ slug: string }>;
  const companies = [undefined, bySize[0].slug, bySize[Math.floor(bySize.length / 2)].slug];
  const kinds = [undefined, "revenue", "stake", "sales_volume"] as const;
  const years = [undefined, 2008];
  const statuses = [undefined, "actual", "forecast", "target"] as const;

  const cases: Array<{ q: FactQuery; filters: string }> = [];
  for (const company of companies)
    for (const kind of kinds)
      for (const year of years)
        for (const status of statuses) {
          const named = [kind && "kind", year && "year", status && "status", company && "company"].filter(Boolean);
          const filters = named.length ? named.join("+") : "(none)";
          for (const sort of FACT_SORTS)
            for (const dir of ["asc", "desc"] as const)
              cases.push({ q: { kind, year, status, company, sort, dir }, filters });
        }

  // The last page of each case, when fewer than FACT_PAGES pages of facts match: found once, untimed.
  const lastPage = cases.map(() => FACT_PAGES);
  for (const [i, { q }] of cases.entries()) {
    const deep = await queryFacts({ ...q, page: FACT_PAGES, lastPage: FACT_PAGES });
    if (deep.facts.length) continue;
    const all = await queryFacts({ ...q, page: 1, pageSize: FACT_PAGES * 50, lastPage: 1 });
    lastPage[i] = Math.max(1, Math.ceil(all.facts.length / 50));
  }
  // The pages the page's links lead to: page 1, and pages 100 and 200 (or the last) reached by Next (after the
  // last fact of the page before) and by Previous (before the first fact of the page after). Their cursors are
  // read once, untimed, from the numbered pages.
  type Visit = { q: FactQuery; filters: string; link: string };
  const visits: Visit[] = [];
  for (const [i, { q, filters }] of cases.entries()) {
    const last = lastPage[i];
    visits.push({ q: { ...q, page: 1 }, filters, link: "page 1" });
    for (const page of [...new Set([Math.min(100, last), last])].filter((p) => p > 1)) {
      const before = await queryFacts({ ...q, page: page - 1, lastPage: FACT_PAGES });
      visits.push({ q: { ...q, page, after: before.facts[before.facts.length - 1].id }, filters, link: "next" });
      visits.push({ q: { ...q, page }, filters, link: "by number" });
      if (page < last) {
        const following = await queryFacts({ ...q, page: page + 1, lastPage: FACT_PAGES });
        visits.push({ q: { ...q, page, before: following.facts[0].id }, filters, link: "previous" });
      }
    }
  }

  const samples: Sample[] = [];
  for (let pass = 0; pass <= options.passes; pass++) {
    const started = performance.now();
    for (const { q, filters, link } of visits) {
      // A page by number is timed as the first to ask for it: the starts a walk found before are forgotten.
      if (link === "by number") forgetPageStarts();
      const { result, ms, held } = await heldWhile(() =>
        queryFacts({ ...q, lastPage: FACT_PAGES }, { seek: link === "by number" ? options.seek : undefined }),
      );
      // A first page may be empty (no fact matches); a deeper one was found to hold facts.
      if (!result.facts.length && (q.page ?? 1) > 1) throw new Error(`no facts for ${JSON.stringify(q)}`);
      if (pass > 0)
        samples.push({
          label: `${JSON.stringify(q)} (${link})`,
          filters,
          sort: `${q.sort} ${q.dir}`,
          link,
          ms,
          held,
        });
    }
    log(
      `pass ${pass}${pass === 0 ? " (warm-up, not counted)" : ""}: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  const linked = samples.filter((s) => s.link !== "by number");
  const all = linked.map((s) => s.ms).sort((a, b) => a - b);
  const header = `${"".padEnd(34)} ${"pages".padStart(5)} ${"p50".padStart(7)} ${"p99".padStart(7)} ${"max".padStart(7)}  (ms)`;
  console.log(
    `Machine load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
  console.log(
    `Facts page benchmark: ${info.facts} facts, ${cases.length} filter and order combinations, pages 1, 100, ${FACT_PAGES} (or the last), ${options.passes} timed pass(es)`,
  );
  console.log(`\nBy how the page is reached\n${header}`);
  for (const line of summarise(samples, (s) => s.link)) console.log(line);
  console.log(`\nThe longest hold of the event loop while each page was read, by how it is reached\n${header}`);
  for (const line of summarise(
    samples,
    (s) => s.link,
    (s) => s.held,
  ))
    console.log(line);
  console.log(`\nBy order (the links' pages)\n${header}`);
  for (const line of summarise(linked, (s) => s.sort)) console.log(line);
  console.log(`\nBy filters (the links' pages)\n${header}`);
  for (const line of summarise(linked, (s) => s.filters)) console.log(line);
  console.log(
    `\nAll ${all.length} pages the links lead to: p50 ${quantile(all, 0.5).toFixed(1)} ms, p99 ${quantile(all, 0.99).toFixed(1)} ms, max ${all[all.length - 1].toFixed(1)} ms (target: p99 under 50 ms)`,
  );
  console.log("\nSlowest ten pages the links lead to:");
  for (const s of [...linked].sort((a, b) => b.ms - a.ms).slice(0, 10))
    console.log(`${s.ms.toFixed(1).padStart(7)} ms  ${s.label}`);
  const numbered = samples.filter((s) => s.link === "by number");
  console.log(`\nBy filters (pages asked for by their number alone)\n${header}`);
  for (const line of summarise(numbered, (s) => s.filters)) console.log(line);
  console.log("\nSlowest ten pages asked for by their number alone (and the longest hold of the event loop):");
  for (const s of [...numbered].sort((a, b) => b.ms - a.ms).slice(0, 10))
    console.log(`${s.ms.toFixed(1).padStart(7)} ms (held ${s.held.toFixed(1)} ms)  ${s.label}`);
  console.log("\nLongest holds of the event loop of all pages:");
  for (const s of [...samples].sort((a, b) => b.held - a.held).slice(0, 10))
    console.log(`${s.held.toFixed(1).padStart(7)} ms (page read in ${s.ms.toFixed(1)} ms)  ${s.label}`);
  getDb().sqlite.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
