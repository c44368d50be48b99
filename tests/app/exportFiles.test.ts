import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";
import { chartSeries } from "./pptxXml";
import { exportResponse } from "./routeCalls";

let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/dashboard", "tests/fixtures/stakes"]);
});
afterAll(async () => {
  const { renderPool } = await import("~/exports/renderPool.server");
  await renderPool.close();
  cleanup?.();
});

const ORIGIN = "http://figures.example:8080";

async function exportOf(path: string): Promise<Response> {
  const res = await exportResponse(`${ORIGIN}${path}`);
  expect(res.status, path).toBe(200);
  return res;
}

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

async function pptxParts(path: string) {
  const zip = await JSZip.loadAsync(await bytes(await exportOf(path)));
  return {
    chart: await zip.file("ppt/charts/chart1.xml")!.async("string"),
    slide: await zip.file("ppt/slides/slide1.xml")!.async("string"),
  };
}

const values = (xml: string) => [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);

describe("PowerPoint charts say what the page says", () => {
  test("the value axis starts at zero and the bars are labelled with their figures", async () => {
    const { chart } = await pptxParts("/export/revenue.pptx?company=renault");
    expect(chart).toMatch(/<c:valAx>[\s\S]*<c:min val="0"\/>/);
    expect(chart).toContain('<c:showVal val="1"/>');
    expect(values(chart)).toEqual(expect.arrayContaining(["40.68", "37.79"]));
  });

  test("a range is a floating bar holding both its ends, a forecast is lighter, the base period is named", async () => {
    const { chart, slide } = await pptxParts("/export/revenue-change.pptx?company=renault");
    // −17 to −18 %: the bar starts at −17 (a transparent base) and runs 1 point further down; both ends are labels.
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect(chart).toContain("<a:noFill/>");
    expect(values(chart)).toEqual(expect.arrayContaining(["-17", "-18", "-1"]));
    // Never the midpoint no source gave.
    expect(values(chart)).not.toContain("-17.5");
    // The axis reaches below zero for a decline and holds zero.
    const min = Number(/<c:valAx>[\s\S]*?<c:min val="([^"]+)"\/>/.exec(chart)?.[1]);
    const max = Number(/<c:valAx>[\s\S]*?<c:max val="([^"]+)"\/>/.exec(chart)?.[1]);
    expect(min).toBeLessThanOrEqual(-18);
    expect(max).toBeGreaterThanOrEqual(0);
    const { lighter } = await import("~/exports/nativeBars");
    const { COLOURS } = await import("~/components/charts/palette");
    expect(chart).toContain(`<a:srgbClr val="${lighter(COLOURS.decline)}"/>`);
    expect(slide).toContain("vs 2007");
    expect(slide).toMatch(/Each change against: [^<]*vs 2007/);
    // The footnote names only what the native chart draws: no hatching or whiskers.
    expect(slide).toContain("Lighter bars: forecasts and targets");
    expect(slide).toContain("Floating bars: a range");
    expect(slide).not.toMatch(/Hatched|Whiskers/);
  });

  test("the axis and the change's line back to its base are the picture's: -30 to 0, a dashed line from vs 2007", async () => {
    const { chart, slide } = await pptxParts("/export/revenue-change.pptx?company=renault");
    // The SVG (and so the PNG) of the same chart: its value ticks, and its dashed line labelled "vs 2007".
    const svg = (await bytes(await exportOf("/export/revenue-change.svg?company=renault"))).toString("utf8");
    const yAxis = /recharts-yAxis[\s\S]*?<\/g><\/g><\/g>/.exec(svg)![0];
    const ticks = [...yAxis.matchAll(/<tspan[^>]*>([^<]+)</g)].map((m) =>
      Number(m[1].replace("−", "-").replace(/\D+$/, "")),
    );
    expect(ticks).toEqual([-30, -20, -10, 0]);
    expect(svg).toMatch(/recharts-reference-line base-link"[\s\S]*?>vs 2007</);
    const axis = (name: string) => Number(new RegExp(`<c:valAx>[\\s\\S]*?<c:${name} val="([^"]+)"`).exec(chart)?.[1]);
    expect([axis("min"), axis("max"), axis("majorUnit")]).toEqual([ticks[0], ticks.at(-1), ticks[1] - ticks[0]]);
    // The base line at zero is the axis of years (crossing at zero), darker than the light dashed gridlines.
    const catAx = /<c:catAx>[\s\S]*?<\/c:catAx>/.exec(chart)![0];
    expect(catAx).toContain('<c:crosses val="autoZero"/>');
    expect(catAx).toMatch(/<a:ln w="19050"[^>]*><a:solidFill><a:srgbClr val="555555"\/>/);
    expect(/<c:majorGridlines>[\s\S]*?<\/c:majorGridlines>/.exec(chart)![0]).toMatch(
      /D5D8DC[\s\S]*prstDash val="dash"/,
    );
    // The categories are 2007-2009; the dashed series holds the bar's near end, -17, in each, so no gap breaks it.
    const series = [...chart.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
    const named = (name: string) => series.find((x) => x.includes(`<c:v>${name}</c:v>`))!;
    const line = named("2009 (forecast): vs 2007 (line)");
    expect(line).toContain('<a:prstDash val="dash"/>');
    expect(values(line.slice(line.indexOf("<c:val>")))).toEqual(["-17", "-17", "-17"]);
    // The circle at the base is labelled with its series' name, "vs 2007", and holds only 2007.
    const base = named("vs 2007");
    expect(base).toContain('<c:showSerName val="1"/>');
    expect(values(base.slice(base.indexOf("<c:val>")))).toEqual(["-17", "", ""]);
    expect(slide).toContain("Dashed lines: a change joined back to the base it is measured against");
  });

  test("a title too long for one line at 30 pt is set smaller, so it never wraps onto its subtitle", async () => {
    const { slide } = await pptxParts("/export/revenue-change.pptx?company=renault");
    expect(slide).toMatch(/sz="3000"[^>]*>(<[^>]+>)*Renault: revenue change by year, vs 2007</);
    const { titleSize } = await import("~/exports/pptx.server");
    expect(titleSize("British Airways: revenue change by quarter, vs Q3 2003")).toBe(25);
    expect(titleSize("x".repeat(200))).toBe(18);
  });

  test("a decline's figure is written below its bar, growth's above, as on the page", async () => {
    const { nativeBars } = await import("~/exports/nativeBars");
    const point = (at: string, low: number, high: number) =>
      ({ at, label: at, year: Number(at), period: null, low, high, unit: "percent", status: "actual" }) as never;
    const bars = nativeBars([point("2007", 5, 5), point("2008", -15, -15)], ["2007", "2008"], true, 1);
    expect(bars.labelled.map((s) => s.values)).toEqual([
      [5, null],
      [null, -15],
    ]);
    expect(bars.links).toEqual([]);
  });

  test("a stake over time: a year per category across its span, zero at the foot of the axis", async () => {
    const { chart, slide } = await pptxParts("/export/stakes.pptx?holder=harlow&held=velmora");
    expect(chart).toMatch(/<c:valAx>[\s\S]*<c:min val="0"\/>/);
    const v = values(chart);
    expect(v).toEqual(expect.arrayContaining(["2005", "2013", "2022", "44", "43"]));
    expect(slide).toContain("Harlow&apos;s stake in Velmora");
    expect(slide).toContain("2005: year from the article&apos;s date");
    // A native line chart, as on the page: no bars; the figures as labelled points; a dotted line joining them.
    expect(chart).not.toContain("<c:barChart>");
    expect(chart).toContain('<c:dispBlanksAs val="span"/>');
    const series = chartSeries(chart);
    expect(series.every((s) => s.type === "line")).toBe(true);
    // The points are drawn by one series and their figures written above them by another (as a checked one is).
    const held = series.find((s) => s.name === "Stake")!;
    expect([held.values, held.format]).toEqual([{ "2005": 44, "2022": 43 }, null]);
    const figures = series.find((s) => s.name === "Figure")!;
    expect([figures.values, figures.format, figures.position]).toEqual([{ "2005": 44, "2022": 43 }, "#,##0.##", "t"]);
    const trend = series.find((s) => s.name.startsWith("Stake over time"))!;
    expect([trend.values, trend.format]).toEqual([{ "2005": 44, "2022": 43 }, null]);
    expect(trend.values["2013"]).toBeUndefined();
    expect(slide).toContain("Dotted line: joins the as-of years sources give");
  });
});

