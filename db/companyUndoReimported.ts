import { type FactSnapshot, insertFactAt } from "./reviews";
import type { Sql, SqlValue } from "./sql";

/**
 * What an undo of a company merge or removal does for facts whose article was imported again after the change
 * (docs/decisions/033). A re-import deletes an article's facts and writes new ones with new ids, so the ids the
 * change's audit row kept no longer name them: these functions find the facts again by their article's path and
 * their sentence, as the reviews themselves do (db/reviews.ts, reapplyReviews), and say what they could not find.
 */

type Row = Record<string, SqlValue>;

/** A merged company's fact, by what survives a re-import: its article's path, kind, sentence and figure's words. */
export interface MergedFactKey {
  id: number;
  path: string;
  kind: string;
  quote: string;
  figureText: string;
  role: "company" | "counterparty";
  /** The company merged into had a fact of its own with the same key in that article: a re-import cannot tell them apart. */
  shared: boolean;
}

const FIGURE_TEXT = "coalesce(substr(a.cleaned_text, f.figure_start + 1, f.figure_end - f.figure_start), '')";

/** Read inside the merge's transaction, before anything moves. */
export async function mergedFactKeys(tx: Sql, fromId: number, intoId: number): Promise<MergedFactKey[]> {
  const keys: MergedFactKey[] = [];
  for (const role of ["company", "counterparty"] as const) {
    const column = role === "company" ? "company_id" : "counterparty_id";
    const rows = await tx.all<Omit<MergedFactKey, "role" | "shared"> & { shared: number | boolean }>(
      `SELECT f.id, a.source_path AS path, f.kind, f.quote, ${FIGURE_TEXT} AS "figureText",
         EXISTS (SELECT 1 FROM facts g WHERE g.article_id = f.article_id AND g.${column} = ? AND g.kind = f.kind
           AND g.quote = f.quote AND ${FIGURE_TEXT.replaceAll("f.", "g.")} = ${FIGURE_TEXT}) AS shared
       FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.${column} = ? ORDER BY f.id`,
      [intoId, fromId],
    );
    for (const r of rows) keys.push({ ...r, id: Number(r.id), role, shared: Boolean(r.shared) });
  }
  return keys;
}

export interface ReimportedMoves {
  /** Facts moved back to the merged company, found again by their sentence in a re-imported article. */
  moved: number;
  /** Facts left with the company merged into: a sentence both companies had a fact in, or more facts than before. */
  ambiguous: number;
  /** Facts a person corrected since to a company the merged name does not lead to: left where they were put. */
  corrected: number;
  /** Facts no longer found (rejected since, or the re-imported article no longer gives them). */
  notFound: number;
}

/**
 * After an undo moved back the merged company's facts by id: those whose id is gone (their article was imported
 * again, and the alias filed them under the company merged into) are found by their article's path, kind,
 * sentence and figure, and moved back too, unless a person corrected the fact to a company the merged name no
 * longer leads to.
 */
export async function moveReimportedFacts(
  tx: Sql,
  keys: MergedFactKey[],
  fromId: number,
  intoId: number,
): Promise<ReimportedMoves> {
  const out: ReimportedMoves = { moved: 0, ambiguous: 0, corrected: 0, notFound: 0 };
  const stillThere = new Set(
    (
      await tx.all<{ id: number }>("SELECT id FROM facts WHERE company_id = ? OR counterparty_id = ?", [fromId, fromId])
    ).map((r) => Number(r.id)),
  );
  const groups = new Map<string, MergedFactKey[]>();
  for (const k of keys) {
    if (stillThere.has(k.id)) continue;
    const key = JSON.stringify([k.path, k.kind, k.quote, k.figureText, k.role]);
    groups.set(key, [...(groups.get(key) ?? []), k]);
  }
  for (const group of groups.values()) {
    const k = group[0];
    if (group.some((g) => g.shared)) {
      out.ambiguous += group.length;
      continue;
    }
    const column = k.role === "company" ? "company_id" : "counterparty_id";
    const found = await tx.all<{ id: number; state: string | null; corrected: string | null }>(
      `SELECT f.id, r.state, r.corrected FROM facts f JOIN articles a ON a.id = f.article_id
         LEFT JOIN fact_reviews r ON r.fact_id = f.id
       WHERE a.source_path = ? AND f.kind = ? AND f.quote = ? AND ${FIGURE_TEXT} = ? AND f.${column} = ?
       ORDER BY f.id`,
      [k.path, k.kind, k.quote, k.figureText, intoId],
    );
    if (found.length > group.length) {
      out.ambiguous += group.length;
      continue;
    }
    out.notFound += group.length - found.length;
    for (const f of found) {
      if (!(await nameLeadsBack(tx, f, k.role, fromId))) {
        out.corrected++;
        continue;
      }
      await tx.run(`UPDATE facts SET ${column} = ? WHERE id = ?`, [fromId, f.id]);
      out.moved++;
    }
  }
  return out;
}

