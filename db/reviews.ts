import { createHash } from "node:crypto";
import type { Fact } from "../importers/types";
import { writeAudit } from "./audit";
import { removedNameIn } from "./removedNames";
import type { ReviewState } from "./schema";
import type { Sql } from "./sql";
import { companyId, forgetAliases, INSERT_FACT } from "./store";

/** The fields a person may set on a fact (docs/decisions/010). */
export interface FactValues {
  company: string;
  counterparty: string | null;
  market: string | null;
  year: number | null;
  period: string | null;
  low: number;
  high: number;
  unit: string;
  status: "actual" | "forecast" | "target";
  approximate: boolean;
}

/** A fact as stored, with its companies by name and the words of its figure: enough to find it again or restore it. */
export interface FactSnapshot extends FactValues {
  kind: Fact["kind"];
  quote: string;
  start: number;
  end: number;
  figureStart: number | null;
  figureEnd: number | null;
  figureText: string;
  comparedYear: number | null;
  comparedPeriod: string | null;
  stated: string;
}

/** States whose fact is out of `facts`, its review row keeping it whole: restorable, applied again on re-import. */
export const REMOVED_STATES: ReadonlyArray<ReviewState> = ["rejected", "superseded"];
export const isRemovedState = (state: ReviewState) => REMOVED_STATES.includes(state);

/** The figure confirmed over a superseded fact (settleStake), kept in its review's `corrected`. */
export interface SupersededBy {
  low: number;
  high: number;
  status: FactValues["status"];
  /** The facts confirmed, as they were numbered then. */
  factIds: number[];
}

/**
 * `alias` with a correction that names another company: the name the fact was filed under becomes an alias of the
 * company named, so the importer files that name there from now on (the new company is created if need be).
 */
export type ReviewAction =
  | { action: "confirm" }
  | { action: "reject" }
  | { action: "correct"; values: FactValues; alias?: boolean };

export class ReviewError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const VALUE_KEYS = [
  "company",
  "counterparty",
  "market",
  "year",
  "period",
  "low",
  "high",
  "unit",
  "status",
  "approximate",
] as const satisfies ReadonlyArray<keyof FactValues>;

export function valuesOf(f: FactValues): FactValues {
  return Object.fromEntries(VALUE_KEYS.map((k) => [k, f[k]])) as unknown as FactValues;
}

/** The keys whose values differ, for the audit page and for "corrected" versus "confirmed". */
export function changedKeys(a: FactValues, b: FactValues): Array<keyof FactValues> {
  return VALUE_KEYS.filter((k) => a[k] !== b[k]);
}

/** Alias keys as db/store.ts writes them. */
const aliasKey = (s: string) => s.trim().toLowerCase();

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

/**
 * Two keys that find a fact again after the article is imported anew: the strict one adds the company the
 * extractor named; the loose one (kind, sentence, figure) still finds the fact when a better extractor names the
 * company differently, as long as only one new fact shares it.
 */
export function fingerprints(f: { kind: string; quote: string; figureText: string; company: string }) {
  const loose = `${f.kind}\u0000${f.quote}\u0000${f.figureText}`;
  return { strict: sha1(`${loose}\u0000${f.company}`), loose: sha1(loose) };
}

const SNAPSHOT_SQL = `SELECT f.kind, c.name AS company, cp.name AS counterparty, f.market, f.year, f.period, f.low, f.high,
    f.unit, f.status, f.approximate, f.quote, f.start, f."end", f.figure_start AS "figureStart",
    f.figure_end AS "figureEnd", f.compared_year AS "comparedYear", f.compared_period AS "comparedPeriod", f.stated,
    coalesce(substr(a.cleaned_text, f.figure_start + 1, f.figure_end - f.figure_start), '') AS "figureText",
    a.source_path AS "articlePath", a.id AS "articleId"
  FROM facts f JOIN companies c ON c.id = f.company_id LEFT JOIN companies cp ON cp.id = f.counterparty_id
  JOIN articles a ON a.id = f.article_id WHERE f.id = ?`;

