/**
 * The export URLs' vocabulary: chart names, formats and their content types. Plain data with no database behind
 * it, so server.ts can answer HEAD and OPTIONS for /export/... without loading a route or rendering anything.
 */
export const EXPORT_CHARTS = [
  "revenue",
  "revenue-change",
  "stakes",
  "market-share",
  "sales-volume",
  "compare",
] as const;
export type ExportChartName = (typeof EXPORT_CHARTS)[number];

export const CONTENT_TYPES = {
  png: "image/png",
  svg: "image/svg+xml; charset=utf-8",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
export type ExportFormat = keyof typeof CONTENT_TYPES;

const FILE = /^(?<chart>[a-z-]+)\.(?<format>png|svg|pptx|csv|xlsx)$/;

/** `revenue.png` -> its chart and format; null for a name that is no export (the deck is PowerPoint only). */
export function parseExportFile(name: string): { chart: ExportChartName | "deck"; format: ExportFormat } | null {
  const m = FILE.exec(name);
  const chart = m?.groups?.chart;
  const format = m?.groups?.format as ExportFormat | undefined;
  if (!chart || !format) return null;
  if (chart === "deck") return format === "pptx" ? { chart, format } : null;
  return EXPORT_CHARTS.includes(chart as ExportChartName) ? { chart: chart as ExportChartName, format } : null;
}

/** Why a name is no export, as GET, HEAD and OPTIONS all say it (a 404). */
export function unknownExportMessage(name: string): string {
  if (/^deck\.(png|svg|csv|xlsx)$/.test(name)) return "The deck is a PowerPoint file: /export/deck.pptx?company=…";
  return `No export called "${name.replace(/[^\w.-]/g, "?").slice(0, 60)}". Exports are ${EXPORT_CHARTS.join(", ")} as .png, .svg, .pptx, .csv or .xlsx, and deck.pptx.`;
}
