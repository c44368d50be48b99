import { getDb } from "~/db.server";
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
const OWN_FIGURE = "NOT EXISTS (SELECT 1 FROM fact_segments s WHERE s.fact_id = f.id)";

// With one max() aggregate, SQLite takes the bare columns from the row holding the maximum: the newest fact.
const AGGREGATE_COLUMNS = `max(f.id) AS id, count(*) AS n, f.kind, f.company_id AS companyId,
  f.counterparty_id AS counterpartyId, f.unit, f.year, f.period, f.market, f.status, f.low, f.high, f.approximate,
  f.compared_year AS comparedYear, f.compared_period AS comparedPeriod`;

/**
 * A company's own figures of the given kinds, identical facts counted together. The grouping follows the order of
 * the covering index, so SQLite streams it without sorting or reading the rows themselves.
 */
export function leanFactsOf(companyId: number, kinds: FactKind[]): LeanFact[] {
  const facts = getDb()
    .sqlite.prepare(
      `SELECT ${AGGREGATE_COLUMNS} FROM facts f INDEXED BY facts_company_chart_idx
       WHERE f.company_id = ? AND f.kind IN (${kinds.map(() => "?").join(",")}) AND ${OWN_FIGURE}
       GROUP BY f.kind, f.year, f.period, f.unit, f.market, f.counterparty_id, f.status, f.low, f.high`,
    )
    .all(companyId, ...kinds) as LeanFact[];
  return withChecked(companyId, kinds, facts);
}

const figureKey = (f: Omit<LeanFact, "id" | "n">) =>
  [f.kind, f.year, f.period, f.unit, f.market, f.counterpartyId, f.status, f.low, f.high].join("|");

/**
 * Marks the figures a person checked, so that pickPerGroup draws a checked figure over an unchecked rival. Read
 * from the reviews (CROSS JOIN keeps them the outer loop): they are few beside a company's facts, and a second
 * aggregate in leanFactsOf would undo the bare-column rule that gives it the newest fact.
 */
