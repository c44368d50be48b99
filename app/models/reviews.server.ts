import { json } from "@remix-run/node";
import { getSql, untilDataChanges } from "~/db.server";
import { busyAsResponse } from "~/utils/writeBusy.server";
import { getWriteSql } from "~/writeDb.server";
import { type Dialect, indexedBy } from "../../db/dialect";
import {
  type AddedFact,
  addFact,
  type FactValues,
  type ReviewAction,
  ReviewError,
  restoreFact,
  reviewFact,
} from "../../db/reviews";
import { sameFigureSlot } from "../../db/segments";
import type { Doubt, RejectedFact, ReviewItem, UnmatchedReview } from "./reviewTypes";
import type { FactKind } from "./types";

export interface QueueFilters {
  kind?: FactKind;
  companyId?: number;
  articleId?: number;
  page?: number;
}

export interface Queue {
  items: ReviewItem[];
  total: number;
  /** Set when only the facts of this many latest articles were ranked (see WINDOW_FACTS). */
  latestArticles: number | null;
  page: number;
  hasNext: boolean;
}

const PAGE_SIZE = 20;
/** Past this many unreviewed facts, an unfiltered queue ranks only the facts of the latest articles. */
const WINDOW_FACTS = 20_000;
const WINDOW_ARTICLES = 1_000;
/** Characters of the article shown on each side of the sentence. */
const CONTEXT = 160;

/**
 * Another fact of the same company, kind, period, unit, market, counterparty and status with another figure: the
 * sources disagree. Read through the covering chart index, like the company page. A segment's figure is compared
 * with the same segment's only (as db/figureConflicts.ts settles them): a division's revenue is no rival of the
 * group's.
 */
const conflict = (d: Dialect) => `EXISTS (SELECT 1 FROM facts g ${indexedBy(d, "facts_company_chart_idx")}
  WHERE ${sameFigureSlot(d)} AND (g.low <> f.low OR g.high <> f.high))`;