/** The body of a CSV export, read back with a CSV parser (exceljs's, fast-csv underneath). */
async function csvRows(path: string): Promise<string[][]> {
  const text = (await bytes(await exportOf(path))).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([text.slice(1)]), {
    parserOptions: { delimiter: "," },
    map: (value: unknown) => value,
  });
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)))));
  return rows;
}

describe("CSV", () => {
  test("has the base period column and absolute links, and parses back to the page's figures", async () => {
    const rows = await csvRows("/export/revenue-change.csv?company=renault");
    const header = rows[0];
    expect(header).toContain("base period");
    const at = (name: string) => header.indexOf(name);
    const [row] = rows.slice(1);
    expect([row[at("low")], row[at("high")], row[at("base period")], row[at("status")]]).toEqual([
      "-18",
      "-17",
      "2007",
      "forecast",
    ]);
    expect(row[at("link")]).toMatch(new RegExp(`^${ORIGIN}/articles/\\d+#fact-\\d+$`));
  });

  test("stakes: every source is a row, with the as-of year and where it came from", async () => {
    const rows = await csvRows("/export/stakes.csv?holder=harlow&held=velmora");
    const header = rows[0];
    const body = rows.slice(1).map((r) => [r[header.indexOf("label")], r[header.indexOf("low")]]);
    expect(body).toEqual([
      ["2005, from the article's date", "44"],
      ["2022", "43"],
    ]);
  });
});

