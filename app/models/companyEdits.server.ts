import { json } from "@remix-run/node";
import { getSql } from "~/db.server";
import { busyAsResponse } from "~/utils/writeBusy.server";
import { getWriteSql } from "~/writeDb.server";
import { mergeCompany, removeCompany, renameCompany } from "../../db/companies";
import { type UndoOutcome, undoMerge, undoRemoval } from "../../db/companyUndo";
import { ReviewError } from "../../db/reviews";

/** What the company page shows analysts about a company's own record: its other names, and whether it was removed. */
export interface CompanyRecord {
  aliases: string[];
  /** Who removed it, when, and the audit row an admin undoes it by. */
  removed: { userName: string; at: string; auditId: number | null } | null;
  /** Companies merged into it and not split off again, newest first (asked for admins only, who may undo them). */
  merged: Array<{ auditId: number; name: string; userName: string; at: string }>;
}

/** Merges into a company listed on its page for an admin to undo. */
const MERGES_LISTED = 10;

export async function companyRecord(companyId: number, withMerges = false): Promise<CompanyRecord> {
  const sql = await getSql();
  const aliases = (
    await sql.all<{ alias: string }>("SELECT alias FROM company_aliases WHERE company_id = ? ORDER BY alias LIMIT 50", [
      companyId,
    ])
  ).map((r) => r.alias);
  const removal = await sql.get<{ userName: string; at: string }>(
    'SELECT user_name AS "userName", at FROM company_removals WHERE company_id = ?',
    [companyId],
  );
  // The removal's audit row names the company by id ("company 12 (Springfield)").
  const audit = removal
    ? await sql.get<{ id: number }>(
        "SELECT id FROM audit_log WHERE action = 'company.remove' AND subject LIKE ? ORDER BY id DESC LIMIT 1",
        [`company ${companyId} (%`],
      )
    : undefined;
  return {
    aliases,
    removed: removal ? { ...removal, auditId: audit?.id ?? null } : null,
    merged: withMerges ? await mergedInto(companyId) : [],
  };
}

/**
 * The merges into a company (their audit rows say "company 7 (Halvard Foods) into company 3 (Halvard)") that no
 * undo names since ("undo of audit 41: …"): read by their subjects, as both backends match LIKE alike. The audit
 * trail is scanned, so only an admin's page asks.
 */
async function mergedInto(companyId: number): Promise<CompanyRecord["merged"]> {
  const sql = await getSql();
  const into = `% into company ${companyId} (%`;
  const merges = await sql.all<{ auditId: number; subject: string; userName: string; at: string }>(
    `SELECT id AS "auditId", subject, user_name AS "userName", at FROM audit_log
     WHERE action = 'company.merge' AND subject LIKE ? ORDER BY id DESC LIMIT ?`,
    [into, MERGES_LISTED],
  );
  const undone = new Set(
    (
      await sql.all<{ subject: string }>(
        "SELECT subject FROM audit_log WHERE action = 'company.unmerge' AND subject LIKE ?",
        [`undo of audit %${into}`],
      )
    ).map((r) => Number(/^undo of audit (\d+):/.exec(r.subject)?.[1])),
  );
  return merges
    .filter((m) => !undone.has(Number(m.auditId)))
    .map((m) => ({
      auditId: Number(m.auditId),
      name: /^company \d+ \((.*)\) into company \d+ \(/.exec(m.subject)?.[1] ?? m.subject,
      userName: m.userName,
      at: m.at,
    }));
}

/**
 * Undoes the company merge or removal audited as `auditId` (db/companyUndo.ts), audited itself; the slug of the
 * company it brings back. Failures as for changeCompany.
 */
export async function undoCompanyChange(userName: string, auditId: number): Promise<UndoOutcome> {
  const db = await getWriteSql();
  return failures(async () => {
    const row = await db.get<{ action: string }>("SELECT action FROM audit_log WHERE id = ?", [auditId]);
    if (row?.action === "company.merge") return undoMerge(db, auditId, userName);
    if (row?.action === "company.remove") return undoRemoval(db, auditId, userName);
    throw new ReviewError(`Audit row ${auditId} is no company merge or removal: only those are undone here.`, 404);
  });
}

/** Mistakes and clashes as the answers the routes show; an import holding the lock a 503. */
async function failures<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (err) {
    if (err instanceof ReviewError) throw json({ message: err.message }, { status: err.status });
    throw busyAsResponse(err);
  }
}

export type CompanyChange =
  | { action: "rename"; name: string }
  | { action: "merge"; intoId: number }
  | { action: "remove" };

/**
 * Applies one analyst's change to a company through the server's write connection, audited. The slug to go to
 * afterwards comes back (the new name's, or the company merged into). Mistakes are 400s, a company gone meanwhile a
 * 404, a clash or a removed company a 409, each with what to do, and an import holding the lock a 503.
 */
export async function changeCompany(
  userName: string,
  companyId: number,
  change: CompanyChange,
): Promise<{ slug: string }> {
  const db = await getWriteSql();
  return failures(async () => {
    if (change.action === "rename") return { slug: (await renameCompany(db, companyId, change.name, userName)).slug };
    if (change.action === "merge") return { slug: (await mergeCompany(db, companyId, change.intoId, userName)).slug };
    await removeCompany(db, companyId, userName);
    const row = await db.get<{ slug: string }>("SELECT slug FROM companies WHERE id = ?", [companyId]);
    return { slug: row!.slug };
  });
}