export async function factSnapshot(
  tx: Sql,
  factId: number,
): Promise<(FactSnapshot & { articlePath: string; articleId: number }) | undefined> {
  const row = await tx.get<FactSnapshot & { approximate: number | boolean; articlePath: string; articleId: number }>(
    SNAPSHOT_SQL,
    [factId],
  );
  return row && { ...row, approximate: Boolean(row.approximate) };
}

interface ReviewRow {
  id: number;
  articlePath: string;
  fingerprint: string;
  factId: number | null;
  state: ReviewState;
  original: string | null;
  corrected: string | null;
}

const REVIEW_COLUMNS = `id, article_path AS "articlePath", fingerprint, fact_id AS "factId", state, original, corrected`;

/** A person's values may not file a fact under a name removed as no company (db/removedNames.ts): a 409. */
async function refuseRemovedNames(tx: Sql, v: { company: string; counterparty: string | null }): Promise<void> {
  const refusal = await removedNameIn(tx, v);
  if (refusal) throw new ReviewError(refusal, 409);
}

/** Writes `values` onto a fact's row, creating companies (and their aliases) named for the first time. */
async function writeValues(tx: Sql, factId: number, v: FactValues, pending: Map<string, number>): Promise<void> {
  const company = await companyId(tx, v.company, [], pending);
  const counterparty = v.counterparty ? await companyId(tx, v.counterparty, [], pending) : null;
  await tx.run(
    `UPDATE facts SET company_id = ?, counterparty_id = ?, market = ?, year = ?, period = ?, low = ?, high = ?,
       unit = ?, status = ?, approximate = ? WHERE id = ?`,
    [
      company,
      counterparty,
      v.market,
      v.year,
      v.period,
      v.low,
      v.high,
      v.unit,
      v.status,
      Boolean(v.approximate),
      factId,
    ],
  );
}

/**
 * Confirms, rejects or corrects one fact for `userName`, with its audit row, in one transaction. A rejected fact's
 * row is deleted from facts (every chart, list and export then leaves it out without a filter of its own); the
 * review keeps the whole fact, so it can be found again after a re-import and restored.
 */
