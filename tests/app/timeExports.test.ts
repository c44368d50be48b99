import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";
import { chartSeries, hiddenFromLegend } from "./pptxXml";
import { exportResponse } from "./routeCalls";

/** Exports draw what the pages draw: the time axis with its gaps, dashed forecasts, bands, changes by their base. */
let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/dashboard", "tests/fixtures/declines"]);
});
afterAll(async () => {
  const { renderPool } = await import("~/exports/renderPool.server");
  await renderPool.close();
  cleanup?.();
});

const ORIGIN = "http://figures.example";
const COMPARE = "companies=corvane,tellbrook&metric=revenue_change";

async function exportOf(path: string): Promise<Buffer> {
  const res = await exportResponse(`${ORIGIN}${path}`);
  expect(res.status, path).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe("SVG of a decline comparison", () => {
  test("a tick for the missing 2007, Corvane's line broken there, dashed forecast, band, and 2008 vs 2006", async () => {
    const svg = (await exportOf(`/export/compare.svg?${COMPARE}`)).toString("utf8");
    const ticks = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan><\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(expect.arrayContaining(["2005", "2006", "2007", "2008", "2009"]));
    // Corvane's solid line: 2005-2006, then a new segment at 2008 (two moves, nothing drawn through 2007).
    const corvane = /<path[^>]*name="Corvane"[^>]*d="([^"]+)"/.exec(svg)?.[1] ?? "";
    expect(corvane.match(/M/g)).toHaveLength(2);
    expect(svg).toMatch(/stroke-dasharray="6 4"[^>]*d="M/);
    expect(svg).toMatch(/recharts-area-area[^>]*d="M/);
    expect(svg).toContain(">vs 2006<");
    expect(svg).toContain("Dashed lines and hollow points: forecasts and targets");
    expect(svg).toContain("Each change against: Corvane 2005 vs 2004");
    expect(svg).toContain("Tellbrook 2008 vs 2006");
  });

  test("a company's change is drawn at its year and joined back to its base year, labelled vs 2007", async () => {
    const svg = (await exportOf("/export/revenue-change.svg?company=renault")).toString("utf8");
    expect(svg).toContain("base-link");
    expect(svg).toContain(">vs 2007<");
    const ticks = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan><\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(expect.arrayContaining(["2007", "2008", "2009"]));
  });
});

describe("CSV and PowerPoint of a decline comparison", () => {
  test("CSV: a row per figure with its period, status and base, none for the year without one", async () => {
    const text = (await exportOf(`/export/compare.csv?${COMPARE}`)).toString("utf8");
    const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([text.slice(1)]), {
      parserOptions: { delimiter: "," },
      map: (value: unknown) => value,
    });
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)))));
    const at = (name: string) => rows[0].indexOf(name);
    const body = rows
      .slice(1)
      .map((r) => [r[at("series")], r[at("label")], r[at("low")], r[at("status")], r[at("base period")]]);
    expect(body).toEqual([
      ["Corvane", "2005", "3", "actual", "2004"],
      ["Corvane", "2006", "-4", "actual", "2005"],
      ["Tellbrook", "2007", "-6", "actual", "2006"],
      ["Corvane", "2008", "-9", "actual", "2007"],
      ["Tellbrook", "2008", "-15", "actual", "2006"],
      ["Corvane", "2009", "-12", "forecast", "2008"],
    ]);
  });

  test("PowerPoint: every year a category, forecasts a dashed series, the change vs 2006 a marker joined back to 2006", async () => {
    const zip = await JSZip.loadAsync(await exportOf(`/export/compare.pptx?${COMPARE}`));
    const chart = await zip.file("ppt/charts/chart1.xml")!.async("string");
    const slide = await zip.file("ppt/slides/slide1.xml")!.async("string");
    const names = [...chart.matchAll(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        "Corvane",
        "Tellbrook",
        "Corvane (forecast or target)",
        "Tellbrook (against an earlier base)",
        "Corvane (low end of a range)",
        "Corvane (high end of a range)",
      ]),
    );
    // Corvane's 2009 forecast of 10 to 12 % down: both ends are figures on the slide, not only the middle.
    const values = [...chart.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    expect(values).toEqual(expect.arrayContaining(["-12", "-10", "-11"]));
    const categories = /<c:cat>[\s\S]*?<\/c:cat>/.exec(chart)?.[0] ?? "";
    expect([...categories.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual([
      "2005",
      "2006",
      "2007",
      "2008",
      "2009",
    ]);
    expect(chart).toContain('<a:prstDash val="dash"/>');
    expect(chart).toContain('<c:dispBlanksAs val="gap"/>');
    // The page's ticks, every 5 points through zero, not PowerPoint's own (-15, -13 … 5).
    expect(/<c:valAx>[\s\S]*?<c:majorUnit val="([^"]+)"/.exec(chart)?.[1]).toBe("5");
    expect(slide).toContain("Dashed lines: forecasts and targets");
    // Tellbrook's 2008 against 2006, as the page draws it: a dotted line from 2006 to 2008 at its figure, unbroken
    // by the blank 2007, and "vs 2006" said at the line's start.
    const series = [...chart.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
    const named = (name: string) => series.find((x) => x.includes(`<c:v>${name}</c:v>`))!;
    const valuesOf = (ser: string) =>
      [...ser.slice(ser.indexOf("<c:val>")).matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    const link = named("Tellbrook 2008 vs 2006 (dotted)");
    expect(link).toContain('<a:prstDash val="sysDot"/>');
    expect(valuesOf(link)).toEqual(["", "-15", "-15", "-15", ""]);
    const label = named("vs 2006");
    expect(label).toContain('<c:showSerName val="1"/>');
    expect(valuesOf(label)).toEqual(["", "-15", "", "", ""]);
    expect(slide).toContain(
      "Points apart: changes against an earlier base, joined back to it by a dotted line labelled with it",
    );
    // The range is drawn as a range: a whisker from the dashed forecast's point, 1 point down to -12 and 1 up to
    // -10, nothing at the other years; its low end written below it, its high end above.
    expect(slide).toContain("A range: a whisker from its low to its high figure");
    const byName = new Map(chartSeries(chart).map((x) => [x.name, x]));
    expect(byName.get("Corvane (forecast or target)")?.whiskers).toEqual({ minus: { 2009: 1 }, plus: { 2009: 1 } });
    expect(byName.get("Corvane")?.whiskers).toBeNull();
    const end = (name: string) => [byName.get(name)?.values, byName.get(name)?.position];
    expect(end("Corvane (low end of a range)")).toEqual([{ 2009: -12 }, "b"]);
    expect(end("Corvane (high end of a range)")).toEqual([{ 2009: -10 }, "t"]);
    // The legend names the two companies only: forecasts, points apart, range ends and links are hidden from it.
    const hidden = new Set(hiddenFromLegend(chart));
    const all = chartSeries(chart);
    expect(all.length).toBeGreaterThan(6);
    expect(all.filter((x) => !hidden.has(x.idx)).map((x) => x.name)).toEqual(["Corvane", "Tellbrook"]);
  });
});
