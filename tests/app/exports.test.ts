import { inflateSync } from "node:zlib";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { csvCell } from "~/exports/csv.server";
import { seedTemporaryDatabase } from "./dbSetup";
import { chartSeries, hiddenFromLegend } from "./pptxXml";
import { exportResponse } from "./routeCalls";

let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/dashboard"]);
});
afterAll(() => cleanup?.());

const exportOf = (path: string): Promise<Response> => exportResponse(`http://localhost${path}`);

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

/** Width, height and the share of non-white pixels of an 8-bit RGBA PNG, read with zlib alone. */
function pngFacts(png: Buffer): { width: number; height: number; inked: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]]).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString("ascii", at + 4, at + 8) === "IDAT") idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  // Rows are filtered, but a blank white image stays all 0xff (or 0 in "Up"-filtered rows) whatever the filter:
  // counting bytes that are neither is enough to tell ink from an empty canvas.
  let inked = 0;
  for (let i = 0; i < raw.length; i++) if (i % (width * 4 + 1) !== 0 && raw[i] !== 0xff && raw[i] !== 0) inked++;
  return { width, height, inked: inked / (width * height * 4) };
}

describe("PNG", () => {
  test("2x by default: 2560×1440, drawn on, named after what it shows", async () => {
    const res = await exportOf("/export/revenue.png?company=renault");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="renault-revenue-eur-2007-2008.png"');
    const png = pngFacts(await bytes(res));
    expect([png.width, png.height]).toEqual([2560, 1440]);
    // A blank canvas of the same size measures zero ink; the chart is well above it.
    const { pngOfSvg } = await import("~/exports/png.server");
    const blank = pngOfSvg('<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"></svg>');
    expect(pngFacts(blank).inked).toBe(0);
    expect(png.inked).toBeGreaterThan(0.002);
  });

  test("?scale=1 halves it; a scale of 9 is a 400", async () => {
    const png = pngFacts(await bytes(await exportOf("/export/revenue.png?company=renault&scale=1")));
    expect([png.width, png.height]).toEqual([1280, 720]);
    const bad = await exportOf("/export/revenue.png?company=renault&scale=9");
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/scale is from 1 to 4/);
  });
});