export async function reviewFact(
  db: Sql,
  factId: number,
  change: ReviewAction,
  userName: string,
): Promise<{ state: ReviewState | "machine"; articleId: number }> {
  const pending = new Map<string, number>();
  const run = db.transaction(async (tx) => {
    const fact = await factSnapshot(tx, factId);
    if (!fact)
      throw new ReviewError(`No fact ${factId}: it was rejected or its article re-imported. Reload the queue.`, 404);
    const existing = await tx.get<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM fact_reviews WHERE fact_id = ?`, [factId]);
    const before = valuesOf(fact);
    if (existing?.state === "added") return reviewAdded(tx, fact, existing, change, userName, pending);
    const original: FactSnapshot = existing?.original ? JSON.parse(existing.original) : stripLocation(fact);
    let state: ReviewState;
    let corrected: FactValues | null = null;
    let aliased: string | null = null;
    if (change.action === "reject") state = "rejected";
    else if (change.action === "confirm") state = existing?.state === "corrected" ? "corrected" : "confirmed";
    else {
      corrected = valuesOf(change.values);
      await refuseRemovedNames(tx, corrected);
      state = changedKeys(valuesOf(original), corrected).length ? "corrected" : "confirmed";
      await writeValues(tx, factId, corrected, pending);
      if (change.alias && aliasKey(before.company) !== aliasKey(corrected.company)) {
        aliased = `${before.company} → ${corrected.company}`;
        await tx.run(
          `INSERT INTO company_aliases (alias, company_id) VALUES (?, ?)
           ON CONFLICT (alias) DO UPDATE SET company_id = excluded.company_id`,
          [aliasKey(before.company), await companyId(tx, corrected.company, [], pending)],
        );
      }
    }
    if (state === "corrected") corrected ??= before;
    const now = new Date().toISOString();
    const keys = fingerprints(original);
    if (state === "rejected") await tx.run("DELETE FROM facts WHERE id = ?", [factId]);
    const factRef = state === "rejected" ? null : factId;
    if (existing) {
      await tx.run(
        `UPDATE fact_reviews SET fact_id = ?, state = ?, corrected = ?, orphaned = FALSE, user_name = ?, updated_at = ?
         WHERE id = ?`,
        [factRef, state, corrected && JSON.stringify(corrected), userName, now, existing.id],
      );
    } else {
      await tx.run(
        `INSERT INTO fact_reviews (article_path, fingerprint, fact_id, state, original, corrected, user_name, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          fact.articlePath,
          keys.strict,
          factRef,
          state,
          JSON.stringify(original),
          corrected && JSON.stringify(corrected),
          userName,
          now,
        ],
      );
    }
    await writeAudit(tx, {
      userName,
      action: `fact.${change.action}`,
      subject: `fact ${factId} (${describeFact(fact)}) in article ${fact.articleId}`,
      before: { ...before, review: existing?.state ?? "machine" },
      after:
        state === "rejected"
          ? { review: "rejected" }
          : { ...(corrected ?? before), review: state, ...(aliased ? { alias: aliased } : {}) },
    });
    return { state, articleId: fact.articleId };
  });
  try {
    return await run;
  } finally {
    // The importer's memory of which company a name is filed under may hold the name just moved.
    if (change.action === "correct" && change.alias) forgetAliases(db);
  }
}

/**
 * Rejects one fact as reviewFact does, without an audit row of its own: for a change that rejects many facts at
 * once and is audited once (a company removed, db/companies.ts). The review row keeps the whole fact, so it is
 * listed under "Rejected lately", can be restored, and is applied again by a re-import. A fact a person added is
 * removed with its review, as rejecting it on /review does. Call inside a transaction; false when the fact is gone.
 * `superseded` marks a fact another source's figure was confirmed over (settleStake): out of `facts` the same way,
 * with the figure that won in `corrected`.
 */
