import { writeAudit } from "./audit";
import {
  type MergedFactKey,
  mergedFactKeys,
  moveReimportedFacts,
  restoreIntoReimported,
  restoreLaterRejections,
} from "./companyUndoReimported";
import { describeFact, ReviewError } from "./reviews";
import type { Sql, SqlValue } from "./sql";
import { forgetAliases } from "./store";

/**
 * Undoing an analyst's merge or removal of a company (docs/decisions/025). What an undo needs is written, when the
 * change is made, into the change's own audit row (`before.undo`); the undo reads it back from there, puts every
 * row as it was, and writes an audit row of its own (`company.unmerge`, `company.unremove`) naming the row it
 * undoes, so a change is undone once.
 */

type Row = Record<string, SqlValue>;

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
  /** The same facts by article path and sentence, to find them after a re-import (absent in merges made before). */
  factKeys?: MergedFactKey[];
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

const ids = async (tx: Sql, sql: string, ...args: SqlValue[]) =>
  (await tx.all<{ id: number }>(sql, args)).map((r) => Number(r.id));

const aliasKeys = async (tx: Sql, companyId: number) =>
  (
    await tx.all<{ alias: string }>("SELECT alias FROM company_aliases WHERE company_id = ? ORDER BY alias", [
      companyId,
    ])
  ).map((r) => r.alias);

/** Read inside the merge's transaction, before anything moves. */
export async function mergeUndoData(tx: Sql, fromId: number, intoId: number): Promise<MergeUndo> {
  return {
    company: (await tx.get<Row>("SELECT * FROM companies WHERE id = ?", [fromId])) as Row,
    intoId,
    factIds: await ids(tx, "SELECT id FROM facts WHERE company_id = ? ORDER BY id", fromId),
    counterpartyFactIds: await ids(tx, "SELECT id FROM facts WHERE counterparty_id = ? ORDER BY id", fromId),
    aliases: await aliasKeys(tx, fromId),
    intoAliases: await aliasKeys(tx, intoId),
    redirects: (
      await tx.all<{ slug: string }>("SELECT slug FROM company_redirects WHERE company_id = ? ORDER BY slug", [fromId])
    ).map((r) => r.slug),
    factKeys: await mergedFactKeys(tx, fromId, intoId),
  };
}

/** Read inside the removal's transaction, before the fact is rejected. */
export async function factBeforeRemoval(tx: Sql, factId: number): Promise<Omit<RemovedFact, "createdReviewId"> | null> {
  const fact = await tx.get<Row>("SELECT * FROM facts WHERE id = ?", [factId]);
  if (!fact) return null;
  const segment = await tx.get<{ segment: string }>("SELECT segment FROM fact_segments WHERE fact_id = ?", [factId]);
  const review = await tx.get<Row>("SELECT * FROM fact_reviews WHERE fact_id = ?", [factId]);
  return { fact, segment: segment?.segment ?? null, review: review ?? null };
}

/**
 * The undos in the audit trail, each with the audit row it undid (`after.undoes`). Read as text and parsed here,
 * so the same query runs on SQLite and PostgreSQL (the trail keeps JSON as text on both).
 */
export async function undoRows(db: Sql): Promise<Array<{ undoes: number; userName: string; at: string }>> {
  const rows = await db.all<{ userName: string; at: string; after: string | null }>(
    `SELECT user_name AS "userName", at, after FROM audit_log WHERE action IN ('company.unmerge', 'company.unremove')`,
  );
  return rows.flatMap((r) => {
    const undoes = r.after ? (JSON.parse(r.after) as { undoes?: unknown }).undoes : undefined;
    return typeof undoes === "number" ? [{ undoes, userName: r.userName, at: r.at }] : [];
  });
}

/** The audit row of a merge or removal, its undo data, and whether it was undone already. */
async function changeToUndo(tx: Sql, auditId: number, action: string): Promise<{ subject: string; undo: unknown }> {
  const row = await tx.get<{ action: string; subject: string; before: string | null }>(
    "SELECT action, subject, before FROM audit_log WHERE id = ?",
    [auditId],
  );
  if (!row || row.action !== action) throw new ReviewError(`No ${action} in the audit trail under ${auditId}.`, 404);
  const undo = row.before ? (JSON.parse(row.before) as { undo?: unknown }).undo : undefined;
  // Changes made before undo data was kept cannot be put back exactly.
  if (!undo) throw new ReviewError(`That ${action.replace("company.", "")} was made before undos were kept.`, 409);
  const done = (await undoRows(tx)).find((r) => r.undoes === auditId);
  if (done) throw new ReviewError(`It was undone already, by ${done.userName} on ${done.at.slice(0, 10)}.`, 409);
  return { subject: row.subject, undo };
}

