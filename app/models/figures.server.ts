import { getSql } from "~/db.server";
import { type Dialect, indexedBy, joinInOrder, newestOf, sameAs } from "../../db/dialect";
import { ownFigure } from "../../db/segments";
import type { Sql, SqlValue } from "../../db/sql";
import { CHECKED_SQL } from "./facts.server";
import type { FactKind, FactStatus, Source } from "./types";

/**
 * A figure as the covering indexes hold it (everything a chart needs except the quote), standing for the `n` facts
 * that give exactly this figure; `id` is the newest of them.
 */
export interface LeanFact {
  id: number;
  n: number;
  kind: FactKind;
  companyId: number;
  counterpartyId: number | null;
  unit: string;
  year: number | null;
  period: string | null;
  market: string | null;
  status: FactStatus;
  low: number;
  high: number;
  approximate: boolean;
  comparedYear: number | null;
  comparedPeriod: string | null;
  /** Set (by leanFactsOf) when a person confirmed, corrected or added one of the facts giving this figure. */
  checked?: boolean;
}

/** A segment's figure is not its company's own (docs/decisions/017): one primary-key probe of a small table. */
const OWN_FIGURE = ownFigure("f");

/**
 * Columns of a LeanFact from facts `f` grouped by some of them: the count, and every other column of the newest
 * fact of the group (with one max() aggregate, SQLite takes bare columns from the row holding the maximum; on
 * PostgreSQL, db/dialect.ts picks them).
 */
function aggregateColumns(d: Dialect): string {
  const newest = (column: string, alias?: string) =>
    `${newestOf(d, column, "f.id")}${alias || d === "postgres" ? ` AS "${alias ?? column.slice(2)}"` : ""}`;
  return [
    `max(f.id) AS id, count(*) AS n`,
    newest("f.kind"),
    newest("f.company_id", "companyId"),
    newest("f.counterparty_id", "counterpartyId"),
    ...["f.unit", "f.year", "f.period", "f.market", "f.status", "f.low", "f.high", "f.approximate"].map((c) =>
      newest(c),
    ),
    newest("f.compared_year", "comparedYear"),
    newest("f.compared_period", "comparedPeriod"),
  ].join(", ");
}

/**
 * A company's own figures of the given kinds, identical facts counted together. The grouping follows the order of
 * the covering index, so SQLite streams it without sorting or reading the rows themselves.
 */
export async function leanFactsOf(companyId: number, kinds: FactKind[]): Promise<LeanFact[]> {
  const sql = await getSql();
  const facts = await sql.all<LeanFact>(
    `SELECT ${aggregateColumns(sql.dialect)} FROM facts f ${indexedBy(sql.dialect, "facts_company_chart_idx")}
     WHERE f.company_id = ? AND f.kind IN (${kinds.map(() => "?").join(",")}) AND ${OWN_FIGURE}
     GROUP BY f.kind, f.year, f.period, f.unit, f.market, f.counterparty_id, f.status, f.low, f.high`,
    [companyId, ...kinds],
  );
  return withChecked(sql, companyId, kinds, facts);
}

const figureKey = (f: Omit<LeanFact, "id" | "n">) =>
  [f.kind, f.year, f.period, f.unit, f.market, f.counterpartyId, f.status, f.low, f.high].join("|");

/**
 * Marks the figures a person checked, so that pickPerGroup draws a checked figure over an unchecked rival. Read
 * from the reviews (CROSS JOIN keeps them the outer loop on SQLite): they are few beside a company's facts, and a
 * second aggregate in leanFactsOf would undo the bare-column rule that gives it the newest fact.
 */
async function withChecked(sql: Sql, companyId: number, kinds: FactKind[], facts: LeanFact[]): Promise<LeanFact[]> {
  const checked = await sql.all<LeanFact>(
    `SELECT DISTINCT f.kind, f.year, f.period, f.unit, f.market, f.counterparty_id AS "counterpartyId", f.status,
       f.low, f.high
     FROM fact_reviews r ${joinInOrder(sql.dialect)} facts f ON f.id = r.fact_id
     WHERE r.state IN ('confirmed', 'corrected', 'added') AND f.company_id = ?
       AND f.kind IN (${kinds.map(() => "?").join(",")}) AND ${OWN_FIGURE}`,
    [companyId, ...kinds],
  );
  if (!checked.length) return facts;
  const keys = new Set(checked.map(figureKey));
  for (const f of facts) if (keys.has(figureKey(f))) f.checked = true;
  return facts;
}