export async function rejectQuietly(
  tx: Sql,
  factId: number,
  userName: string,
  now: string,
  as: { state: "rejected" } | { state: "superseded"; by: SupersededBy } = { state: "rejected" },
): Promise<boolean> {
  const note = as.state === "superseded" ? JSON.stringify({ supersededBy: as.by }) : null;
  const fact = await factSnapshot(tx, factId);
  if (!fact) return false;
  const existing = await tx.get<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM fact_reviews WHERE fact_id = ?`, [factId]);
  await tx.run("DELETE FROM facts WHERE id = ?", [factId]);
  if (existing?.state === "added") {
    await tx.run("DELETE FROM fact_reviews WHERE id = ?", [existing.id]);
    return true;
  }
  if (existing) {
    await tx.run(
      `UPDATE fact_reviews SET fact_id = NULL, state = ?, corrected = ?, orphaned = FALSE, user_name = ?,
         updated_at = ? WHERE id = ?`,
      [as.state, note, userName, now, existing.id],
    );
    return true;
  }
  const original = stripLocation(fact);
  await tx.run(
    `INSERT INTO fact_reviews (article_path, fingerprint, fact_id, state, original, corrected, user_name, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?)`,
    [fact.articlePath, fingerprints(original).strict, as.state, JSON.stringify(original), note, userName, now],
  );
  return true;
}

/** "revenue of Renault, 2008 FY: 37790000000 EUR": which figure an audit row is about, in its own words. */
export function describeFact(f: FactSnapshot): string {
  const when = [f.year ?? "no year", f.period].filter(Boolean).join(" ");
  const figure = f.low === f.high ? `${f.low}` : `${f.low} to ${f.high}`;
  return `${f.kind} of ${f.company}, ${when}: ${figure} ${f.unit}`;
}

/**
 * A review of a fact a person added: its review row keeps the whole fact (so a re-import can write it again), so a
 * correction updates that copy, and a rejection removes the fact and its row (the extractor never wrote it).
 */
async function reviewAdded(
  tx: Sql,
  fact: FactSnapshot & { articleId: number },
  existing: ReviewRow,
  change: ReviewAction,
  userName: string,
  pending: Map<string, number>,
): Promise<{ state: ReviewState | "machine"; articleId: number }> {
  const factId = existing.factId as number;
  const kept = JSON.parse(existing.corrected ?? "{}") as FactSnapshot;
  const subject = `fact ${factId} (${describeFact(fact)}) in article ${fact.articleId}`;
  if (change.action === "reject") {
    await tx.run("DELETE FROM facts WHERE id = ?", [factId]);
    await tx.run("DELETE FROM fact_reviews WHERE id = ?", [existing.id]);
    await writeAudit(tx, {
      userName,
      action: "fact.reject",
      subject,
      before: { ...valuesOf(fact), review: "added" },
      after: { review: "removed" },
    });
    return { state: "machine", articleId: fact.articleId };
  }
  const values = change.action === "correct" ? valuesOf(change.values) : valuesOf(fact);
  if (change.action === "correct") {
    await refuseRemovedNames(tx, values);
    await writeValues(tx, factId, values, pending);
  }
  await tx.run("UPDATE fact_reviews SET corrected = ?, user_name = ?, updated_at = ? WHERE id = ?", [
    JSON.stringify({ ...kept, ...values }),
    userName,
    new Date().toISOString(),
    existing.id,
  ]);
  await writeAudit(tx, {
    userName,
    action: `fact.${change.action}`,
    subject,
    before: { ...valuesOf(fact), review: "added" },
    after: { ...values, review: "added" },
  });
  return { state: "added", articleId: fact.articleId };
}

/** What a person adds: the words of the sentence (copied from the article), optionally the figure's, and values. */
export interface AddedFact {
  kind: Fact["kind"];
  quote: string;
  figure: string | null;
  values: FactValues;
}

/**
 * Adds a fact the extractor missed, found by its words in the article's text; stored as a fact (so every chart has
 * it) and as an `added` review holding the whole fact, which a re-import writes again where the words still are.
 */
export function addFact(db: Sql, articleId: number, added: AddedFact, userName: string): Promise<{ factId: number }> {
  const pending = new Map<string, number>();
  return db.transaction(async (tx) => {
    const article = await tx.get<{ path: string; text: string }>(
      "SELECT source_path AS path, cleaned_text AS text FROM articles WHERE id = ?",
      [articleId],
    );
    if (!article) throw new ReviewError(`No article with the id ${articleId}.`, 404);
    const quote = added.quote.trim();
    const start = quote ? article.text.indexOf(quote) : -1;
    if (start === -1) {
      throw new ReviewError("The sentence must be words of the article's text, copied or selected exactly.", 400);
    }
    const end = start + quote.length;
    const figureAt = added.figure ? article.text.indexOf(added.figure.trim(), start) : -1;
    if (added.figure && (figureAt === -1 || figureAt + added.figure.trim().length > end)) {
      throw new ReviewError("The figure must be words of the sentence.", 400);
    }
    const figureStart = figureAt === -1 ? null : figureAt;
    const figureEnd = figureStart === null ? null : figureStart + (added.figure ?? "").trim().length;
    const snapshot: FactSnapshot = {
      ...added.values,
      kind: added.kind,
      quote,
      start,
      end,
      figureStart,
      figureEnd,
      figureText: figureStart === null ? "" : article.text.slice(figureStart, figureEnd ?? figureStart),
      comparedYear: null,
      comparedPeriod: null,
      // A person read every field off the text.
      stated: JSON.stringify(["company", "counterparty", "market", "year", "period", "low", "high", "unit", "status"]),
    };
    await refuseRemovedNames(tx, snapshot);
    const factId = await insertFact(tx, articleId, snapshot, pending);
    await tx.run(
      `INSERT INTO fact_reviews (article_path, fingerprint, fact_id, state, original, corrected, user_name, updated_at)
       VALUES (?, ?, ?, 'added', NULL, ?, ?, ?)`,
      [
        article.path,
        fingerprints(snapshot).strict,
        factId,
        JSON.stringify(snapshot),
        userName,
        new Date().toISOString(),
      ],
    );
    await writeAudit(tx, {
      userName,
      action: "fact.add",
      subject: `fact ${factId} (${describeFact(snapshot)}) in article ${articleId}`,
      after: { ...valuesOf(snapshot), review: "added" },
    });
    return { factId };
  });
}

function stripLocation(f: FactSnapshot & { articlePath?: string; articleId?: number }): FactSnapshot {
  const { articlePath: _p, articleId: _a, ...rest } = f;
  return rest;
}

/** A fact just written by an import, with its new id. */
export interface InsertedFact {
  id: number;
  fact: Fact;
}

/**
 * Re-applies the reviews of the article at `path` to the facts an import just wrote for it (inside the import's
 * transaction). Each review finds its fact by the strict fingerprint, else by the loose one when exactly one new
 * fact has it; a review that finds none is kept, marked as having no fact, and listed for an analyst.
 */
export async function reapplyReviews(
  tx: Sql,
  path: string,
  cleanedText: string,
  inserted: InsertedFact[],
  pending: Map<string, number>,
): Promise<{ applied: number; unmatched: number }> {
  const reviews = await tx.all<ReviewRow>(
    `SELECT ${REVIEW_COLUMNS} FROM fact_reviews WHERE article_path = ? ORDER BY id`,
    [path],
  );
  if (!reviews.length) return { applied: 0, unmatched: 0 };
  const strict = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  for (const { id, fact } of inserted) {
    const keys = fingerprints({ ...fact, figureText: cleanedText.slice(fact.figureStart, fact.figureEnd) });
    strict.set(keys.strict, [...(strict.get(keys.strict) ?? []), id]);
    loose.set(keys.loose, [...(loose.get(keys.loose) ?? []), id]);
  }
  const taken = new Set<number>();
  const link = (factId: number | null, orphaned: boolean, id: number) =>
    tx.run("UPDATE fact_reviews SET fact_id = ?, orphaned = ? WHERE id = ?", [factId, orphaned, id]);
  let applied = 0;
  for (const review of reviews) {
    if (review.state === "added") {
      const id = await reinsertAdded(tx, review, cleanedText, pending);
      await link(id, false, review.id);
      if (id !== null) applied++;
      continue;
    }
    const original = JSON.parse(review.original ?? "{}") as FactSnapshot;
    const keys = fingerprints(original);
    const free = (ids: number[] | undefined) => (ids ?? []).filter((id) => !taken.has(id));
    const byStrict = free(strict.get(keys.strict));
    const byLoose = free(loose.get(keys.loose));
    const match = byStrict[0] ?? (byLoose.length === 1 ? byLoose[0] : undefined);
    if (match === undefined) {
      await link(null, isRemovedState(review.state), review.id);
      continue;
    }
    taken.add(match);
    applied++;
    if (isRemovedState(review.state)) {
      await tx.run("DELETE FROM facts WHERE id = ?", [match]);
      await link(null, false, review.id);
      continue;
    }
    if (review.state === "corrected" && review.corrected)
      await writeValues(tx, match, JSON.parse(review.corrected), pending);
    await link(match, false, review.id);
  }
  return { applied, unmatched: reviews.length - applied };
}

/** An added fact written again into the new article, found by its sentence; null when the sentence is gone. */
async function reinsertAdded(
  tx: Sql,
  review: ReviewRow,
  cleanedText: string,
  pending: Map<string, number>,
): Promise<number | null> {
  const added = JSON.parse(review.corrected ?? "null") as (FactSnapshot & FactValues) | null;
  if (!added) return null;
  const start = cleanedText.indexOf(added.quote);
  if (start === -1) return null;
  const shift = start - added.start;
  const article = await tx.get<{ id: number }>("SELECT id FROM articles WHERE source_path = ?", [review.articlePath]);
  if (!article) return null;
  return insertFact(
    tx,
    article.id,
    {
      ...added,
      start,
      end: start + added.quote.length,
      figureStart: added.figureStart === null ? null : added.figureStart + shift,
      figureEnd: added.figureEnd === null ? null : added.figureEnd + shift,
    },
    pending,
  );
}

/**
 * Puts a rejected (or superseded) fact back as the extractor wrote it (state `machine` again): an analyst's undo. Its sentence is
 * found in the article as stored now; a fact whose article or sentence is gone cannot come back (409).
 */
export function restoreFact(
  db: Sql,
  reviewId: number,
  userName: string,
): Promise<{ factId: number; articleId: number }> {
  return db.transaction(async (tx) => {
    const review = await tx.get<ReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM fact_reviews WHERE id = ? AND state IN ('rejected', 'superseded')`,
      [reviewId],
    );
    if (!review?.original) throw new ReviewError(`No rejected fact under review ${reviewId}: reload the page.`, 404);
    const article = await tx.get<{ id: number; text: string }>(
      "SELECT id, cleaned_text AS text FROM articles WHERE source_path = ?",
      [review.articlePath],
    );
    if (!article) throw new ReviewError("Its article is no longer stored, so the fact cannot come back.", 409);
    const original = JSON.parse(review.original) as FactSnapshot;
    const start =
      article.text.slice(original.start, original.end) === original.quote
        ? original.start
        : article.text.indexOf(original.quote);
    if (start === -1)
      throw new ReviewError("Its sentence is no longer in the article, so the fact cannot come back.", 409);
    const factId = await insertFactAt(tx, article.id, original, start);
    await tx.run("DELETE FROM fact_reviews WHERE id = ?", [reviewId]);
    await writeAudit(tx, {
      userName,
      action: "fact.restore",
      subject: `fact ${factId} (${describeFact(original)}) in article ${article.id}`,
      before: { review: review.state },
      after: { review: "machine" },
    });
    return { factId, articleId: article.id };
  });
}

