import type { FigureRow } from "~/models/exports.server";

/**
 * The columns of a chart's data, in the order the CSV and the spreadsheet both give them, so the two files say the
 * same. `kind` tells the spreadsheet how to store a cell: numbers as numbers, years as whole numbers without a
 * thousands separator, links as links.
 */
export const TABLE_COLUMNS: Array<{
  header: string;
  kind: "text" | "number" | "year" | "boolean" | "link";
  width: number;
  value: (r: FigureRow, origin: string) => string | number | boolean | null;
}> = [
  { header: "series", kind: "text", width: 28, value: (r) => r.series },
  { header: "label", kind: "text", width: 22, value: (r) => r.label },
  { header: "year", kind: "year", width: 8, value: (r) => r.year },
  { header: "period", kind: "text", width: 8, value: (r) => r.period },
  { header: "base period", kind: "text", width: 12, value: (r) => r.base },
  { header: "low", kind: "number", width: 16, value: (r) => r.low },
  { header: "high", kind: "number", width: 16, value: (r) => r.high },
  { header: "unit", kind: "text", width: 9, value: (r) => r.unit },
  { header: "status", kind: "text", width: 10, value: (r) => r.status },
  { header: "approximate", kind: "boolean", width: 12, value: (r) => r.approximate },
  { header: "source", kind: "text", width: 40, value: (r) => r.sourceTitle },
  { header: "source year", kind: "year", width: 12, value: (r) => r.sourceYear },
  { header: "quote", kind: "text", width: 80, value: (r) => r.quote },
  { header: "link", kind: "link", width: 50, value: (r, origin) => (r.link ? `${origin}${r.link}` : "") },
];
