/**
 * Export benchmark: how long a chart takes as PNG, SVG, CSV and PowerPoint, and a company's whole deck, rendered
 * in-process from the same models and components the server uses. Usage:
 *
 *   npm run bench:export -- [--db PATH] [--company SLUG] [--runs N]
 *
 * By default it uses the web bench's million-fact database when it exists (its largest company), else a temporary
 * database of the seed articles (Renault). Targets: PNG under 150 ms and a deck under 1 s (median).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const runs = Number(option("runs") ?? 15);
  const benchDb = option("db") ?? "/tmp/figures-bench-1m.db";
  let cleanup = () => {};
  let company = option("company");
  if (existsSync(benchDb)) {
    process.env.DATABASE_PATH = benchDb;
    company ??= "renault";
  } else {
    const dir = mkdtempSync(join(tmpdir(), "figures-export-bench-"));
    process.env.DATABASE_PATH = join(dir, "bench.db");
    const { getDb } = await import("~/db.server");
    const { importFiles } = await import("../../importers/run/importFiles");
    await importFiles(getDb(), ["seeds"]);
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    company ??= "renault";
  }
  const { exportChart } = await import("~/models/exports.server");
  const { renderPng } = await import("~/exports/png.server");
  const { renderSvg } = await import("~/exports/svg.server");
  const { renderCsv } = await import("~/exports/csv.server");
  const { renderDeck, renderPptx } = await import("~/exports/pptx.server");
  const { findCompany } = await import("~/models/companies.server");
  const params = { company, periods: "year" as const, metric: "revenue" as const, mode: "absolute" as const };

  const time = async (label: string, n: number, f: () => unknown): Promise<number[]> => {
    await f(); // warm-up: module loading, font parsing
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await f();
      out.push(performance.now() - t);
    }
    console.log(
      `${label.padEnd(34)} median ${median(out).toFixed(1).padStart(7)} ms   max ${Math.max(...out)
        .toFixed(1)
        .padStart(7)} ms`,
    );
    return out;
  };
  console.log(
    `Export benchmark: ${process.env.DATABASE_PATH}, company ${company}, ${runs} runs each (node ${process.version})`,
  );
  const png = await time("revenue.png (model + render, 2x)", runs, async () =>
    renderPng(await exportChart("revenue", params), 2),
  );
  await time("revenue.svg", runs, async () => renderSvg(await exportChart("revenue", params)));
  await time("revenue.csv", runs, async () => renderCsv(await exportChart("revenue", params), "http://127.0.0.1:3000"));
  await time("revenue.pptx", runs, async () => renderPptx(await exportChart("revenue", params)));
  const name = (await findCompany(company))?.name ?? company;
  const deck = await time("deck.pptx (every chart, with pictures)", Math.max(3, Math.floor(runs / 3)), async () => {
    const charts = [];
    for (const c of ["revenue", "revenue-change", "market-share", "sales-volume", "stakes"] as const) {
      try {
        charts.push(await exportChart(c, params));
      } catch {}
    }
    return renderDeck(name, charts);
  });
  console.log(
    `PNG: ${median(png) < 150 ? "PASS" : "FAIL"} (target median < 150 ms); deck: ${median(deck) < 1000 ? "PASS" : "FAIL"} (target median < 1 s)`,
  );
  await eventLoopDelays(name, params, Math.max(3, Math.floor(runs / 3)));
  cleanup();
}

type Params = { company: string; periods: "year"; metric: "revenue"; mode: "absolute" };

/**
 * The longest the event loop waited while exports were made, as the server makes them now (data read on the main
 * thread, drawing in the render pool) and as it did before (everything on the main thread): how long every other
 * request would have been held up. Target: 50 ms. Sampled every 10 ms by perf_hooks; a tick of 10–20 ms is the
 * sampling itself.
 */
async function eventLoopDelays(name: string, params: Params, n: number) {
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const { exportChart } = await import("~/models/exports.server");
  const { renderPngAsync } = await import("~/exports/png.server");
  const { renderSvg } = await import("~/exports/svg.server");
  const { renderDeck, renderPptx } = await import("~/exports/pptx.server");
  const { renderPool } = await import("~/exports/renderPool.server");
  const deckCharts = async () => {
    const out = [];
    for (const c of ["revenue", "revenue-change", "market-share", "sales-volume", "stakes"] as const) {
      try {
        out.push(await exportChart(c, params));
      } catch {}
    }
    return out;
  };
  // As the route reads them: one chart at a time, other work in between.
  const deckChartsYielding = async () => {
    const out = [];
    for (const c of ["revenue", "revenue-change", "market-share", "sales-volume", "stakes"] as const) {
      await new Promise((r) => setImmediate(r));
      try {
        out.push(await exportChart(c, params));
      } catch {}
    }
    return out;
  };
  const generated = new Date().toISOString();
  const cases: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
    [
      "revenue.png",
      async () => renderPngAsync(await exportChart("revenue", params), 2),
      async () => renderPool.render({ kind: "png", chart: await exportChart("revenue", params), scale: 2 }),
    ],
    [
      "revenue.svg",
      async () => renderSvg(await exportChart("revenue", params)),
      async () => renderPool.render({ kind: "svg", chart: await exportChart("revenue", params) }),
    ],
    [
      "revenue.pptx",
      async () => renderPptx(await exportChart("revenue", params)),
      async () => renderPool.render({ kind: "pptx", chart: await exportChart("revenue", params) }),
    ],
    [
      "deck.pptx",
      async () => renderDeck(name, await deckCharts()),
      async () => renderPool.render({ kind: "deck", company: name, charts: await deckChartsYielding(), generated }),
    ],
  ];
  // The workers start (and compile) once, before anything is measured.
  await Promise.all(cases.map(([, , pooled]) => pooled()));
  const maxDelay = async (f: () => Promise<unknown>) => {
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    // A second one in flight, as two clients would ask: the pool draws both at once.
    for (let i = 0; i < n; i++) {
      await Promise.all([f(), f()]);
      // Between requests the server's loop turns: the monitor samples there.
      await new Promise((r) => setImmediate(r));
    }
    // A last tick, so a render that never yielded is sampled too.
    await new Promise((r) => setTimeout(r, 20));
    h.disable();
    return { max: h.max / 1e6, p99: h.percentile(99) / 1e6 };
  };
  console.log(`\nLongest event-loop delay while making ${n} × 2 of each (target < 50 ms):`);
  console.log(
    `${"".padEnd(16)} ${"main thread (before): max, p99".padStart(32)} ${"render pool (now): max, p99".padStart(30)}`,
  );
  const ms = (d: { max: number; p99: number }) => `${d.max.toFixed(0)} ms, ${d.p99.toFixed(0)} ms`;
  for (const [label, inline, pooled] of cases) {
    const before = await maxDelay(inline);
    const after = await maxDelay(pooled);
    console.log(`${label.padEnd(16)} ${ms(before).padStart(32)} ${ms(after).padStart(30)}`);
  }
  await renderPool.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
