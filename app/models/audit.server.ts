import { getDb } from "~/db.server";
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
function undoneIds(): Set<number> {
  const rows = getDb()
    .sqlite.prepare(
      "SELECT json_extract(after, '$.undoes') AS id FROM audit_log WHERE action IN ('company.unmerge', 'company.unremove')",
    )
    .all() as Array<{ id: number | null }>;
  return new Set(rows.flatMap((r) => (r.id === null ? [] : [r.id])));
}

type StoredRow = Omit<AuditRow, "changes" | "articleId"> & { before: string | null; after: string | null };

function auditRows(limit: number, offset: number): AuditRow[] {
  const rows = getDb()
    .sqlite.prepare(
      `SELECT id, at, user_name AS userName, action, subject, before, after FROM audit_log
       ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as StoredRow[];
  const undone = undoneIds();
  return rows.map(({ before, after, ...r }) => {
    const article = /in article (\d+)/.exec(r.subject);
    const undoable =
      UNDOABLE.has(r.action) && !undone.has(r.id) && before !== null && JSON.parse(before).undo !== undefined;
    return { ...r, articleId: article ? Number(article[1]) : null, changes: changes(before, after), undoable };
  });
}

/** The audit trail, newest first, a page at a time. */
export function auditPage(page = 1): { rows: AuditRow[]; page: number; hasNext: boolean } {
  const rows = auditRows(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE };
}

/** The newest `limit` rows of the trail, for its CSV download. */
export function auditForExport(limit = 100_000): AuditRow[] {
  return auditRows(limit, 0);
}
