import { renderToStaticMarkup } from "react-dom/server";
import { CompareLineChart } from "~/components/charts/CompareLineChart";
import { FigureBarChart } from "~/components/charts/FigureBarChart";
import { COLOURS, SERIES_COLOURS } from "~/components/charts/palette";
import { StakeChart } from "~/components/charts/StakeChart";
import type { ExportChart } from "~/models/exports.server";

/** A 16:9 slide-sized drawing: large enough to read when projected. */
export const EXPORT_WIDTH = 1280;
export const EXPORT_HEIGHT = 720;
export const FONT_FAMILY = "Inter";

const CHART_TOP = 120;
const CHART_HEIGHT = 500;
const MARGIN = 40;

export const xml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** The chart itself, drawn by the same components the pages use, without tooltips or links. */
function chartMarkup(ec: ExportChart, width: number, height: number): string {
  const element = ec.lines ? (
    <CompareLineChart chart={ec.lines} width={width} height={height} interactive={false} fontSize={16} />
  ) : ec.history ? (
    <StakeChart points={ec.history} title={ec.title} width={width} height={height} interactive={false} fontSize={16} />
  ) : (
    <FigureBarChart
      points={ec.bars ?? []}
      unit={ec.unit}
      title={ec.title}
      signColours={ec.signColours}
      axis={ec.axis}
      width={width}
      height={height}
      interactive={false}
      fontSize={16}
    />
  );
  return renderToStaticMarkup(element);
}

/** The pieces of recharts' markup a standalone SVG keeps: the hatch patterns and the drawing's own <svg>. */
function extractSvg(markup: string): { defs: string; surface: string } {
  const defs = /<defs>[\s\S]*?<\/defs>/.exec(markup)?.[0] ?? "";
  const surface = /<svg[^>]*class="recharts-surface"[\s\S]*?<\/svg>(?=<\/div>|<div)/.exec(markup)?.[0];
  if (!surface) throw new Error("the chart drew no SVG");
  return { defs, surface };
}

/** Wraps text at about `chars` characters per line, at most `lines` lines, the last one cut with an ellipsis. */
function wrap(text: string, chars: number, lines: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if ((line ? `${line} ${word}` : word).length > chars && line) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = `${kept[lines - 1].slice(0, chars - 1)}…`;
    return kept;
  }
  return out;
}

/** Recharts draws its legend in HTML, which a standalone SVG cannot hold: the series are named here instead. */
function legendMarkup(names: string[]): string {
  let x = EXPORT_WIDTH - MARGIN - names.reduce((w, n) => w + n.length * 10 + 52, 0);
  return names
    .map((name, i) => {
      const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
      const item = `<line x1="${x}" y1="86" x2="${x + 28}" y2="86" stroke="${colour}" stroke-width="4"/><text x="${x + 36}" y="92" font-size="18">${xml(name)}</text>`;
      x += name.length * 10 + 52;
      return item;
    })
    .join("");
}

/** The source line: the articles the figures come from, with their years. */
export function sourceLine(ec: ExportChart): string {
  const list = ec.sources.map((s) => `${s.title}${s.year ? ` (${s.year})` : ""}`);
  return `Source: ${list.length ? list.join("; ") : "no article"}`;
}

/**
 * A standalone SVG of the chart: title, subtitle, the chart, the source line and marks, with its styles inline
 * and no CSS variables, so it opens alike in a browser, Inkscape and PowerPoint.
 */
export function renderSvg(ec: ExportChart): string {
  const { defs, surface } = extractSvg(chartMarkup(ec, EXPORT_WIDTH - 2 * MARGIN, CHART_HEIGHT));
  const placed = surface.replace(/^<svg/, `<svg x="${MARGIN}" y="${CHART_TOP}"`).replace(/ style="[^"]*"/, "");
  const sourceLines = wrap(sourceLine(ec), 150, 2);
  const marks = [...ec.notes, ...ec.marks].join(" · ");
  const footY = CHART_TOP + CHART_HEIGHT + 24;
  const legend = ec.lines ? legendMarkup(ec.lines.companies.map((c) => c.name)) : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${EXPORT_WIDTH}" height="${EXPORT_HEIGHT}" viewBox="0 0 ${EXPORT_WIDTH} ${EXPORT_HEIGHT}" font-family="${FONT_FAMILY}, sans-serif">`,
    `<title>${xml(ec.title)}</title>`,
    `<desc>${xml(`${ec.subtitle}. ${sourceLine(ec)}`)}</desc>`,
    `<style>text{font-family:${FONT_FAMILY},sans-serif;fill:${COLOURS.text}}.recharts-cartesian-axis-tick-value{fill:#555}</style>`,
    defs,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="56" font-size="34" font-weight="700">${xml(ec.title)}</text>`,
    `<text x="${MARGIN}" y="92" font-size="20" fill="#566573">${xml(ec.subtitle)}</text>`,
    placed,
    legend,
    ...sourceLines.map(
      (l, i) => `<text x="${MARGIN}" y="${footY + i * 20}" font-size="15" fill="#566573">${xml(l)}</text>`,
    ),
    marks
      ? `<text x="${EXPORT_WIDTH - MARGIN}" y="${EXPORT_HEIGHT - 16}" font-size="15" text-anchor="end" fill="#566573">${xml(marks)}</text>`
      : "",
    "</svg>",
  ].join("\n");
}