async function insertRow(tx: Sql, table: string, row: Row): Promise<void> {
  const columns = Object.keys(row);
  await tx.run(
    `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    columns.map((c) => row[c]),
  );
}

/** Where an undo lands: the company brought back, and its own audit row, which says what it could not bring back. */
export interface UndoOutcome {
  slug: string;
  undoAuditId: number;
}

/** The audit row just written: write transactions run one at a time (decision 020). */
const newestAuditId = async (tx: Sql) =>
  Number((await tx.get<{ id: number }>("SELECT max(id) AS id FROM audit_log"))!.id);

/** Runs `sql` (with one `IN (…)` list) over `list` in slices SQLite can bind. */
async function inSlices(tx: Sql, sql: (marks: string) => string, list: number[], ...before: number[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < list.length; i += 500) {
    const part = list.slice(i, i + 500);
    changed += await tx.run(sql(part.map(() => "?").join(",")), [...before, ...part]);
  }
  return changed;
}

/**
 * Undoes the merge audited as `auditId`: the merged company comes back with its id, name and slug, its facts (those
 * still filed under the company it was merged into), its aliases and its old addresses. Refused (409) when the
 * company merged into is gone (merged or removed since: undo that first) or the name is taken again.
 */
export async function undoMerge(db: Sql, auditId: number, userName: string): Promise<UndoOutcome> {
  const run = db.transaction(async (tx) => {
    const { subject, undo } = await changeToUndo(tx, auditId, "company.merge");
    const u = undo as MergeUndo;
    const into = await tx.get<{ id: number; name: string }>("SELECT id, name FROM companies WHERE id = ?", [u.intoId]);
    if (!into) throw new ReviewError("The company it was merged into is gone (merged since?): undo that first.", 409);
    if (await tx.get("SELECT 1 AS one FROM company_removals WHERE company_id = ?", [u.intoId])) {
      throw new ReviewError(`${into.name} was removed as no company since: undo the removal first.`, 409);
    }
    const taken = await tx.get<{ name: string }>("SELECT name FROM companies WHERE name = ? OR slug = ? OR id = ?", [
      u.company.name,
      u.company.slug,
      u.company.id,
    ]);
    if (taken) throw new ReviewError(`"${taken.name}" is a company again: rename it before undoing the merge.`, 409);
    const fromId = Number(u.company.id);
    await insertRow(tx, "companies", u.company);
    const moved = await inSlices(
      tx,
      (m) => `UPDATE facts SET company_id = ? WHERE company_id = ? AND id IN (${m})`,
      u.factIds,
      fromId,
      u.intoId,
    );
    const movedHeld = await inSlices(
      tx,
      (m) => `UPDATE facts SET counterparty_id = ? WHERE counterparty_id = ? AND id IN (${m})`,
      u.counterpartyFactIds,
      fromId,
      u.intoId,
    );
    for (const a of u.aliases) {
      await tx.run("UPDATE company_aliases SET company_id = ? WHERE alias = ? AND company_id = ?", [
        fromId,
        a,
        u.intoId,
      ]);
    }
    // Facts whose article was imported again since have new ids: found by their sentence (decision 033).
    const reimported = u.factKeys
      ? await moveReimportedFacts(tx, u.factKeys, fromId, u.intoId)
      : { moved: 0, ambiguous: 0, corrected: 0, notFound: 0 };
    // The merge filed the merged name under the company merged into; a key neither had before goes again.
    const nameKey = String(u.company.name).trim().toLowerCase();
    if (!u.aliases.includes(nameKey) && !u.intoAliases.includes(nameKey)) {
      await tx.run("DELETE FROM company_aliases WHERE alias = ? AND company_id = ?", [nameKey, u.intoId]);
    }
    await tx.run("DELETE FROM company_redirects WHERE slug = ?", [u.company.slug]);
    for (const slug of u.redirects) {
      await tx.run("UPDATE company_redirects SET company_id = ? WHERE slug = ? AND company_id = ?", [
        fromId,
        slug,
        u.intoId,
      ]);
    }
    await writeAudit(tx, {
      userName,
      action: "company.unmerge",
      subject: `undo of audit ${auditId}: ${subject}`,
      before: { name: into.name, merged: true },
      after: {
        undoes: auditId,
        name: u.company.name,
        slug: u.company.slug,
        aliases: await aliasKeys(tx, fromId),
        facts: moved,
        factsAsCounterparty: movedHeld,
        factsReimportedMoved: reimported.moved,
        factsLeft: u.factIds.length + u.counterpartyFactIds.length - moved - movedHeld - reimported.moved,
        factsLeftAmbiguous: reimported.ambiguous,
        factsLeftCorrected: reimported.corrected,
        // A merge made before the keys were kept cannot find its re-imported facts: they stay where they are.
        factsLeftUnknown: u.factKeys ? 0 : u.factIds.length + u.counterpartyFactIds.length - moved - movedHeld,
      },
    });
    return { slug: String(u.company.slug), undoAuditId: await newestAuditId(tx) };
  });
  try {
    return await run;
  } finally {
    forgetAliases(db);
  }
}

/**
 * Undoes the removal audited as `auditId`: the name is a company again and each fact the removal rejected comes
 * back as it was (its id, values, segment and review: confirmed, corrected, added or none). A fact whose rejection
 * someone changed since (restored on /review, say) is left as it is now, and one whose article was imported again
 * is left rejected, restorable on /review; the audit row counts both.
 */
export function undoRemoval(db: Sql, auditId: number, userName: string): Promise<UndoOutcome> {
  return db.transaction(async (tx) => {
    const { subject, undo } = await changeToUndo(tx, auditId, "company.remove");
    const u = undo as RemovalUndo;
    const company = await tx.get<{ name: string; slug: string }>("SELECT name, slug FROM companies WHERE id = ?", [
      u.companyId,
    ]);
    const removal = await tx.get<{ userName: string; at: string }>(
      `SELECT user_name AS "userName", at FROM company_removals WHERE company_id = ?`,
      [u.companyId],
    );
    if (!company || !removal || removal.at !== u.at)
      throw new ReviewError("That removal no longer stands: reload.", 409);
    await tx.run("DELETE FROM company_removals WHERE company_id = ?", [u.companyId]);
    const counts = {
      restored: 0,
      changedSince: 0,
      reimported: 0,
      reimportedRestored: 0,
      notGivenAgain: 0,
      articleGone: 0,
    };
    const handled = new Set<number>();
    for (const f of u.facts) {
      const reviewId = f.review?.state === "added" ? null : ((f.review?.id as number | undefined) ?? f.createdReviewId);
      if (reviewId !== null) handled.add(Number(reviewId));
      const now = reviewId
        ? await tx.get<{ state: string; factId: number | null; articlePath: string; orphaned: number | boolean }>(
            `SELECT state, fact_id AS "factId", article_path AS "articlePath", orphaned FROM fact_reviews WHERE id = ?`,
            [reviewId],
          )
        : undefined;
      if (reviewId && (now?.state !== "rejected" || now.factId !== null)) {
        counts.changedSince++;
        continue;
      }
      if (await tx.get("SELECT 1 AS one FROM facts WHERE id = ?", [f.fact.id])) {
        counts.changedSince++;
        continue;
      }
      if (!(await tx.get("SELECT 1 AS one FROM articles WHERE id = ?", [f.fact.article_id]))) {
        // Its article was imported again since (or deleted): found again by its sentence where it can be.
        counts.reimported++;
        const outcome = await restoreIntoReimported(
          tx,
          f,
          now ? { articlePath: now.articlePath, orphaned: Boolean(now.orphaned) } : null,
        );
        if (outcome === "restored") counts.reimportedRestored++;
        else counts[outcome]++;
        continue;
      }
      await insertRow(tx, "facts", f.fact);
      if (f.segment !== null) await insertRow(tx, "fact_segments", { fact_id: f.fact.id, segment: f.segment });
      if (f.review?.state === "added") await insertRow(tx, "fact_reviews", f.review);
      else if (f.review) {
        const { id, ...columns } = f.review;
        const names = Object.keys(columns);
        await tx.run(`UPDATE fact_reviews SET ${names.map((c) => `"${c}" = ?`).join(", ")} WHERE id = ?`, [
          ...names.map((c) => columns[c]),
          id,
        ]);
      } else await tx.run("DELETE FROM fact_reviews WHERE id = ?", [f.createdReviewId]);
      counts.restored++;
    }
    // Facts imported under the name while it was removed were rejected as they were written: they come back too.
    const later = await restoreLaterRejections(tx, u.companyId, removal, handled, describeFact);
    await writeAudit(tx, {
      userName,
      action: "company.unremove",
      subject: `undo of audit ${auditId}: ${subject}`,
      before: { removed: true },
      after: {
        undoes: auditId,
        name: company.name,
        removed: false,
        factsRestored: counts.restored + counts.reimportedRestored,
        factsChangedSince: counts.changedSince,
        factsReimported: counts.reimported,
        factsReimportedRestored: counts.reimportedRestored,
        factsNotGivenAgain: counts.notGivenAgain,
        factsArticleGone: counts.articleGone,
        factsImportedLaterRestored: later.restored,
        factsImportedLaterLeft: later.left,
      },
    });
    return { slug: company.slug, undoAuditId: await newestAuditId(tx) };
  });
}
