/**
 * Exports are drawn in worker threads (app/exports/renderPool.server.ts), so a deck does not block the event loop:
 * the pool renders the same files, stays within its size, ends a render past its deadline with a 503 and Retry-After,
 * and keeps serving afterwards. No timing thresholds here: `npm run bench:export` measures the event loop.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "../app/dbSetup";

// The route's pool, for this file only: one worker and a deadline no render can meet.
process.env.EXPORT_WORKERS = "1";
process.env.EXPORT_RENDER_MS = "1";

let cleanup: () => void;
const pools: Array<{ close: () => Promise<void> }> = [];
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  cleanup?.();
});

async function newPool(size: number, deadlineMs: number, rendersPerWorker?: number) {
  const { createRenderPool } = await import("~/exports/renderPool.server");
  const pool = createRenderPool({ size, deadlineMs, rendersPerWorker });
  pools.push(pool);
  return pool;
}

async function renaultCharts() {
  const { exportChart } = await import("~/models/exports.server");
  const params = { company: "renault", periods: "year", metric: "revenue", mode: "absolute" } as const;
  return { revenue: await exportChart("revenue", params), change: await exportChart("revenue-change", params) };
}

describe("the render pool", () => {
  test("draws SVG, PNG and decks in its workers, never more workers than its size", async () => {
    const pool = await newPool(2, 60_000);
    const { revenue, change } = await renaultCharts();
    const [svg, png, deck, again] = await Promise.all([
      pool.render({ kind: "svg", chart: revenue }),
      pool.render({ kind: "png", chart: revenue, scale: 1 }),
      pool.render({ kind: "deck", company: "Renault", charts: [revenue, change], generated: "2026-01-02T00:00:00Z" }),
      pool.render({ kind: "svg", chart: change }),
    ]);
    expect(typeof svg).toBe("string");
    expect(svg as string).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1280" height="720"/);
    expect(svg as string).toContain(`<title>${revenue.title}</title>`);
    expect(again as string).toContain(`<title>${change.title}</title>`);
    const pngBytes = Buffer.from(png as Uint8Array);
    expect(pngBytes.subarray(1, 4).toString()).toBe("PNG");
    expect(pngBytes.readUInt32BE(16)).toBe(1280);
    const zip = await JSZip.loadAsync(deck as Uint8Array);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    // Title, two charts, sources, two pictures.
    expect(slides).toHaveLength(6);
    expect(await zip.file("ppt/slides/slide1.xml")!.async("string")).toContain("2026-01-02");
    expect(pool.stats()).toMatchObject({ workers: 2, busy: 0, waiting: 0, renders: 4, timedOut: 0, crashed: 0 });
    // Each worker reports its own heap with its replies, which the server's memory figures leave out.
    const { heapUsed, heapTotal } = pool.stats();
    expect(heapUsed).toBeGreaterThan(1024 * 1024);
    expect(heapTotal).toBeGreaterThanOrEqual(heapUsed);
  }, 60_000);

  test.runIf(process.platform === "linux")(
    "its workers draw at a lower priority than the event loop (nice 10), which keeps the server's",
    async () => {
      const { readdirSync, readFileSync } = await import("node:fs");
      const niceOf = (task: string) => {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
        // The fields after the command's closing parenthesis: state is the third field, nice the nineteenth.
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
      };
      const threads = () => new Set(readdirSync("/proc/self/task"));
      const before = threads();
      const pool = await newPool(1, 60_000);
      const { revenue } = await renaultCharts();
      await pool.render({ kind: "svg", chart: revenue });
      const started = [...threads()].filter((task) => !before.has(task));
      // The worker's thread is lowered; the event loop's (the process's own) is not.
      expect(started.map(niceOf)).toContain(10);
      expect(niceOf(String(process.pid))).toBe(0);

      // EXPORT_RENDER_NICE=0 keeps the server's priority: a worker started with it lowers no thread.
      process.env.EXPORT_RENDER_NICE = "0";
      try {
        const known = threads();
        const level = await newPool(1, 60_000);
        expect(await level.render({ kind: "svg", chart: revenue })).toContain("<svg");
        const fresh = [...threads()].filter((task) => !known.has(task));
        expect(fresh.length).toBeGreaterThan(0);
        expect(fresh.map(niceOf).every((n) => n === 0)).toBe(true);
      } finally {
        delete process.env.EXPORT_RENDER_NICE;
      }
    },
    60_000,
  );

  test("a worker is replaced after its share of renders, and the renders go on", async () => {
    const pool = await newPool(1, 60_000, 2);
    const { revenue } = await renaultCharts();
    const svgs = [];
    for (let i = 0; i < 5; i++) svgs.push(await pool.render({ kind: "svg", chart: revenue }));
    for (const svg of svgs) expect(svg as string).toContain(`<title>${revenue.title}</title>`);
    expect(pool.stats()).toMatchObject({ workers: 1, renders: 5, retired: 2, crashed: 0 });
  }, 60_000);

  test("a render past the deadline is refused with Retry-After; its worker is replaced and the pool goes on", async () => {
    const { Overloaded } = await import("~/exports/limiter.server");
    const pool = await newPool(1, 1);
    const { revenue } = await renaultCharts();
    for (let i = 0; i < 2; i++) {
      const err = await pool.render({ kind: "png", chart: revenue, scale: 4 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Overloaded);
      expect((err as InstanceType<typeof Overloaded>).message).toBe(
        "The export took longer than 0.001 s to draw; try again shortly.",
      );
      expect((err as InstanceType<typeof Overloaded>).retryAfterSeconds).toBe(1);
    }
    expect(pool.stats()).toMatchObject({ workers: 0, busy: 0, waiting: 0, renders: 2, timedOut: 2 });
  }, 60_000);
});

describe("the export route", () => {
  test("a deck past the render deadline is a 503 with Retry-After and the reason, never a 500", async () => {
    const { loader } = await import("~/routes/export.$file");
    const res = (await loader({
      request: new Request("http://localhost/export/deck.pptx?company=renault"),
      params: { file: "deck.pptx" },
      context: {},
    })) as Response;
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await res.json()).toEqual({ message: "The export took longer than 0.001 s to draw; try again shortly." });
    const csv = (await loader({
      request: new Request("http://localhost/export/revenue.csv?company=renault"),
      params: { file: "revenue.csv" },
      context: {},
    })) as Response;
    // CSV is a string join on the main thread: no deadline applies.
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Renault");
  }, 60_000);
});
