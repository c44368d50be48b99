import { getSql } from "~/db.server";
import { undoRows } from "../../db/companyUndo";
import type { AuditRow } from "./reviewTypes";

const PAGE_SIZE = 50;

const show = (v: unknown): string =>
  v === undefined ? "" : v === null ? "—" : typeof v === "string" ? v : JSON.stringify(v);

/**
 * The fields that differ between before and after. A row with only one side lists that side; an after that names
 * fewer fields (a rejection says only the review state) is compared on its own fields.
 */
function changes(before: string | null, after: string | null): AuditRow["changes"] {
  const b = (before ? JSON.parse(before) : {}) as Record<string, unknown>;
  const a = (after ? JSON.parse(after) : {}) as Record<string, unknown>;
  // `undo` holds what undoing a company change needs (db/companyUndo.ts): rows, not a change to show.
  const keys = (after ? Object.keys(a) : Object.keys(b)).filter((k) => k !== "undo");
  return keys
    .filter((k) => show(b[k]) !== show(a[k]) || !before || !after)
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }));
}

/** Company changes an admin may undo from the trail (db/companyUndo.ts). */
const UNDOABLE = new Set(["company.merge", "company.remove"]);

/** The audit rows undone already: each undo's row names the one it undid. */
async function undoneIds(): Promise<Set<number>> {
  return new Set((await undoRows(await getSql())).map((r) => r.undoes));
}

type StoredRow = Omit<AuditRow, "changes" | "articleId"> & { before: string | null; after: string | null };

async function auditRows(limit: number, offset: number): Promise<AuditRow[]> {
  const rows = await (await getSql()).all<StoredRow>(
    `SELECT id, at, user_name AS "userName", action, subject, before, after FROM audit_log
     ORDER BY id DESC LIMIT ? OFFSET ?`,
    [limit, offset],
  );
  const undone = await undoneIds();
  return rows.map(({ before, after, ...r }) => {
    const article = /in article (\d+)/.exec(r.subject);
    const undoable =
      UNDOABLE.has(r.action) && !undone.has(Number(r.id)) && before !== null && JSON.parse(before).undo !== undefined;
    return { ...r, articleId: article ? Number(article[1]) : null, changes: changes(before, after), undoable };
  });
}

/** The audit trail, newest first, a page at a time. */
export async function auditPage(page = 1): Promise<{ rows: AuditRow[]; page: number; hasNext: boolean }> {
  const rows = await auditRows(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE };
}

/** The newest `limit` rows of the trail, for its CSV download. */
export function auditForExport(limit = 100_000): Promise<AuditRow[]> {
  return auditRows(limit, 0);
}