/**
 * Every company's revenue changes for the given period codes (null standing for a full year given without one),
 * identical ones counted together: a scan of the covering index alone (a third of a second over a million facts),
 * so callers keep what they make of it until the data changes.
 */
export async function leanRevenueChanges(periods: Array<string | null>): Promise<LeanFact[]> {
  const sql = await getSql();
  const codes = periods.filter((p): p is string => p !== null);
  const orNull = periods.includes(null) ? "f.period IS NULL OR " : "";
  return sql.all<LeanFact>(
    `SELECT ${aggregateColumns(sql.dialect)} FROM facts f ${indexedBy(sql.dialect, "facts_company_chart_idx")}
     WHERE f.kind = 'revenue_change' AND f.year IS NOT NULL
       AND (${orNull}f.period IN (${codes.map(() => "?").join(",") || "NULL"})) AND ${OWN_FIGURE}
     GROUP BY f.company_id, f.year, f.period, f.unit, f.market, f.counterparty_id, f.status, f.low, f.high`,
    codes,
  );
}

/** Stakes held in a company, identical ones counted together, from the counterparty index alone. */
export async function leanStakesIn(companyId: number): Promise<LeanFact[]> {
  const sql = await getSql();
  return sql.all<LeanFact>(
    `SELECT ${aggregateColumns(sql.dialect)} FROM facts f ${indexedBy(sql.dialect, "facts_counterparty_chart_idx")}
     WHERE f.counterparty_id = ? AND f.kind = 'stake'
     GROUP BY f.company_id, f.year, f.status, f.low, f.high`,
    [companyId],
  );
}

/** Stakes of the given holder/held pairs, identical ones counted together, from the pairs index alone. */
export async function leanStakesOfPairs(pairs: Array<{ holderId: number; heldId: number }>): Promise<LeanFact[]> {
  const sql = await getSql();
  // One indexed lookup per pair: an OR of pairs makes SQLite walk every stake in the index.
  const text = `SELECT ${aggregateColumns(sql.dialect)} FROM facts f
     ${indexedBy(sql.dialect, "facts_kind_company_counterparty_idx")}
     WHERE f.kind = 'stake' AND f.company_id = ? AND f.counterparty_id = ?
     GROUP BY f.year, f.status, f.low, f.high`;
  const out: LeanFact[] = [];
  for (const p of pairs) out.push(...(await sql.all<LeanFact>(text, [p.holderId, p.heldId])));
  return out;
}

/** One figure picked to stand for its period, with the facts that give it and those that give another value. */
export interface Picked {
  fact: LeanFact;
  /** Facts giving this same figure. */
  count: number;
  /** The newest of them (ids), up to the number of sources a page shows; filled by `withNewestIds`. */
  ids: number[];
  /** Facts for the same period and status that give a different figure. */
  disagreeing: number;
}

const STATUS_RANK: Record<FactStatus, number> = { actual: 0, forecast: 1, target: 2 };

/**
 * One figure per group (a period of a series, say): an actual figure over a forecast over a target, then one a
 * person checked (a confirmed figure is drawn, its rivals counted as disagreeing), then the figure most facts agree
 * on, then the newest. Keeps charts to one bar per period however many articles repeat it.
 */
