import type { ExportChart } from "~/models/exports.server";
import { TABLE_COLUMNS } from "./tableColumns";

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

/**
 * The data behind a chart, one row per figure, UTF-8 with a byte-order mark so Excel reads the accents; links are
 * absolute (`origin` is the request's), so they work from a file opened anywhere.
 */
export function renderCsv(ec: ExportChart, origin: string): string {
  const lines = [TABLE_COLUMNS.map((c) => csvCell(c.header)).join(",")];
  for (const r of ec.rows) lines.push(TABLE_COLUMNS.map((c) => csvCell(c.value(r, origin))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
