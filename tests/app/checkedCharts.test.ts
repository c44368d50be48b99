import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { reviewFact } from "../../db/reviews";
import { seedTemporaryDatabase } from "./dbSetup";
import { chartSeries, hiddenFromLegend } from "./pptxXml";

/**
 * Charts mark the figures a person checked, the same way on the page and in the SVG and PNG exports (drawn by the
 * same components): a check mark beside the bar's or point's figure, a legend line inside the chart, the words in
 * the tooltip and the point's label for screen readers. Figures nobody checked carry no mark and no legend.
 */
let cleanup: () => void;
let work: string;
let db: DbHandle;
const PARAMS = { metric: "revenue", mode: "absolute", periods: "year" } as const;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-checked-charts-"));
  writeFileSync(
    join(work, "varnholt.txt"),
    "Varnholt results\n\nDate: 2011-03-01\n\nVarnholt Shipping reported revenue of $2.1 billion for 2010, against $1.8 billion in 2009. Varnholt Shipping owns 12% of Quellmark Ports. Edris Freight posted revenue of $700 million in 2010.\n",
  );
  // Three more articles repeat Edris' figure: four sources, of which a chart carries the newest three.
  for (const n of [1, 2, 3]) {
    writeFileSync(
      join(work, `edris-${n}.txt`),
      `Freight revenue note ${n}\n\nDate: 2011-0${n + 3}-01\n\nEdris Freight posted revenue of $700 million in 2010.\n`,
    );
  }
  // A second source gives the stake as 14 %: newer, so drawn until a person checks the 12 %.
  writeFileSync(
    join(work, "wharf-stake.txt"),
    "Varnholt stake\n\nDate: 2011-05-01\n\nVarnholt Shipping owns 14% of Quellmark Ports.\n",
  );
  // Ranges for PowerPoint's line charts: a forecast change of 10 to 12 % down, and an undated stake of 20 to 25 %
  // (as of its article's 2011) before a later 30 %.
  writeFileSync(
    join(work, "pellan.txt"),
    "Pellan results\n\nDate: 2011-03-01\n\nPellan Rail said its revenue fell 5% in 2010. Pellan Rail expects its revenue to fall by 10% to 12% in 2011.\n\nOstrava Holdings owns 20% to 25% of Brandt Docks.\n",
  );
  writeFileSync(
    join(work, "brandt-later.txt"),
    "Brandt holders\n\nDate: 2013-02-01\n\nOstrava Holdings owns 30% of Brandt Docks.\n",
  );
  cleanup = await seedTemporaryDatabase([work]);
  db = openDatabase();
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

const factId = (kind: string, low: number) =>
  (db.sqlite.prepare("SELECT id FROM facts WHERE kind = ? AND low = ?").get(kind, low) as { id: number }).id;

async function exported(chart: "revenue" | "stakes" | "compare", q: Record<string, unknown>) {
  const { exportChart } = await import("~/models/exports.server");
  const { renderSvg } = await import("~/exports/svg.server");
  const { renderPng } = await import("~/exports/png.server");
  const ec = await exportChart(chart, { ...PARAMS, ...q });
  return { ec, svg: renderSvg(ec), png: renderPng(ec, 1) };
}

/** The check marks of an SVG, as the states they stand for. */
const marks = (svg: string) => [...svg.matchAll(/class="checked-glyph checked-(\w+)"/g)].map((m) => m[1]);