describe("SVG", () => {
  test("standalone, with its title, labels, source line and the hatch patterns inline", async () => {
    const res = await exportOf("/export/revenue-change.svg?company=renault");
    expect(res.headers.get("Content-Type")).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1280" height="720"/);
    // The base period is in the title, as on the page ("vs 2007").
    expect(svg).toContain("<title>Renault: revenue change by year, vs 2007</title>");
    expect(svg).toContain("2009 (forecast)");
    expect(svg).toContain("Source: French automaker Renault has announced");
    expect(svg).toContain("Hatched bars: forecasts and targets");
    expect(svg).toMatch(/<pattern id="hatch-c0392b"/);
    expect(svg).toMatch(/fill="url\(#hatch-c0392b\)"/);
    expect(svg).not.toMatch(/var\(--|<div|class="chart-tooltip"/);
  });
});

describe("SVG of a comparison", () => {
  test("names each company's line in the drawing itself", async () => {
    const svg = await (await exportOf("/export/compare.svg?companies=renault,nissan&metric=revenue")).text();
    expect(svg).toMatch(/<line [^>]*stroke="#0072b2"[^>]*\/><text [^>]*>Renault<\/text>/);
    expect(svg).toMatch(/<line [^>]*stroke="#e69f00"[^>]*\/><text [^>]*>Nissan<\/text>/);
  });
});

describe("PowerPoint", () => {
  test("a native chart with the real values, the source line, and the chart again as a picture", async () => {
    const res = await exportOf("/export/revenue.pptx?company=renault");
    expect(res.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    const zip = await JSZip.loadAsync(await bytes(res));
    const chart = await zip.file("ppt/charts/chart1.xml")!.async("string");
    const values = [...chart.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    expect(values).toEqual(expect.arrayContaining(["2007", "2008", "40.68", "37.79"]));
    const slide = await zip.file("ppt/slides/slide1.xml")!.async("string");
    expect(slide).toContain("Renault: revenue by year");
    expect(slide).toContain("Source: French automaker Renault has announced");
    const picture = await zip.file("ppt/slides/slide2.xml")!.async("string");
    expect(picture).toContain("<p:pic>");
    expect(Object.keys(zip.files).some((f) => /^ppt\/media\/.*\.png$/.test(f))).toBe(true);
  });

  test("compare: one line per company, its figures written by a series of labels of its own", async () => {
    const zip = await JSZip.loadAsync(
      await bytes(await exportOf("/export/compare.pptx?companies=renault,nissan&metric=revenue")),
    );
    const chart = await zip.file("ppt/charts/chart1.xml")!.async("string");
    const hidden = new Set(hiddenFromLegend(chart));
    const series = chartSeries(chart);
    expect(series.filter((s) => !hidden.has(s.idx)).map((s) => [s.name, s.format])).toEqual([
      ["Renault", null],
      ["Nissan", null],
    ]);
    expect(series.filter((s) => hidden.has(s.idx)).map((s) => [s.name, s.format, s.position])).toEqual([
      ["Renault: figure", "#,##0.##", "t"],
      ["Nissan: figure", "#,##0.##", "t"],
    ]);
    expect(chart).toContain("<c:v>Renault</c:v>");
    expect(chart).toContain("<c:v>Nissan</c:v>");
    expect(chart).toContain("<c:v>90.2</c:v>");
  });

  test("a company deck: title, each chart, sources, then the pictures", async () => {
    const res = await exportOf("/export/deck.pptx?company=renault");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="renault-deck.pptx"');
    const zip = await JSZip.loadAsync(await bytes(res));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    // Renault has revenue, revenue change and stakes: three charts.
    expect(charts.sort()).toEqual(["ppt/charts/chart1.xml", "ppt/charts/chart2.xml", "ppt/charts/chart3.xml"]);
    expect(slides).toHaveLength(1 + 3 + 1 + 3);
    const sources = await zip.file("ppt/slides/slide5.xml")!.async("string");
    expect(sources).toContain("Sources");
    // The articles of what the charts show: the stake chart draws the 2022 figure, not the one no year is given for.
    expect(sources).toContain("Renault, Nissan To Reboot Alliance?");
  });
});

describe("CSV", () => {
  test("UTF-8 with BOM, one row per figure, parsed back to the same values and quotes", async () => {
    const res = await exportOf("/export/revenue.csv?company=renault");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const body = await bytes(res);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines[0]).toBe(
      "series,label,year,period,base period,low,high,unit,status,approximate,source,source year,quote,link",
    );
    const rows = lines.slice(1).map(parseCsvLine);
    expect(rows.map((r) => [r[2], r[5], r[7], r[8]])).toEqual([
      ["2007", "40680000000", "EUR", "actual"],
      ["2008", "37790000000", "EUR", "actual"],
    ]);
    expect(rows[0][12]).toBe("Renault posted revenues of €40.68 billion for 2007 and €37.79 billion in 2008.");
  });

  test.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", '"\'\rcmd"'],
    [-18, "-18"],
    ["-18", "-18"],
    ["plain, with a comma", '"plain, with a comma"'],
    [null, ""],
  ])("cell %j is written as %j", (value, written) => {
    expect(csvCell(value)).toBe(written);
  });
});

describe("mistakes give a clear 404 or 400", () => {
  test.each([
    ["/export/bogus.png", 404, /No export called "bogus.png"/],
    ["/export/revenue.gif?company=renault", 404, /No export called/],
    ["/export/revenue.png?company=nobody", 404, /No company called "nobody"/],
    ["/export/revenue.png", 404, /Name a company/],
    ["/export/market-share.png?company=nissan", 404, /No market share figures for Nissan/],
    ["/export/revenue.png?company=renault&unit=%3Cscript%3E", 400, /a unit is a currency code/],
    ["/export/revenue.png?company=renault&x=1", 400, /Unknown parameter "x"/],
  ])("%s → %i", async (path, status, message) => {
    const res = await exportOf(path);
    expect(res.status).toBe(status);
    expect((await res.json()).message).toMatch(message);
  });
});

/** Reads one CSV line with quoted cells, as a spreadsheet would. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