/** A corrected or added fact keeps the company its person named, wherever that name leads now. */
async function nameLeadsBack(
  tx: Sql,
  f: { state: string | null; corrected: string | null },
  role: MergedFactKey["role"],
  fromId: number,
): Promise<boolean> {
  if ((f.state !== "corrected" && f.state !== "added") || !f.corrected) return true;
  const values = JSON.parse(f.corrected) as { company?: string; counterparty?: string | null };
  const name = role === "company" ? values.company : values.counterparty;
  if (!name) return true;
  const owner = await tx.get<{ id: number }>("SELECT company_id AS id FROM company_aliases WHERE alias = ?", [
    name.trim().toLowerCase(),
  ]);
  return owner !== undefined && Number(owner.id) === fromId;
}

/** One fact a removal rejected, as the removal's audit row kept it (db/companyUndo.ts, RemovedFact). */
export interface KeptFact {
  fact: Row;
  segment: string | null;
  review: Row | null;
  createdReviewId: number | null;
}

export type ReimportedOutcome = "restored" | "notGivenAgain" | "articleGone";

/**
 * Brings back one fact a removal rejected whose article was imported again since (its old article id is gone). The
 * fact comes back with its id, values, segment and review, in the article stored now at the same path, where its
 * sentence is, when the re-import found it again (its review was matched, or an added fact's sentence is still
 * there). Otherwise its review goes back to what it was before the removal without a fact, so /review lists it as
 * unmatched, as a re-import without the removal would have left it; a fact nobody had reviewed cannot come back
 * (the extractor no longer gives it) and its removal's review row goes.
 */