describe("checked figures on charts", () => {
  test("before any review no chart has a mark or a legend", async () => {
    const { svg } = await exported("revenue", { company: "varnholt" });
    expect(marks(svg)).toEqual([]);
    expect(svg).not.toContain("checked by an analyst");
  });

  test("a confirmed revenue figure is marked on its bar in the SVG, with the legend; the PNG changes", async () => {
    const before = (await exported("revenue", { company: "varnholt" })).png;
    await reviewFact(db.sql, factId("revenue", 2.1e9), { action: "confirm" }, "ana");
    const { ec, svg, png } = await exported("revenue", { company: "varnholt" });
    expect(ec.bars?.map((p) => [p.label, p.sources[0]?.checked ?? null])).toEqual([
      ["2009", null],
      ["2010", "confirmed"],
    ]);
    // The bar of 2010 carries the state, and one mark (besides the legend's) is drawn.
    expect(svg).toMatch(/data-label="2010" data-checked="confirmed"/);
    expect(svg).not.toMatch(/data-label="2009" data-checked/);
    expect(marks(svg)).toEqual(["confirmed", "confirmed"]);
    expect(svg).toContain(">checked by an analyst</text>");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.equals(before)).toBe(false);
  });

  test("a corrected figure is marked as corrected, with its corrected value", async () => {
    await reviewFact(
      db.sql,
      factId("revenue", 1.8e9),
      {
        action: "correct",
        values: {
          company: "Varnholt",
          counterparty: null,
          market: null,
          year: 2009,
          period: null,
          low: 1.9e9,
          high: 1.9e9,
          unit: "USD",
          status: "actual",
          approximate: false,
        },
      },
      "ana",
    );
    const { ec, svg } = await exported("revenue", { company: "varnholt" });
    expect(ec.bars?.map((p) => [p.label, p.low, p.sources[0]?.checked])).toEqual([
      ["2009", 1.9e9, "corrected"],
      ["2010", 2.1e9, "confirmed"],
    ]);
    expect(svg).toMatch(/data-label="2009" data-checked="corrected"/);
    expect(svg).toContain('>$1.9 bn</text><path class="checked-glyph checked-corrected"');
  });

  test("a confirmed stake is drawn over its unchecked rival and marked on its point in the export", async () => {
    const { svg: unchecked, ec: before } = await exported("stakes", { holder: "varnholt", held: "quellmark-ports" });
    expect(marks(unchecked)).toEqual([]);
    expect(before.history?.map((p) => [p.low, p.disagreeing])).toEqual([[14, 1]]);
    await reviewFact(db.sql, factId("stake", 12), { action: "confirm" }, "ana");
    const { svg, ec } = await exported("stakes", { holder: "varnholt", held: "quellmark-ports" });
    // The checked 12 % is drawn over the newer, unchecked 14 %, which still counts as another figure.
    expect(ec.history?.map((p) => [p.low, p.disagreeing])).toEqual([[12, 1]]);
    expect(svg).toMatch(/class="stake-point"[^>]*data-checked="confirmed"/);
    expect(marks(svg)).toEqual(["confirmed", "confirmed"]);
  });

  test("a comparison marks the checked company's point only, and its table carries the ✓", async () => {
    const { svg, ec } = await exported("compare", { companies: ["varnholt", "edris-freight"] });
    expect(svg).toMatch(/data-company="varnholt" data-t="2010"[^>]*data-checked="confirmed"/);
    expect(svg).not.toMatch(/data-company="edris-freight"[^>]*data-checked/);
    expect(svg).toContain(">checked by an analyst</text>");
    const { CompareTable } = await import("~/components/charts/CompareTable");
    const html = renderToStaticMarkup(CompareTable({ chart: ec.lines! })!);
    expect(html).toContain('aria-label="Checked: confirmed by an analyst"');
  });

  test("the tooltip says who vouched for the figure", async () => {
    const { FigureTooltip } = await import("~/components/charts/FigureTooltip");
    const { ec } = await exported("revenue", { company: "varnholt" });
    const html = renderToStaticMarkup(FigureTooltip({ active: true, payload: [{ payload: { point: ec.bars![0] } }] })!);
    expect(html).toContain('<p class="checked-note checked-corrected">✓ Checked: corrected by an analyst</p>');
  });

  test("a figure with more sources than a chart carries is marked when an older source was checked", async () => {
    const ids = (
      db.sqlite.prepare("SELECT id FROM facts WHERE kind = 'revenue' AND low = 7e8 ORDER BY id").all() as Array<{
        id: number;
      }>
    ).map((r) => r.id);
    expect(ids).toHaveLength(4);
    await reviewFact(db.sql, ids[0], { action: "confirm" }, "ana");
    const { ec, svg } = await exported("revenue", { company: "edris-freight" });
    const [point] = ec.bars ?? [];
    expect(point.sourceCount).toBe(4);
    // The newest two and the checked one, newest first.
    expect(point.sources.map((s) => [s.factId, s.checked ?? null])).toEqual([
      [ids[3], null],
      [ids[2], null],
      [ids[0], "confirmed"],
    ]);
    expect(svg).toMatch(/data-label="2010" data-checked="confirmed"/);
  });

  test("the ranked bars of the home and declines pages mark a checked figure after its value", async () => {
    const { RankedBarChart } = await import("~/components/charts/RankedBarChart");
    const { ec } = await exported("revenue", { company: "varnholt" });
    const html = renderToStaticMarkup(
      RankedBarChart({ points: ec.bars!, unit: "USD", title: "Ranked", interactive: false }),
    );
    expect(html).toMatch(/data-label="2009" data-checked="corrected"/);
    expect(html).toMatch(/>\$1\.9 bn<\/text><path class="checked-glyph checked-corrected"/);
    expect(marks(html)).toEqual(["corrected", "confirmed", "confirmed"]);
    expect(html).toContain(">checked by an analyst</text>");
  });

  test("PowerPoint's native chart names the checked figures in its footnote; its picture slide draws the marks", async () => {
    const { renderPptx } = await import("~/exports/pptx.server");
    const slides = async (ec: Awaited<ReturnType<typeof exported>>["ec"]) => {
      const zip = await JSZip.loadAsync(await renderPptx(ec));
      return Promise.all([1, 2].map((n) => zip.file(`ppt/slides/slide${n}.xml`)!.async("string")));
    };
    const [revenue] = await slides((await exported("revenue", { company: "varnholt" })).ec);
    expect(revenue).toContain("Checked by an analyst: 2009, 2010");
    const [stake] = await slides((await exported("stakes", { holder: "varnholt", held: "quellmark-ports" })).ec);
    expect(stake).toContain("Checked by an analyst: 2011");
    const [lines] = await slides((await exported("compare", { companies: ["varnholt", "edris-freight"] })).ec);
    expect(lines).toContain("Checked by an analyst: Varnholt 2009, Varnholt 2010, Edris Freight 2010");
  });
});

