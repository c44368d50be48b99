import { createRequire } from "node:module";
import type PptxGenJS from "pptxgenjs";
import { COLOURS, SERIES_COLOURS } from "~/components/charts/palette";
import type { ExportChart } from "~/models/exports.server";
import { renderPng } from "./png.server";
import { sourceLine } from "./svg.server";

const FONT = "Calibri";
const hex = (c: string) => c.replace("#", "").toUpperCase();

/** Large figures in a unit people read ("bn EUR"), so the native chart's axis stays legible and editable. */
function scaleFor(ec: ExportChart): { divisor: number; label: string } {
  if (ec.unit === "percent") return { divisor: 1, label: "%" };
  if (ec.unit === "index") return { divisor: 1, label: "index" };
  const values = ec.rows.map((r) => Math.abs(r.high));
  const max = Math.max(0, ...values);
  const [divisor, word] = max >= 1e9 ? [1e9, "bn"] : max >= 1e6 ? [1e6, "m"] : max >= 1e3 ? [1e3, "k"] : [1, ""];
  return { divisor, label: [word, ec.unit].filter(Boolean).join(" ") };
}

/** The chart's series as PowerPoint wants them: a name, the category labels and the values ("Edit Data" shows them). */
function chartData(ec: ExportChart, divisor: number) {
  const round = (v: number) => Math.round((v / divisor) * 1000) / 1000;
  if (ec.lines) {
    const labels = ec.lines.rows.map((r) => String(r.year));
    return ec.lines.companies.map((c) => ({
      name: c.name,
      labels,
      values: ec.lines!.rows.map((r) => {
        const p = r.points[c.slug];
        return p ? round(p.value) : null;
      }) as number[],
    }));
  }
  const bars = ec.bars ?? [];
  return [{ name: ec.title, labels: bars.map((p) => p.label), values: bars.map((p) => round((p.low + p.high) / 2)) }];
}

function addTitle(slide: PptxGenJS.Slide, ec: ExportChart) {
  slide.addText(ec.title, {
    x: 0.5,
    y: 0.3,
    w: 12.3,
    h: 0.7,
    fontFace: FONT,
    fontSize: 30,
    bold: true,
    color: hex(COLOURS.text),
  });
  slide.addText(ec.subtitle, { x: 0.5, y: 0.95, w: 12.3, h: 0.45, fontFace: FONT, fontSize: 18, color: "566573" });
}

function addFootnote(slide: PptxGenJS.Slide, ec: ExportChart) {
  const marks = ec.marks.length ? `  ·  ${ec.marks.join(" · ")}` : "";
  slide.addText(`${sourceLine(ec)}${marks}`, {
    x: 0.5,
    y: 6.75,
    w: 12.3,
    h: 0.55,
    fontFace: FONT,
    fontSize: 12,
    color: "566573",
    valign: "top",
    fit: "shrink",
  });
}

/** A slide with the chart as a native, editable PowerPoint chart, its title and its source footnote. */
export function addChartSlide(pptx: PptxGenJS, ec: ExportChart): void {
  const slide = pptx.addSlide();
  addTitle(slide, ec);
  const { divisor, label } = scaleFor(ec);
  const data = chartData(ec, divisor);
  const common = {
    x: 0.5,
    y: 1.5,
    w: 12.3,
    h: 5.1,
    catAxisLabelFontSize: 14,
    valAxisLabelFontSize: 14,
    valAxisTitle: label,
    showValAxisTitle: true,
    valAxisTitleFontSize: 14,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontFace: FONT,
  };
  if (ec.lines) {
    slide.addChart(pptx.ChartType.line, data, {
      ...common,
      chartColors: SERIES_COLOURS.slice(0, data.length).map(hex),
      showLegend: true,
      legendPos: "b",
      legendFontSize: 14,
      lineDataSymbol: "circle",
      lineDataSymbolSize: 8,
    });
  } else {
    const colours = (ec.bars ?? []).map((p) =>
      hex(ec.signColours ? ((p.low + p.high) / 2 < 0 ? COLOURS.decline : COLOURS.growth) : COLOURS.bar),
    );
    slide.addChart(pptx.ChartType.bar, data, {
      ...common,
      barDir: "col",
      chartColors: colours.length ? colours : [hex(COLOURS.bar)],
      // One colour per bar, so declines and growth keep their colours as on the page.
      showValue: true,
      dataLabelFontSize: 12,
      dataLabelFormatCode: "#,##0.##",
    });
  }
  addFootnote(slide, ec);
}

