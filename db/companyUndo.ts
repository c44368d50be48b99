import { writeAudit } from "./audit";
import type { DbHandle } from "./client";
import { ReviewError } from "./reviews";
import { forgetAliases } from "./store";

/**
 * Undoing an analyst's merge or removal of a company (docs/decisions/025). What an undo needs is written, when the
 * change is made, into the change's own audit row (`before.undo`); the undo reads it back from there, puts every
 * row as it was, and writes an audit row of its own (`company.unmerge`, `company.unremove`) naming the row it
 * undoes, so a change is undone once.
 */

type Row = Record<string, string | number | null>;

/** What a merge changed, to put back. */
export interface MergeUndo {
  /** The merged company's row as it was. */
  company: Row;
  intoId: number;
  /** Facts that were the merged company's, as subject and as the company held. */
  factIds: number[];
  counterpartyFactIds: number[];
  /** Alias keys that were the merged company's, and those the company merged into already had. */
  aliases: string[];
  intoAliases: string[];
  /** Old addresses that led to the merged company. */
  redirects: string[];
}

/** One fact a removal rejected: its row as it was, its segment, and its review row before and after. */
export interface RemovedFact {
  fact: Row;
  segment: string | null;
  /** The fact's review row before the removal (a confirmation, a correction, an added fact), if it had one. */
  review: Row | null;
  /** The review row the removal wrote for a fact nobody had reviewed. */
  createdReviewId: number | null;
}

export interface RemovalUndo {
  companyId: number;
  at: string;
  facts: RemovedFact[];
}

const ids = (handle: DbHandle, sql: string, ...args: Array<string | number>) =>
  (handle.sqlite.prepare(sql).all(...args) as Array<{ id: number }>).map((r) => r.id);

const aliasKeys = (handle: DbHandle, companyId: number) =>
  (
    handle.sqlite
      .prepare("SELECT alias FROM company_aliases WHERE company_id = ? ORDER BY alias")
      .all(companyId) as Array<{
      alias: string;
    }>
  ).map((r) => r.alias);

/** Read inside the merge's transaction, before anything moves. */
export function mergeUndoData(handle: DbHandle, fromId: number, intoId: number): MergeUndo {
  return {
    company: handle.sqlite.prepare("SELECT * FROM companies WHERE id = ?").get(fromId) as Row,
    intoId,
    factIds: ids(handle, "SELECT id FROM facts WHERE company_id = ? ORDER BY id", fromId),
    counterpartyFactIds: ids(handle, "SELECT id FROM facts WHERE counterparty_id = ? ORDER BY id", fromId),
    aliases: aliasKeys(handle, fromId),
    intoAliases: aliasKeys(handle, intoId),
    redirects: (
      handle.sqlite
        .prepare("SELECT slug FROM company_redirects WHERE company_id = ? ORDER BY slug")
        .all(fromId) as Array<{
        slug: string;
      }>
    ).map((r) => r.slug),
  };
}

/** Read inside the removal's transaction, before the fact is rejected. */
export function factBeforeRemoval(handle: DbHandle, factId: number): Omit<RemovedFact, "createdReviewId"> | null {
  const fact = handle.sqlite.prepare("SELECT * FROM facts WHERE id = ?").get(factId) as Row | undefined;
  if (!fact) return null;
  const segment = handle.sqlite.prepare("SELECT segment FROM fact_segments WHERE fact_id = ?").get(factId) as
    | { segment: string }
    | undefined;
  const review = handle.sqlite.prepare("SELECT * FROM fact_reviews WHERE fact_id = ?").get(factId) as Row | undefined;
  return { fact, segment: segment?.segment ?? null, review: review ?? null };
}