describe("checked figures in PowerPoint's native charts", () => {
  const chartXml = async (ec: Awaited<ReturnType<typeof exported>>["ec"]) => {
    const { renderPptx } = await import("~/exports/pptx.server");
    const zip = await JSZip.loadAsync(await renderPptx(ec));
    return zip.file("ppt/charts/chart1.xml")!.async("string");
  };

  test("bars: each checked figure written where the others are, followed by a ✓, and written once", async () => {
    const series = chartSeries(await chartXml((await exported("revenue", { company: "varnholt" })).ec));
    const above = series.find((s) => s.name.startsWith("Figure written above"))!;
    const checked = series.filter((s) => s.name.startsWith("Checked by an analyst"));
    expect(above.values).toEqual({});
    expect(checked.map((s) => [s.type, s.values, s.format])).toEqual([
      ["line", { "2009": 1.9, "2010": 2.1 }, '#,##0.##" ✓"'],
    ]);
    // Nobody checked Renault's figures: each is written plainly, and there is no series of checked ones.
    const renault = chartSeries(await chartXml((await exported("revenue", { company: "renault" })).ec));
    expect(Object.keys(renault.find((s) => s.name.startsWith("Figure written above"))!.values).length).toBeGreaterThan(
      0,
    );
    expect(renault.filter((s) => s.name.startsWith("Checked"))).toEqual([]);
  });

  test("a stake over time: the checked 2011 figure written above its point, followed by its ✓, once", async () => {
    const { ec } = await exported("stakes", { holder: "varnholt", held: "quellmark-ports" });
    const series = chartSeries(await chartXml(ec));
    const checked = series.find((s) => s.name === "Checked by an analyst")!;
    expect([checked.values, checked.format, checked.position]).toEqual([{ "2011": 12 }, '#,##0.##" ✓"', "t"]);
    // The marker draws no label of its own, and no other series writes 2011's figure: it is written once.
    const written = series.filter((s) => s.format !== null).map((s) => [s.name, s.values]);
    expect(written).toEqual([["Checked by an analyst", { "2011": 12 }]]);
  });

  test("a comparison: each company's checked points marked; the legend lists the companies and nothing else", async () => {
    const xml = await chartXml((await exported("compare", { companies: ["varnholt", "edris-freight"] })).ec);
    const series = chartSeries(xml);
    const byName = new Map(series.map((s) => [s.name, s]));
    expect(byName.get("Varnholt: checked by an analyst")?.values).toEqual({ "2009": 1.9, "2010": 2.1 });
    expect(byName.get("Edris Freight: checked by an analyst")?.values).toEqual({ "2010": 0.7 });
    // Each checked figure is written above its point and followed by its ✓, not drawn beside the point, where the
    // mark sat on the marker and on the line leaving it.
    expect([
      byName.get("Varnholt: checked by an analyst")?.format,
      byName.get("Varnholt: checked by an analyst")?.position,
    ]).toEqual(['#,##0.##" ✓"', "t"]);
    // Every point's figure is written once: by the checked labels or the plain ones, never by the lines themselves.
    for (const company of ["Varnholt", "Edris Freight"]) {
      const line = byName.get(company)!;
      const labels = {
        ...byName.get(`${company}: figure`)?.values,
        ...byName.get(`${company}: checked by an analyst`)?.values,
      };
      expect([line.format, labels]).toEqual([null, line.values]);
    }
    const hidden = new Set(hiddenFromLegend(xml));
    expect(series.filter((s) => !hidden.has(s.idx)).map((s) => s.name)).toEqual(["Varnholt", "Edris Freight"]);
    // Every series has an index of its own, so a hidden entry hides one series only.
    expect(new Set(series.map((s) => s.idx)).size).toBe(series.length);
  });
});

