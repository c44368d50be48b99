import type { ExportChart } from "~/models/exports.server";

const HEADER = [
  "series",
  "label",
  "year",
  "period",
  "low",
  "high",
  "unit",
  "status",
  "approximate",
  "source",
  "source year",
  "quote",
  "link",
];
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * A cell safe to open in a spreadsheet: text starting with =, +, -, @, tab or CR would be read as a formula, so it
 * gets a leading apostrophe; numbers are left as numbers (a negative change is no formula).
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The data behind a chart, one row per figure, UTF-8 with a byte-order mark so Excel reads the accents. */
export function renderCsv(ec: ExportChart): string {
  const lines = [HEADER.map(csvCell).join(",")];
  for (const r of ec.rows) {
    lines.push(
      [
        r.series,
        r.label,
        r.year,
        r.period,
        r.low,
        r.high,
        r.unit,
        r.status,
        r.approximate,
        r.sourceTitle,
        r.sourceYear,
        r.quote,
        r.link,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
