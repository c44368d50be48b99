import { createRequire } from "node:module";
import type PptxGenJS from "pptxgenjs";
import { CHECKED_COLOUR } from "~/components/charts/CheckedGlyph";
import { niceLogScale, niceScale } from "~/components/charts/niceScale";
import { COLOURS } from "~/components/charts/palette";
import type { ExportChart } from "~/models/exports.server";
import { lineData, nativeLineMarks } from "./nativeLines";
import { renderPng } from "./png.server";
import { addBarChart, figureLabels, rangeEndType } from "./pptxBars.server";
import { type ChartEdits, withChartEdits } from "./pptxChartEdits.server";
import { addStakeLineChart } from "./pptxStakes.server";
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

/** Characters of a bold 30 pt title that fit the slide's width on one line. */
const TITLE_CHARS = 46;

/**
 * A title on one line, above its subtitle: a longer one gets a smaller size. PowerPoint's shrink-on-overflow is
 * applied only when a person edits the box (LibreOffice never), so a long title ("British Airways: revenue change by
 * quarter, vs Q3 2003") would wrap onto the subtitle.
 */
export const titleSize = (title: string) =>
  title.length <= TITLE_CHARS ? 30 : Math.max(18, Math.floor((30 * TITLE_CHARS) / title.length));

function addTitle(slide: PptxGenJS.Slide, ec: ExportChart) {
  slide.addText(ec.title, {
    x: 0.5,
    y: 0.3,
    w: 12.3,
    h: 0.7,
    fontFace: FONT,
    fontSize: titleSize(ec.title),
    bold: true,
    color: hex(COLOURS.text),
  });
  slide.addText(ec.subtitle, { x: 0.5, y: 0.95, w: 12.3, h: 0.45, fontFace: FONT, fontSize: 18, color: "566573" });
}