/** Inserts a fact from a snapshot: one a person added, or a rejected one restored. */
/** A fact stored before put back into its article where its sentence now starts (the text may have moved). */
export function insertFactAt(tx: Sql, articleId: number, original: FactSnapshot, start: number): Promise<number> {
  const shift = start - original.start;
  const at = (n: number | null) => (n === null ? null : n + shift);
  return insertFact(
    tx,
    articleId,
    {
      ...original,
      start,
      end: start + original.quote.length,
      figureStart: at(original.figureStart),
      figureEnd: at(original.figureEnd),
    },
    new Map(),
  );
}

export async function insertFact(
  tx: Sql,
  articleId: number,
  f: FactSnapshot,
  pending: Map<string, number>,
): Promise<number> {
  const company = await companyId(tx, f.company, [], pending);
  const counterparty = f.counterparty ? await companyId(tx, f.counterparty, [], pending) : null;
  const row = await tx.get<{ id: number }>(INSERT_FACT, [
    articleId,
    f.kind,
    company,
    counterparty,
    f.market,
    f.year,
    f.period,
    f.low,
    f.high,
    f.unit,
    f.status,
    Boolean(f.approximate),
    f.comparedYear,
    f.comparedPeriod,
    f.quote,
    f.start,
    f.end,
    f.figureStart,
    f.figureEnd,
    f.stated,
  ]);
  return row!.id;
}