function withChecked(companyId: number, kinds: FactKind[], facts: LeanFact[]): LeanFact[] {
  const checked = getDb()
    .sqlite.prepare(
      `SELECT DISTINCT f.kind, f.year, f.period, f.unit, f.market, f.counterparty_id AS counterpartyId, f.status,
         f.low, f.high
       FROM fact_reviews r CROSS JOIN facts f ON f.id = r.fact_id
       WHERE r.state IN ('confirmed', 'corrected', 'added') AND f.company_id = ?
         AND f.kind IN (${kinds.map(() => "?").join(",")}) AND ${OWN_FIGURE}`,
    )
    .all(companyId, ...kinds) as LeanFact[];
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
export function leanRevenueChanges(periods: Array<string | null>): LeanFact[] {
  const codes = periods.filter((p): p is string => p !== null);
  const orNull = periods.includes(null) ? "f.period IS NULL OR " : "";
  return getDb()
    .sqlite.prepare(
      `SELECT ${AGGREGATE_COLUMNS} FROM facts f INDEXED BY facts_company_chart_idx
       WHERE f.kind = 'revenue_change' AND f.year IS NOT NULL
         AND (${orNull}f.period IN (${codes.map(() => "?").join(",") || "NULL"})) AND ${OWN_FIGURE}
       GROUP BY f.company_id, f.year, f.period, f.unit, f.market, f.counterparty_id, f.status, f.low, f.high`,
    )
    .all(...codes) as LeanFact[];
}

/** Stakes held in a company, identical ones counted together, from the counterparty index alone. */
export function leanStakesIn(companyId: number): LeanFact[] {
  return getDb()
    .sqlite.prepare(
      `SELECT ${AGGREGATE_COLUMNS} FROM facts f INDEXED BY facts_counterparty_chart_idx
       WHERE f.counterparty_id = ? AND f.kind = 'stake'
       GROUP BY f.company_id, f.year, f.status, f.low, f.high`,
    )
    .all(companyId) as LeanFact[];
}

/** Stakes of the given holder/held pairs, identical ones counted together, from the pairs index alone. */
export function leanStakesOfPairs(pairs: Array<{ holderId: number; heldId: number }>): LeanFact[] {
  // One indexed lookup per pair: an OR of pairs makes SQLite walk every stake in the index.
  const statement = getDb().sqlite.prepare(
    `SELECT ${AGGREGATE_COLUMNS} FROM facts f INDEXED BY facts_kind_company_counterparty_idx
     WHERE f.kind = 'stake' AND f.company_id = ? AND f.counterparty_id = ?
     GROUP BY f.year, f.status, f.low, f.high`,
  );
  return pairs.flatMap((p) => statement.all(p.holderId, p.heldId) as LeanFact[]);
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

/** Fills in the newest `limit` ids of each picked figure that more than one fact gives. */
export function withNewestIds(picked: Picked[], limit: number): Picked[] {
  const db = getDb().sqlite;
  // Each kind's own covering index: stakes are found by holder and held company, other figures by period.
  const stake = db.prepare(
    `SELECT id FROM facts INDEXED BY facts_kind_company_counterparty_idx WHERE kind = 'stake' AND company_id = ?
       AND counterparty_id = ? AND year IS ? AND status = ? AND low = ? AND high = ? ORDER BY id DESC LIMIT ?`,
  );
  const figure = db.prepare(
    `SELECT id FROM facts INDEXED BY facts_company_chart_idx WHERE company_id = ? AND kind = ? AND year IS ?
       AND period IS ? AND unit = ? AND market IS ? AND counterparty_id IS ? AND status = ? AND low = ? AND high = ?
     ORDER BY id DESC LIMIT ?`,
  );
  for (const p of picked) {
    if (p.count < 2) continue;
    const f = p.fact;
    const rows =
      f.kind === "stake"
        ? stake.all(f.companyId, f.counterpartyId, f.year, f.status, f.low, f.high, limit)
        : figure.all(
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
            limit,
          );
    p.ids = (rows as Array<{ id: number }>).map((r) => r.id);
    if (p.count > limit) withCheckedSource(p, limit);
  }
  return picked;
}

/**
 * A figure given by more facts than are shown keeps one a person checked among those shown (in place of the last):
 * charts mark a figure checked by the sources they carry (CheckedGlyph), and a confirmation of an older article
 * would otherwise be left out. One query, only for figures with more sources than are shown.
 */
function withCheckedSource(p: Picked, limit: number): void {
  const f = p.fact;
  // The same facts as withNewestIds reads: a stake by its pair, year and figure, other kinds by their period too.
  // Each kind's own covering index, as withNewestIds: SQLite would otherwise pick the year index (every company's).
  const index = f.kind === "stake" ? "facts_kind_company_counterparty_idx" : "facts_company_chart_idx";
  const [where, args] =
    f.kind === "stake"
      ? [
          "f.kind = 'stake' AND f.company_id = ? AND f.counterparty_id = ? AND f.year IS ?",
          [f.companyId, f.counterpartyId, f.year],
        ]
      : [
          `f.company_id = ? AND f.kind = ? AND f.year IS ? AND f.period IS ? AND f.unit = ? AND f.market IS ?
             AND f.counterparty_id IS ?`,
          [f.companyId, f.kind, f.year, f.period, f.unit, f.market, f.counterpartyId],
        ];
  const checked = getDb()
    .sqlite.prepare(
      `SELECT f.id FROM facts f INDEXED BY ${index} JOIN fact_reviews r ON r.fact_id = f.id
       WHERE r.state IN ('confirmed', 'corrected', 'added') AND ${where} AND f.status = ? AND f.low = ? AND f.high = ?
       ORDER BY f.id DESC LIMIT 1`,
    )
    .get(...args, f.status, f.low, f.high) as { id: number } | undefined;
  if (checked && !p.ids.includes(checked.id)) p.ids = [...p.ids.slice(0, limit - 1), checked.id];
}

/** The quote, article and checked state of each fact id: one query for every source a page shows. */
export function sourcesOf(ids: number[]): Map<number, Source> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = getDb()
    .sqlite.prepare(
      `SELECT f.id AS factId, f.article_id AS articleId, a.title AS articleTitle, a.published_year AS publishedYear, f.quote,
         ${CHECKED_SQL}
       FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.id IN (${unique.map(() => "?").join(",")})`,
    )
    .all(...unique) as Source[];
  return new Map(rows.map((r) => [r.factId, r]));
}

/** Names and slugs of companies by id. */
export function companyNames(ids: number[]): Map<number, { name: string; slug: string }> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = getDb()
    .sqlite.prepare(`SELECT id, name, slug FROM companies WHERE id IN (${unique.map(() => "?").join(",")})`)
    .all(...unique) as Array<{ id: number; name: string; slug: string }>;
  return new Map(rows.map((r) => [r.id, { name: r.name, slug: r.slug }]));
}