/** The same chart as a picture, for Keynote and Google Slides, which do not draw pptxgenjs charts. */
export function addPictureSlide(pptx: PptxGenJS, ec: ExportChart): void {
  const slide = pptx.addSlide();
  const png = renderPng(ec, 2);
  slide.addImage({ data: `image/png;base64,${png.toString("base64")}`, x: 0, y: 0, w: 13.333, h: 7.5 });
  slide.addNotes(`${ec.title}: the same chart as a picture, for viewers that do not draw PowerPoint charts.`);
}

const require = createRequire(import.meta.url);

/**
 * pptxgenjs numbers charts with a counter kept for the life of its module, so the tenth file this server writes
 * would hold `chart10.xml`. A fresh copy of the module per file keeps every file's charts numbered from 1.
 */
function freshPptxGenJS(): typeof PptxGenJS {
  const path = require.resolve("pptxgenjs");
  delete require.cache[path];
  const Pptx = require(path) as typeof PptxGenJS;
  // Node lists each module it loads among its parent's children, every fresh copy included: left there, each
  // file's copy of pptxgenjs stayed reachable for ever (about 2 MB a deck).
  const loaded = require.cache[path] as (NodeJS.Module & { parent?: NodeJS.Module | null }) | undefined;
  const siblings = loaded?.parent?.children;
  const at = loaded && siblings ? siblings.indexOf(loaded) : -1;
  if (at >= 0) siblings!.splice(at, 1);
  delete require.cache[path];
  return Pptx;
}

function newPresentation(title: string): PptxGenJS {
  const Pptx = freshPptxGenJS();
  const pptx = new Pptx();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = title;
  pptx.company = "Financial figures dashboard";
  return pptx;
}

async function toBuffer(pptx: PptxGenJS): Promise<Buffer> {
  return (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
}

/** One chart: the native chart slide, then the same chart as a picture. */
export async function renderPptx(ec: ExportChart): Promise<Buffer> {
  const pptx = newPresentation(ec.title);
  addChartSlide(pptx, ec);
  addPictureSlide(pptx, ec);
  return toBuffer(pptx);
}

/** A company's deck: a title slide, one slide per chart, a sources slide, then the charts as pictures. */
export async function renderDeck(company: string, charts: ExportChart[], generated = new Date()): Promise<Buffer> {
  const pptx = newPresentation(`${company}: figures from the news`);
  const title = pptx.addSlide();
  title.background = { color: hex(COLOURS.text) };
  title.addText(company, { x: 0.7, y: 2.4, w: 12, h: 1.2, fontFace: FONT, fontSize: 44, bold: true, color: "FFFFFF" });
  title.addText(
    `Figures from the news · ${charts.length} ${charts.length === 1 ? "chart" : "charts"} · ${generated.toISOString().slice(0, 10)}`,
    {
      x: 0.7,
      y: 3.6,
      w: 12,
      h: 0.6,
      fontFace: FONT,
      fontSize: 20,
      color: "D5D8DC",
    },
  );
  for (const ec of charts) addChartSlide(pptx, ec);
  const sources = pptx.addSlide();
  sources.addText("Sources", { x: 0.5, y: 0.3, w: 12.3, h: 0.7, fontFace: FONT, fontSize: 30, bold: true });
  const seen = new Map<string, string>();
  for (const ec of charts) for (const s of ec.sources) seen.set(s.title, `${s.title}${s.year ? ` (${s.year})` : ""}`);
  sources.addText(
    [...seen.values()].map((text) => ({ text, options: { bullet: true, breakLine: true } })),
    { x: 0.5, y: 1.2, w: 12.3, h: 5.9, fontFace: FONT, fontSize: 16, valign: "top", fit: "shrink" },
  );
  for (const ec of charts) addPictureSlide(pptx, ec);
  return toBuffer(pptx);
}