/** The source line and the marks of what this slide's chart draws, nothing else. */
function addFootnote(slide: PptxGenJS.Slide, ec: ExportChart, drawn: string[]) {
  const said = [...ec.notes, ...drawn];
  const marks = said.length ? `  ·  ${said.join(" · ")}` : "";
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

/** Each change against an earlier base joined back to it (nativeLines.ts): a dotted line, and its "vs 2006". */
function linkTypes(pptx: PptxGenJS, data: ReturnType<typeof lineData>) {
  const count = Object.values(data).reduce((n, series) => n + series.length, 0) + data.links.length;
  // A marker's colour is taken by its place among all the chart's series: one colour in every place.
  const all = (colour: string) => Array.from({ length: count * 2 }, () => colour);
  return data.links.flatMap(({ link, label, colour }) => [
    {
      type: pptx.ChartType.line,
      data: [link],
      options: { lineSize: 1.5, lineDash: "sysDot", lineDataSymbol: "none", chartColors: all(colour) },
    },
    {
      type: pptx.ChartType.line,
      data: [label],
      options: {
        lineSize: 0,
        lineDataSymbol: "none",
        chartColors: all(colour),
        showValue: false,
        showSerName: true,
        dataLabelPosition: "t",
        dataLabelFontSize: 11,
        dataLabelFontFace: FONT,
        dataLabelColor: hex(COLOURS.text),
      },
    },
  ]);
}

/**
 * A slide with the chart as a native, editable PowerPoint chart, its title and its source footnote. Returns what
 * its XML still needs (pptxChartEdits.server.ts): the series its legend should list (a comparison's companies, or
 * null when it has no legend) and the whiskers of its ranges.
 */
export function addChartSlide(pptx: PptxGenJS, ec: ExportChart): ChartEdits {
  const slide = pptx.addSlide();
  addTitle(slide, ec);
  const { divisor, label } = scaleFor(ec);
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
    displayBlanksAs: "gap",
    // As on the page: light dashed gridlines, and the axis of periods, which crosses at zero, drawn darker, so a
    // chart with declines has its base line at zero.
    valGridLine: { color: hex(COLOURS.grid), style: "dash", size: 1 },
    catAxisLineColor: "555555", // COLOURS.axis, "#555", written out: PowerPoint takes six digits only
    catAxisLineSize: 1.5,
  };
  if (ec.lines) {
    const data = lineData(ec, divisor);
    const all = [
      ...data.actual,
      ...data.projected,
      ...data.apart,
      ...data.rangeLows,
      ...data.rangeHighs,
      ...data.checkedRangeHighs,
      ...data.figures,
      ...data.checked,
    ];
    const values = all.flatMap((d) => d.values.filter((v): v is number => v !== null));
    // A comparison the page draws on a log axis is a log axis in the slide too (the same ticks, powers of ten).
    const log = ec.lines.scale === "log";
    const scale = log ? niceLogScale(values) : niceScale(values);
    // The figures are written by series of labels of their own (figureLabels below), once per point.
    const lineOptions = { lineDataSymbol: "circle", lineDataSymbolSize: 8, showValue: false };
    const strip = (series: typeof all) => series.map(({ colour: _, ...rest }) => rest);
    const manyOf = (colour: string) =>
      Array.from({ length: 2 * (all.length + 2 * data.links.length) }, () => hex(colour));
    const types = [
      {
        type: pptx.ChartType.line,
        data: strip(data.actual),
        options: { ...lineOptions, chartColors: data.actual.map((d) => d.colour) },
      },
      ...(data.projected.length
        ? [
            {
              type: pptx.ChartType.line,
              data: strip(data.projected),
              options: { ...lineOptions, lineDash: "dash", chartColors: data.projected.map((d) => d.colour) },
            },
          ]
        : []),
      ...(data.apart.length
        ? [
            {
              type: pptx.ChartType.line,
              data: strip(data.apart),
              options: { ...lineOptions, lineSize: 0, chartColors: data.apart.map((d) => d.colour) },
            },
          ]
        : []),
      ...linkTypes(pptx, data),
      // Each range's ends, company by company, written beyond its whisker: a marker takes its colour by its place
      // among the chart's series, so each is a type of its own with its company's colour in every place.
      ...strip(data.rangeLows).map((c, i) => rangeEndType(pptx, c, manyOf(data.rangeLows[i].colour), "low", false, 11)),
      ...strip(data.rangeHighs).map((c, i) =>
        rangeEndType(pptx, c, manyOf(data.rangeHighs[i].colour), "high", false, 11),
      ),
      ...strip(data.checkedRangeHighs).map((c, i) =>
        rangeEndType(pptx, c, manyOf(data.checkedRangeHighs[i].colour), "high", true, 11),
      ),
      // One type per company's labels: a marker series takes its colours by its place among the chart's series.
      ...strip(data.figures).map((c) => figureLabels(pptx, c, manyOf(COLOURS.text), false, 11)),
      ...strip(data.checked).map((c) => figureLabels(pptx, c, manyOf(CHECKED_COLOUR), true, 11)),
    ];
    slide.addChart(
      types as unknown as PptxGenJS.IChartMulti[],
      {
        ...common,
        valAxisMinVal: scale.domain[0],
        valAxisMaxVal: scale.domain[1],
        // The page's ticks: PowerPoint's own step may miss zero (-15, -13 … 5).
        ...(log ? { valAxisLogScaleBase: 10 } : { valAxisMajorUnit: scale.ticks[1] - scale.ticks[0] }),
        showLegend: true,
        legendPos: "b",
        legendFontSize: 14,
      } as unknown as unknown[],
    );
    addFootnote(slide, ec, nativeLineMarks(data, ec));
    // The legend names the companies, not the helper series drawn for them.
    return { legend: data.actual.map((d) => d.name), whiskers: data.whiskers };
  }
  // A stake over time is a line, as on the page; other bar charts are columns (floating bars draw their ranges).
  if (ec.history) {
    const { marks, whiskers } = addStakeLineChart(pptx, slide, ec, common);
    addFootnote(slide, ec, marks);
    return { legend: null, whiskers };
  }
  addFootnote(slide, ec, addBarChart(pptx, slide, ec, divisor, common));
  return { legend: null, whiskers: [] };
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
  const edits = addChartSlide(pptx, ec);
  addPictureSlide(pptx, ec);
  return withChartEdits(await toBuffer(pptx), [edits]);
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
  const edits = charts.map((ec) => addChartSlide(pptx, ec));
  const sources = pptx.addSlide();
  sources.addText("Sources", { x: 0.5, y: 0.3, w: 12.3, h: 0.7, fontFace: FONT, fontSize: 30, bold: true });
  const seen = new Map<string, string>();
  for (const ec of charts) for (const s of ec.sources) seen.set(s.title, `${s.title}${s.year ? ` (${s.year})` : ""}`);
  sources.addText(
    [...seen.values()].map((text) => ({ text, options: { bullet: true, breakLine: true } })),
    { x: 0.5, y: 1.2, w: 12.3, h: 5.9, fontFace: FONT, fontSize: 16, valign: "top", fit: "shrink" },
  );
  for (const ec of charts) addPictureSlide(pptx, ec);
  return withChartEdits(await toBuffer(pptx), edits);
}