export function pickPerGroup(facts: LeanFact[], groupKey: (f: LeanFact) => string): Picked[] {
  const best = new Map<string, { fact: LeanFact; total: number }>();
  const totals = new Map<string, number>();
  for (const f of facts) {
    const k = groupKey(f);
    const current = best.get(k);
    const rank = STATUS_RANK[f.status];
    const checked = Number(Boolean(f.checked)) - Number(Boolean(current?.fact.checked));
    const better =
      !current ||
      rank < STATUS_RANK[current.fact.status] ||
      (rank === STATUS_RANK[current.fact.status] &&
        (checked > 0 ||
          (checked === 0 && (f.n > current.fact.n || (f.n === current.fact.n && f.id > current.fact.id)))));
    if (better) best.set(k, { fact: f, total: 0 });
    totals.set(`${k}|${f.status}`, (totals.get(`${k}|${f.status}`) ?? 0) + f.n);
  }
  return [...best].map(([k, { fact }]) => ({
    fact,
    count: fact.n,
    ids: [fact.id],
    disagreeing: (totals.get(`${k}|${fact.status}`) ?? fact.n) - fact.n,
  }));
}

/**
 * Facts giving the same figure as one already found: company, kind, year, period, unit, market, company held,
 * status and value, nulls equal (or, with "another", the same but for the value: sources that disagree). The fragment and its parameters, in the order sameFigureValueParams gives them.
 */
const sameFigureValue = (d: Dialect, alias = "", value: "same" | "another" = "same") =>
  `${alias}company_id = ? AND ${alias}kind = ? AND ${sameAs(d, `${alias}year`)} AND ${sameAs(d, `${alias}period`)}
       AND ${alias}unit = ? AND ${sameAs(d, `${alias}market`)} AND ${sameAs(d, `${alias}counterparty_id`)}
       AND ${alias}status = ? AND ${
         value === "same" ? `${alias}low = ? AND ${alias}high = ?` : `(${alias}low <> ? OR ${alias}high <> ?)`
       }`;

const sameFigureValueParams = (f: Omit<LeanFact, "n" | "comparedYear" | "comparedPeriod" | "approximate">) => [
  f.companyId,
  f.kind,
  f.year,
  f.period,
  f.unit,
  f.market,
  f.counterpartyId,
  f.status,
  f.low,
  f.high,
];

/** Fills in the newest `limit` ids of each picked figure that more than one fact gives. */
export async function withNewestIds(picked: Picked[], limit: number): Promise<Picked[]> {
  const sql = await getSql();
  const d = sql.dialect;
  // Each kind's own covering index: stakes are found by holder and held company, other figures by period.
  const stake = `SELECT id FROM facts ${indexedBy(d, "facts_kind_company_counterparty_idx")} WHERE kind = 'stake'
       AND company_id = ? AND counterparty_id = ? AND ${sameAs(d, "year")} AND status = ? AND low = ? AND high = ?
     ORDER BY id DESC LIMIT ?`;
  const figure = `SELECT id FROM facts ${indexedBy(d, "facts_company_chart_idx")} WHERE ${sameFigureValue(d)}
     ORDER BY id DESC LIMIT ?`;
  for (const p of picked) {
    if (p.count < 2) continue;
    const f = p.fact;
    const rows =
      f.kind === "stake"
        ? await sql.all<{ id: number }>(stake, [f.companyId, f.counterpartyId, f.year, f.status, f.low, f.high, limit])
        : await sql.all<{ id: number }>(figure, [...sameFigureValueParams(f), limit]);
    p.ids = rows.map((r) => r.id);
    if (p.count > limit) await withCheckedSource(sql, p, limit);
  }
  return picked;
}

/**
 * A figure given by more facts than are shown keeps one a person checked among those shown (in place of the last):
 * charts mark a figure checked by the sources they carry (CheckedGlyph), and a confirmation of an older article
 * would otherwise be left out. One query, only for figures with more sources than are shown.
 */