describe("XLSX", () => {
  test("the same rows as the CSV: numbers as numbers, years as years, quotes and links, accents and € intact", async () => {
    const res = await exportOf("/export/stakes.xlsx?holder=credit-agricole");
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("Content-Disposition")).toMatch(/\.xlsx"$/);
    const file = await bytes(res);
    const csv = await csvRows("/export/stakes.csv?holder=credit-agricole");
    const quote = "Crédit Agricole said it owned 5% of Nestlé Société in 2010, worth €1.2 billion.";

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(csv[0]);
    expect(sheet.rowCount).toBe(csv.length);
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1).value;
    expect(cell("low")).toBe(5);
    expect(cell("year")).toBe(2010);
    expect(cell("source year")).toBe(2011);
    expect(cell("quote")).toBe(quote);
    expect(cell("series")).toBe("Crédit Agricole → Nestlé Société");
    expect(cell("link")).toMatchObject({ hyperlink: expect.stringMatching(new RegExp(`^${ORIGIN}/articles/`)) });

    // LibreOffice, where installed (.ci/run installs it), reads it back with the euro sign, accents and numbers.
    if (!hasSoffice()) return;
    const dir = mkdtempSync(join(tmpdir(), "figures-xlsx-"));
    try {
      writeFileSync(join(dir, "stakes.xlsx"), file);
      // The CSV filter's options: comma, double quote, UTF-8 (76), from the first line; without them LibreOffice
      // writes the CSV in the system's 8-bit code page.
      const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1";
      execFileSync("soffice", ["--headless", "--convert-to", csvFilter, "--outdir", dir, join(dir, "stakes.xlsx")], {
        stdio: "ignore",
        timeout: 120_000,
        env: { ...process.env, HOME: dir },
      });
      const converted = readFileSync(join(dir, "stakes.csv"), "utf8");
      expect(converted).toContain(quote);
      expect(converted).toContain("Crédit Agricole → Nestlé Société");
      expect(converted).toMatch(/"2010",2010,/);
      // Numbers come back unquoted, as numbers; text quoted.
      expect(converted).toMatch(/,5,5,"percent",/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return existsSync("/usr/bin/soffice");
  }
}
