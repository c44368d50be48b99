import ExcelJS from "exceljs";
import type { ExportChart } from "~/models/exports.server";
import { TABLE_COLUMNS } from "./tableColumns";

/** Sheet names are at most 31 characters and may not hold []:*?/\ (Excel refuses the file otherwise). */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Data";

/**
 * The CSV's rows as a spreadsheet: a CSV's encoding is a guess for spreadsheet programs (LibreOffice's default
 * import reads UTF-8 as Latin-1), an .xlsx's is not. Numbers are numbers, years whole numbers, each row's source
 * quote and an absolute link beside it, under a frozen header row. Strings are stored as strings (exceljs writes a
 * formula only when given one), so a quote starting with "=" stays text.
 */
export async function renderXlsx(ec: ExportChart, origin: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Financial figures dashboard";
  workbook.title = ec.title;
  const sheet = workbook.addWorksheet(sheetName(ec.title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = TABLE_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of ec.rows) {
    const row = sheet.addRow(TABLE_COLUMNS.map((c) => c.value(r, origin)));
    TABLE_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.kind === "year") cell.numFmt = "0";
      if (c.kind === "link" && typeof cell.value === "string" && cell.value)
        cell.value = { text: cell.value, hyperlink: cell.value };
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