/** The audit row of a merge or removal, its undo data, and whether it was undone already. */
function changeToUndo(handle: DbHandle, auditId: number, action: string): { subject: string; undo: unknown } {
  const row = handle.sqlite.prepare("SELECT action, subject, before FROM audit_log WHERE id = ?").get(auditId) as
    | { action: string; subject: string; before: string | null }
    | undefined;
  if (!row || row.action !== action) throw new ReviewError(`No ${action} in the audit trail under ${auditId}.`, 404);
  const undo = row.before ? (JSON.parse(row.before) as { undo?: unknown }).undo : undefined;
  // Changes made before undo data was kept cannot be put back exactly.
  if (!undo) throw new ReviewError(`That ${action.replace("company.", "")} was made before undos were kept.`, 409);
  const done = handle.sqlite
    .prepare(
      "SELECT user_name AS userName, at FROM audit_log WHERE action LIKE 'company.un%' AND json_extract(after, '$.undoes') = ?",
    )
    .get(auditId) as { userName: string; at: string } | undefined;
  if (done) throw new ReviewError(`It was undone already, by ${done.userName} on ${done.at.slice(0, 10)}.`, 409);
  return { subject: row.subject, undo };
}

function insertRow(handle: DbHandle, table: string, row: Row): void {
  const columns = Object.keys(row);
  handle.sqlite
    .prepare(
      `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    )
    .run(...columns.map((c) => row[c]));
}

/** Runs `sql` (with one `IN (…)` list) over `list` in slices SQLite can bind. */
function inSlices(handle: DbHandle, sql: (marks: string) => string, list: number[], ...before: number[]): number {
  let changed = 0;
  for (let i = 0; i < list.length; i += 500) {
    const part = list.slice(i, i + 500);
    changed += handle.sqlite.prepare(sql(part.map(() => "?").join(","))).run(...before, ...part).changes;
  }
  return changed;
}

/**
 * Undoes the merge audited as `auditId`: the merged company comes back with its id, name and slug, its facts (those
 * still filed under the company it was merged into), its aliases and its old addresses. Refused (409) when the
 * company merged into is gone (merged or removed since: undo that first) or the name is taken again.
 */
export function undoMerge(handle: DbHandle, auditId: number, userName: string): { slug: string } {
  const run = handle.sqlite.transaction(() => {
    const { subject, undo } = changeToUndo(handle, auditId, "company.merge");
    const u = undo as MergeUndo;
    const into = handle.sqlite.prepare("SELECT id, name FROM companies WHERE id = ?").get(u.intoId) as
      | { id: number; name: string }
      | undefined;
    if (!into) throw new ReviewError("The company it was merged into is gone (merged since?): undo that first.", 409);
    if (handle.sqlite.prepare("SELECT 1 FROM company_removals WHERE company_id = ?").get(u.intoId)) {
      throw new ReviewError(`${into.name} was removed as no company since: undo the removal first.`, 409);
    }
    const taken = handle.sqlite
      .prepare("SELECT name FROM companies WHERE name = ? OR slug = ? OR id = ?")
      .get(u.company.name, u.company.slug, u.company.id) as { name: string } | undefined;
    if (taken) throw new ReviewError(`"${taken.name}" is a company again: rename it before undoing the merge.`, 409);
    const fromId = Number(u.company.id);
    insertRow(handle, "companies", u.company);
    const moved = inSlices(
      handle,
      (m) => `UPDATE facts SET company_id = ? WHERE company_id = ? AND id IN (${m})`,
      u.factIds,
      fromId,
      u.intoId,
    );
    const movedHeld = inSlices(
      handle,
      (m) => `UPDATE facts SET counterparty_id = ? WHERE counterparty_id = ? AND id IN (${m})`,
      u.counterpartyFactIds,
      fromId,
      u.intoId,
    );
    const alias = handle.sqlite.prepare("UPDATE company_aliases SET company_id = ? WHERE alias = ? AND company_id = ?");
    for (const a of u.aliases) alias.run(fromId, a, u.intoId);
    // The merge filed the merged name under the company merged into; a key neither had before goes again.
    const nameKey = String(u.company.name).trim().toLowerCase();
    if (!u.aliases.includes(nameKey) && !u.intoAliases.includes(nameKey)) {
      handle.sqlite.prepare("DELETE FROM company_aliases WHERE alias = ? AND company_id = ?").run(nameKey, u.intoId);
    }
    handle.sqlite.prepare("DELETE FROM company_redirects WHERE slug = ?").run(u.company.slug);
    const redirect = handle.sqlite.prepare(
      "UPDATE company_redirects SET company_id = ? WHERE slug = ? AND company_id = ?",
    );
    for (const slug of u.redirects) redirect.run(fromId, slug, u.intoId);
    writeAudit(handle, {
      userName,
      action: "company.unmerge",
      subject: `undo of audit ${auditId}: ${subject}`,
      before: { name: into.name, merged: true },
      after: {
        undoes: auditId,
        name: u.company.name,
        slug: u.company.slug,
        aliases: aliasKeys(handle, fromId),
        facts: moved,
        factsAsCounterparty: movedHeld,
        factsLeft: u.factIds.length + u.counterpartyFactIds.length - moved - movedHeld,
      },
    });
    return { slug: String(u.company.slug) };
  });
  try {
    return run.immediate();
  } finally {
    forgetAliases(handle);
  }
}

/**
 * Undoes the removal audited as `auditId`: the name is a company again and each fact the removal rejected comes
 * back as it was (its id, values, segment and review: confirmed, corrected, added or none). A fact whose rejection
 * someone changed since (restored on /review, say) is left as it is now, and one whose article was imported again
 * is left rejected, restorable on /review; the audit row counts both.
 */
export function undoRemoval(handle: DbHandle, auditId: number, userName: string): { slug: string } {
  const run = handle.sqlite.transaction(() => {
    const { subject, undo } = changeToUndo(handle, auditId, "company.remove");
    const u = undo as RemovalUndo;
    const company = handle.sqlite.prepare("SELECT name, slug FROM companies WHERE id = ?").get(u.companyId) as
      | { name: string; slug: string }
      | undefined;
    const removal = handle.sqlite.prepare("SELECT at FROM company_removals WHERE company_id = ?").get(u.companyId) as
      | { at: string }
      | undefined;
    if (!company || removal?.at !== u.at) throw new ReviewError("That removal no longer stands: reload.", 409);
    handle.sqlite.prepare("DELETE FROM company_removals WHERE company_id = ?").run(u.companyId);
    let restored = 0;
    let changedSince = 0;
    let reimported = 0;
    for (const f of u.facts) {
      const reviewId = f.review?.state === "added" ? null : ((f.review?.id as number | undefined) ?? f.createdReviewId);
      const now = reviewId
        ? (handle.sqlite.prepare("SELECT state, fact_id AS factId FROM fact_reviews WHERE id = ?").get(reviewId) as
            | { state: string; factId: number | null }
            | undefined)
        : undefined;
      const article = handle.sqlite.prepare("SELECT 1 FROM articles WHERE id = ?").get(f.fact.article_id);
      if (reviewId && (now?.state !== "rejected" || now.factId !== null)) {
        changedSince++;
        continue;
      }
      if (!article || handle.sqlite.prepare("SELECT 1 FROM facts WHERE id = ?").get(f.fact.id)) {
        reimported++;
        continue;
      }
      insertRow(handle, "facts", f.fact);
      if (f.segment !== null) insertRow(handle, "fact_segments", { fact_id: f.fact.id, segment: f.segment });
      if (f.review?.state === "added") insertRow(handle, "fact_reviews", f.review);
      else if (f.review) {
        const { id, ...columns } = f.review;
        const names = Object.keys(columns);
        handle.sqlite
          .prepare(`UPDATE fact_reviews SET ${names.map((c) => `"${c}" = ?`).join(", ")} WHERE id = ?`)
          .run(...names.map((c) => columns[c]), id);
      } else handle.sqlite.prepare("DELETE FROM fact_reviews WHERE id = ?").run(f.createdReviewId);
      restored++;
    }
    writeAudit(handle, {
      userName,
      action: "company.unremove",
      subject: `undo of audit ${auditId}: ${subject}`,
      before: { removed: true },
      after: {
        undoes: auditId,
        removed: false,
        factsRestored: restored,
        factsChangedSince: changedSince,
        factsReimported: reimported,
      },
    });
    return { slug: company.slug };
  });
  return run.immediate();
}