async function withCheckedSource(sql: Sql, p: Picked, limit: number): Promise<void> {
  const f = p.fact;
  const d = sql.dialect;
  // The same facts as withNewestIds reads: a stake by its pair, year and figure, other kinds by their period too.
  // Each kind's own covering index, as withNewestIds: SQLite would otherwise pick the year index (every company's).
  const index = f.kind === "stake" ? "facts_kind_company_counterparty_idx" : "facts_company_chart_idx";
  const [where, args]: [string, SqlValue[]] =
    f.kind === "stake"
      ? [
          `f.kind = 'stake' AND f.company_id = ? AND f.counterparty_id = ? AND ${sameAs(d, "f.year")}`,
          [f.companyId, f.counterpartyId, f.year],
        ]
      : [
          `f.company_id = ? AND f.kind = ? AND ${sameAs(d, "f.year")} AND ${sameAs(d, "f.period")} AND f.unit = ?
             AND ${sameAs(d, "f.market")} AND ${sameAs(d, "f.counterparty_id")}`,
          [f.companyId, f.kind, f.year, f.period, f.unit, f.market, f.counterpartyId],
        ];
  const checked = await sql.get<{ id: number }>(
    `SELECT f.id FROM facts f ${indexedBy(d, index)} JOIN fact_reviews r ON r.fact_id = f.id
     WHERE r.state IN ('confirmed', 'corrected', 'added') AND ${where} AND f.status = ? AND f.low = ? AND f.high = ?
     ORDER BY f.id DESC LIMIT 1`,
    [...args, f.status, f.low, f.high],
  );
  if (checked && !p.ids.includes(checked.id)) p.ids = [...p.ids.slice(0, limit - 1), checked.id];
}

/** The sources a ranked list shows per figure (home and /declines), as many as the stakes table lists. */
export const SOURCES_LISTED = 10;

/**
 * For figures chosen one fact at a time (the home page's latest changes): how many of the company's own facts give
 * the same figure (company, kind, year, period, unit, market, company held, status and value) and the newest
 * `limit` of them, one a person checked kept among them as withNewestIds does. Keyed by the fact given.
 */
export async function sameFigureSources(
  facts: Array<Omit<LeanFact, "n" | "comparedYear" | "comparedPeriod" | "approximate">>,
  limit: number,
): Promise<Map<number, { count: number; ids: number[]; disagreeing: number }>> {
  const sql = await getSql();
  const d = sql.dialect;
  // The window counts every row of the figure before LIMIT keeps the newest.
  const text = `SELECT f.id, count(*) OVER () AS n FROM facts f ${indexedBy(d, "facts_company_chart_idx")}
     WHERE ${sameFigureValue(d, "f.")} AND ${OWN_FIGURE}
     ORDER BY f.id DESC LIMIT ?`;
  // The same period and status with another value: the sources disagree (as the review queue flags them).
  const other = `SELECT count(*) AS n FROM facts f ${indexedBy(d, "facts_company_chart_idx")}
     WHERE ${sameFigureValue(d, "f.", "another")} AND ${OWN_FIGURE}`;
  const out = new Map<number, { count: number; ids: number[]; disagreeing: number }>();
  for (const f of facts) {
    const rows = await sql.all<{ id: number; n: number | string }>(text, [...sameFigureValueParams(f), limit]);
    const disagreeing = Number((await sql.get<{ n: number | string }>(other, sameFigureValueParams(f)))?.n ?? 0);
    // PostgreSQL counts in bigint, which pg hands over as a string.
    const count = rows.length ? Number(rows[0].n) : 1;
    const p: Picked = {
      fact: { ...f, n: count, approximate: false, comparedYear: null, comparedPeriod: null },
      count,
      ids: rows.length ? rows.map((r) => Number(r.id)) : [f.id],
      disagreeing: 0,
    };
    if (count > limit) await withCheckedSource(sql, p, limit);
    out.set(f.id, { count, ids: p.ids, disagreeing });
  }
  return out;
}

/** The quote, article and checked state of each fact id: one query for every source a page shows. */
export async function sourcesOf(ids: number[]): Promise<Map<number, Source>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const sql = await getSql();
  const rows = await sql.all<Source>(
    `SELECT f.id AS "factId", f.article_id AS "articleId", a.title AS "articleTitle",
       a.published_year AS "publishedYear", f.quote, ${CHECKED_SQL}
     FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.id IN (${unique.map(() => "?").join(",")})`,
    unique,
  );
  return new Map(rows.map((r) => [r.factId, r]));
}

/** Names and slugs of companies by id. */
export async function companyNames(ids: number[]): Promise<Map<number, { name: string; slug: string }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const sql = await getSql();
  const rows = await sql.all<{ id: number; name: string; slug: string }>(
    `SELECT id, name, slug FROM companies WHERE id IN (${unique.map(() => "?").join(",")})`,
    unique,
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, slug: r.slug }]));
}