/** A condition as 1 or 0, for the doubt score: PostgreSQL adds no booleans. */
const oneIf = (condition: string) => `(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/**
 * Facts no one has reviewed, most doubtful first: sources that disagree weigh most, then a year the text did not
 * state, a hedged figure, a range. Each comes with its sentence and a little text around it.
 */
export async function reviewQueue(filters: QueueFilters): Promise<Queue> {
  const where = ["NOT EXISTS (SELECT 1 FROM fact_reviews r WHERE r.fact_id = f.id)"];
  const args: Array<string | number> = [];
  if (filters.kind) {
    where.push("f.kind = ?");
    args.push(filters.kind);
  }
  if (filters.companyId) {
    where.push("f.company_id = ?");
    args.push(filters.companyId);
  }
  if (filters.articleId) {
    where.push("f.article_id = ?");
    args.push(filters.articleId);
  }
  const page = filters.page ?? 1;
  const db = await getSql();
  const narrowed = Boolean(filters.companyId || filters.articleId);
  const total = narrowed
    ? (await db.get<{ n: number }>(`SELECT count(*) AS n FROM facts f WHERE ${where.join(" AND ")}`, args))!.n
    : await untilDataChanges(`unreviewed:${filters.kind ?? ""}`, () => unreviewedCount(filters.kind));
  // Ranking every unreviewed fact of a million took 2.6 s on one core; without a company or an article, the queue
  // ranks the facts of the latest articles only, which is also where new work lands.
  const windowed = !narrowed && total > WINDOW_FACTS;
  if (windowed) {
    where.push(
      `f.article_id >= coalesce((SELECT min(id) FROM (SELECT id FROM articles ORDER BY id DESC LIMIT ${WINDOW_ARTICLES}) latest), 0)`,
    );
  }
  // The same text on both, but for the scalar max (PostgreSQL's greatest), instr (strpos) and the index hint.
  const max = db.dialect === "sqlite" ? "max" : "greatest";
  const instr = db.dialect === "sqlite" ? "instr" : "strpos";
  const rows = await db.all<QueueRow>(
    `SELECT * FROM (
       SELECT f.id, f.kind, c.name AS company, cp.name AS counterparty, f.market, f.year, f.period, f.low, f.high,
         f.unit, f.status, f.approximate, f.stated, f.start, f."end", f.figure_start AS "figureStart",
         f.figure_end AS "figureEnd", a.id AS "articleId", a.title AS "articleTitle",
         substr(a.cleaned_text, ${max}(1, f.start + 1 - ${CONTEXT}), f.start - ${max}(0, f.start - ${CONTEXT})) AS before,
         substr(a.cleaned_text, f.start + 1, f."end" - f.start) AS sentence,
         substr(a.cleaned_text, f."end" + 1, ${CONTEXT}) AS after,
         ${oneIf(conflict(db.dialect))} AS conflict,
         ${oneIf("f.kind = 'stake' AND f.counterparty_id = f.company_id")} AS "selfStake",
         ${oneIf(`${instr}(f.stated, '"year"') = 0`)} + ${oneIf("f.approximate")} + ${oneIf("f.low <> f.high")} AS doubt
       FROM facts f JOIN companies c ON c.id = f.company_id LEFT JOIN companies cp ON cp.id = f.counterparty_id
       JOIN articles a ON a.id = f.article_id
       WHERE ${where.join(" AND ")}
     ) q
     ORDER BY (2 * conflict + 2 * "selfStake" + doubt) DESC, id
     LIMIT ? OFFSET ?`,
    [...args, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE],
  );
  return {
    items: rows.slice(0, PAGE_SIZE).map(toItem),
    total,
    latestArticles: windowed ? WINDOW_ARTICLES : null,
    page,
    hasNext: rows.length > PAGE_SIZE,
  };
}

/**
 * Unreviewed facts in all, without visiting each: every fact less those a review points at (one review per fact;
 * a rejected fact is gone from both sides).
 */
async function unreviewedCount(kind: FactKind | undefined): Promise<number> {
  const db = await getSql();
  const count = async (text: string) => (await db.get<{ n: number }>(text, kind ? [kind] : []))!.n;
  const facts = await count(
    kind ? "SELECT count(*) AS n FROM facts WHERE kind = ?" : "SELECT count(*) AS n FROM facts",
  );
  const reviewed = await count(
    kind
      ? "SELECT count(*) AS n FROM fact_reviews r JOIN facts f ON f.id = r.fact_id WHERE f.kind = ?"
      : "SELECT count(*) AS n FROM fact_reviews WHERE fact_id IS NOT NULL",
  );
  return facts - reviewed;
}

interface QueueRow extends Omit<ReviewItem, "approximate" | "doubts" | "sentenceBefore" | "figure" | "sentenceAfter"> {
  approximate: number | boolean;
  stated: string;
  start: number;
  end: number;
  figureStart: number | null;
  figureEnd: number | null;
  sentence: string;
  conflict: number;
  /** A stake of a company in itself: what merging two names of a stake's holder and held leaves (decision 014). */
  selfStake: number;
}

function toItem(r: QueueRow): ReviewItem {
  const doubts: Doubt[] = [];
  if (r.conflict) doubts.push("conflict");
  if (r.selfStake) doubts.push("self-stake");
  if (!r.stated.includes('"year"')) doubts.push("inferred-year");
  if (r.approximate) doubts.push("approximate");
  if (r.low !== r.high) doubts.push("range");
  const hasFigure = r.figureStart !== null && r.figureEnd !== null && r.figureStart >= r.start && r.figureEnd <= r.end;
  const from = hasFigure ? (r.figureStart as number) - r.start : r.sentence.length;
  const to = hasFigure ? (r.figureEnd as number) - r.start : r.sentence.length;
  return {
    id: r.id,
    kind: r.kind,
    company: r.company,
    counterparty: r.counterparty,
    market: r.market,
    year: r.year,
    period: r.period,
    low: r.low,
    high: r.high,
    unit: r.unit,
    status: r.status,
    approximate: Boolean(r.approximate),
    articleId: r.articleId,
    articleTitle: r.articleTitle,
    // Cut at whole words, so the context does not start or end mid-word.
    before: r.before.length === CONTEXT ? r.before.replace(/^\S*\s/, "… ") : r.before,
    sentenceBefore: r.sentence.slice(0, from),
    figure: r.sentence.slice(from, to),
    sentenceAfter: r.sentence.slice(to),
    after: r.after.length === CONTEXT ? r.after.replace(/\s\S*$/, " …") : r.after,
    doubts,
  };
}

/**
 * Reviews whose fact the last import of their article did not find again (or whose article is gone): kept, and
 * listed for an analyst, never dropped in silence.
 */
export async function unmatchedReviews(limit = 50): Promise<UnmatchedReview[]> {
  const rows = await (await getSql()).all<
    Omit<UnmatchedReview, "kind" | "company" | "quote"> & { original: string | null; corrected: string | null }
  >(
    `SELECT r.id, r.article_path AS "articlePath", a.id AS "articleId", r.state, r.original, r.corrected,
       r.user_name AS "userName", r.updated_at AS "updatedAt"
     FROM fact_reviews r LEFT JOIN articles a ON a.source_path = r.article_path
     WHERE (r.state NOT IN ('rejected', 'superseded') AND r.fact_id IS NULL) OR r.orphaned = TRUE
       OR (r.state IN ('rejected', 'superseded') AND a.id IS NULL)
     ORDER BY r.id DESC LIMIT ?`,
    [limit],
  );
  return rows.map(({ original, corrected, ...r }) => {
    const fact = JSON.parse(original ?? corrected ?? "{}") as { kind?: string; company?: string; quote?: string };
    return { ...r, kind: fact.kind ?? "", company: fact.company ?? "", quote: fact.quote ?? "" };
  });
}

/** The latest rejections (and facts superseded when a stake conflict was settled), for an analyst to undo one. */
export async function recentRejections(limit = 20): Promise<RejectedFact[]> {
  const rows = await (await getSql()).all<{
    id: number;
    state: "rejected" | "superseded";
    original: string;
    corrected: string | null;
    userName: string;
    updatedAt: string;
    articleId: number | null;
  }>(
    `SELECT r.id, r.state, r.original, r.corrected, r.user_name AS "userName", r.updated_at AS "updatedAt",
       a.id AS "articleId"
     FROM fact_reviews r LEFT JOIN articles a ON a.source_path = r.article_path
     WHERE r.state IN ('rejected', 'superseded') AND r.original IS NOT NULL
     ORDER BY r.updated_at DESC, r.id DESC LIMIT ?`,
    [limit],
  );
  return rows.map(({ original, corrected, ...r }) => {
    const f = JSON.parse(original) as FactValues & { kind: FactKind };
    const by =
      r.state === "superseded"
        ? (JSON.parse(corrected ?? "{}") as { supersededBy?: { low: number; high: number } }).supersededBy
        : undefined;
    return {
      ...r,
      supersededBy: by ? { low: by.low, high: by.high } : null,
      kind: f.kind,
      company: f.company,
      year: f.year,
      period: f.period,
      low: f.low,
      high: f.high,
      unit: f.unit,
      approximate: f.approximate,
    };
  });
}

/** Adds a fact the extractor missed to an article (see addFact): 400 when its words are not the article's. */
export async function addToArticle(userName: string, articleId: number, added: AddedFact): Promise<{ factId: number }> {
  try {
    return await addFact(await getWriteSql(), articleId, added, userName);
  } catch (err) {
    throw reviewFailure(err);
  }
}

/** Undoes a rejection (see restoreFact), with the same answers to a gone fact or a busy database as applyReview. */
export async function restoreReview(
  userName: string,
  reviewId: number,
): Promise<{ factId: number; articleId: number }> {
  try {
    return await restoreFact(await getWriteSql(), reviewId, userName);
  } catch (err) {
    throw reviewFailure(err);
  }
}

export type ReviewChange =
  | { action: "confirm" }
  | { action: "reject" }
  | { action: "correct"; values: FactValues; alias?: boolean };

/**
 * Applies one analyst's decision through the server's write connection. A fact that is gone (rejected meanwhile,
 * or its article re-imported) is a 404 with what to do; a lock an import holds too long is a 503 to retry.
 */
export async function applyReview(userName: string, factId: number, change: ReviewChange): Promise<{ state: string }> {
  try {
    return await reviewFact(await getWriteSql(), factId, change as ReviewAction, userName);
  } catch (err) {
    throw reviewFailure(err);
  }
}

/** What an analyst is told when a review cannot be written: the fact is gone (404, 409), or an import holds the lock. */
export function reviewFailure(err: unknown): unknown {
  if (err instanceof ReviewError) return json({ message: err.message }, { status: err.status });
  return busyAsResponse(err);
}