export async function restoreIntoReimported(
  tx: Sql,
  f: KeptFact,
  review: { articlePath: string; orphaned: boolean } | null,
): Promise<ReimportedOutcome> {
  const path = String(f.review?.article_path ?? review?.articlePath ?? "");
  const article = await tx.get<{ id: number; text: string }>(
    "SELECT id, cleaned_text AS text FROM articles WHERE source_path = ?",
    [path],
  );
  const quote = String(f.fact.quote);
  const start = (() => {
    if (!article) return -1;
    const at = Number(f.fact.start);
    return article.text.slice(at, at + quote.length) === quote ? at : article.text.indexOf(quote);
  })();
  const added = f.review?.state === "added";
  // A reviewed fact was found again when the re-import matched its review (decision 010); an added one, by its words.
  const givenAgain = article !== undefined && start !== -1 && (added || review?.orphaned === false);
  if (!givenAgain) {
    await putReviewBack(tx, f, null, article !== undefined);
    return article ? "notGivenAgain" : "articleGone";
  }
  const shift = start - Number(f.fact.start);
  const moved = (column: string) => (f.fact[column] === null ? null : Number(f.fact[column]) + shift);
  const row: Row = {
    ...f.fact,
    article_id: article.id,
    start,
    end: start + quote.length,
    figure_start: moved("figure_start"),
    figure_end: moved("figure_end"),
  };
  const columns = Object.keys(row);
  await tx.run(
    `INSERT INTO facts (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    columns.map((c) => row[c]),
  );
  if (f.segment !== null) {
    await tx.run("INSERT INTO fact_segments (fact_id, segment) VALUES (?, ?)", [f.fact.id, f.segment]);
  }
  await putReviewBack(tx, f, Number(f.fact.id), true);
  return "restored";
}

/**
 * The fact's review as it was before the removal, pointing at `factId` (null: no fact, listed as unmatched when
 * its article is still stored). The row the removal wrote for a fact nobody had reviewed goes.
 */
async function putReviewBack(tx: Sql, f: KeptFact, factId: number | null, articleStored: boolean): Promise<void> {
  if (!f.review) {
    if (f.createdReviewId !== null) await tx.run("DELETE FROM fact_reviews WHERE id = ?", [f.createdReviewId]);
    return;
  }
  // A review without its fact is listed for an analyst (orphaned) while its article is there to be read again.
  const row: Row = { ...f.review, fact_id: factId, orphaned: factId === null && articleStored };
  if (f.review.state === "added") {
    const columns = Object.keys(row);
    await tx.run(
      `INSERT INTO fact_reviews (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      columns.map((c) => row[c]),
    );
    return;
  }
  const { id, ...columns } = row;
  const names = Object.keys(columns);
  await tx.run(`UPDATE fact_reviews SET ${names.map((c) => `"${c}" = ?`).join(", ")} WHERE id = ?`, [
    ...names.map((c) => columns[c]),
    id,
  ]);
}

/**
 * Facts an import filed under the removed name after the removal, which were rejected as they were written
 * (rejectRemovedCompanyFacts, in the remover's name, with no audit row of their own): they come back as the
 * extractor wrote them, as Restore on /review would, where their article still has their sentence. A rejection a
 * person made (a `fact.reject` row in the trail for that figure) is left alone.
 */
export async function restoreLaterRejections(
  tx: Sql,
  companyId: number,
  removal: { userName: string; at: string },
  handled: Set<number>,
  describe: (f: FactSnapshot) => string,
): Promise<{ restored: number; left: number }> {
  const aliases = new Set(
    (await tx.all<{ alias: string }>("SELECT alias FROM company_aliases WHERE company_id = ?", [companyId])).map(
      (r) => r.alias,
    ),
  );
  const rows = await tx.all<{ id: number; articlePath: string; original: string | null }>(
    `SELECT id, article_path AS "articlePath", original FROM fact_reviews
     WHERE state = 'rejected' AND fact_id IS NULL AND user_name = ? AND updated_at >= ? ORDER BY id`,
    [removal.userName, removal.at],
  );
  const manual = (
    await tx.all<{ subject: string }>("SELECT subject FROM audit_log WHERE action = 'fact.reject' AND at >= ?", [
      removal.at,
    ])
  ).map((r) => r.subject);
  let restored = 0;
  let left = 0;
  for (const r of rows) {
    if (handled.has(Number(r.id)) || !r.original) continue;
    const original = JSON.parse(r.original) as FactSnapshot;
    const key = (name: string | null) => (name ? name.trim().toLowerCase() : "");
    if (!aliases.has(key(original.company)) && !aliases.has(key(original.counterparty))) continue;
    if (manual.some((s) => s.includes(`(${describe(original)}) in article`))) continue;
    const article = await tx.get<{ id: number; text: string }>(
      "SELECT id, cleaned_text AS text FROM articles WHERE source_path = ?",
      [r.articlePath],
    );
    const start = !article
      ? -1
      : article.text.slice(original.start, original.end) === original.quote
        ? original.start
        : article.text.indexOf(original.quote);
    if (!article || start === -1) {
      left++;
      continue;
    }
    await insertFactAt(tx, article.id, original, start);
    await tx.run("DELETE FROM fact_reviews WHERE id = ?", [r.id]);
    restored++;
  }
  return { restored, left };
}