describe("a checked range in PowerPoint's line charts", () => {
  const parts = async (ec: Awaited<ReturnType<typeof exported>>["ec"]) => {
    const { renderPptx } = await import("~/exports/pptx.server");
    const zip = await JSZip.loadAsync(await renderPptx(ec));
    return {
      series: chartSeries(await zip.file("ppt/charts/chart1.xml")!.async("string")),
      slide: await zip.file("ppt/slides/slide1.xml")!.async("string"),
    };
  };
  /** Every figure a series writes on the slide, by series name: what a reader sees beside the points. */
  const written = (series: Awaited<ReturnType<typeof parts>>["series"]) =>
    series.filter((s) => s.format !== null && !s.format.startsWith('"')).map((s) => [s.name, s.values]);

  test("a comparison: a whisker from the middle to both ends; the high end written with its ✓, never the middle", async () => {
    const q = { companies: ["pellan"], metric: "revenue_change" };
    const before = await parts((await exported("compare", q)).ec);
    const byName = (all: typeof before.series) => new Map(all.map((s) => [s.name, s]));
    // Unchecked: the ends written plainly, below and above; the forecast's point has the whisker.
    expect(byName(before.series).get("Pellan (high end of a range)")?.format).toBe("#,##0.##");
    await reviewFact(db.sql, factId("revenue_change", -12), { action: "confirm" }, "ana");
    const { series, slide } = await parts((await exported("compare", q)).ec);
    const named = byName(series);
    expect(named.get("Pellan (forecast or target)")?.whiskers).toEqual({ minus: { 2011: 1 }, plus: { 2011: 1 } });
    expect(written(series)).toEqual([
      ["Pellan (low end of a range)", { 2011: -12 }],
      ["Pellan (high end of a range, checked by an analyst)", { 2011: -10 }],
      ["Pellan: figure", { 2010: -5 }],
    ]);
    const top = named.get("Pellan (high end of a range, checked by an analyst)")!;
    expect([top.position, top.format]).toEqual(["t", '#,##0.##" ✓"']);
    expect(named.get("Pellan (low end of a range)")?.position).toBe("b");
    // No mark beside the range's middle (a label of "✓" alone, right of the point), and no plain high end left.
    expect(series.filter((s) => s.position === "r" || s.format === '"✓"')).toEqual([]);
    expect(named.has("Pellan (high end of a range)")).toBe(false);
    expect(slide).toContain("✓ Checked by an analyst: Pellan 2011");
    expect(slide).toContain("A range: a whisker from its low to its high figure");
  });

  test("a stake over time: the checked 20–25 % drawn as a whisker, its 25 written above with its ✓", async () => {
    await reviewFact(db.sql, factId("stake", 20), { action: "confirm" }, "ana");
    const { ec } = await exported("stakes", { holder: "ostrava-holdings", held: "brandt" });
    const { series, slide } = await parts(ec);
    const named = new Map(series.map((s) => [s.name, s]));
    const middle = named.get("Middle of a range (no source gives it)")!;
    expect([middle.values, middle.format, middle.whiskers]).toEqual([
      { 2011: 22.5 },
      null,
      { minus: { 2011: 2.5 }, plus: { 2011: 2.5 } },
    ]);
    expect(written(series)).toEqual([
      ["Low end of a range", { 2011: 20 }],
      ["High end of a range, checked by an analyst", { 2011: 25 }],
      ["Figure", { 2013: 30 }],
    ]);
    const top = named.get("High end of a range, checked by an analyst")!;
    expect([top.position, top.format]).toEqual(["t", '#,##0.##" ✓"']);
    expect(named.get("Low end of a range")?.position).toBe("b");
    expect(series.filter((s) => s.position === "r" || s.format === '"✓"')).toEqual([]);
    expect(slide).toContain("A range: a whisker between its two ends, both written");
  });
});
