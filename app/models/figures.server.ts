import { getDb } from "~/db.server";
import type { FactKind, FactStatus, Source } from "./types";

/** A fact as the covering indexes hold it: everything a chart needs except the quote and the article. */
export interface LeanFact {
  id: number;
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
}

const LEAN_COLUMNS = `f.id, f.kind, f.company_id AS companyId, f.counterparty_id AS counterpartyId, f.unit, f.year, f.period,
  f.market, f.status, f.low, f.high, f.approximate, f.compared_year AS comparedYear, f.compared_period AS comparedPeriod`;

/** A company's own figures of the given kinds, read from the covering index alone. */
export function leanFactsOf(companyId: number, kinds: FactKind[]): LeanFact[] {
  return getDb()
    .sqlite.prepare(
      `SELECT ${LEAN_COLUMNS} FROM facts f INDEXED BY facts_company_chart_idx
       WHERE f.company_id = ? AND f.kind IN (${kinds.map(() => "?").join(",")})`,
    )
    .all(companyId, ...kinds) as LeanFact[];
}

/** Stakes held in a company, read from the counterparty index alone. */
export function leanStakesIn(companyId: number): LeanFact[] {
  return getDb()
    .sqlite.prepare(
      `SELECT f.id, f.kind, f.company_id AS companyId, f.counterparty_id AS counterpartyId, 'percent' AS unit, f.year,
         NULL AS period, NULL AS market, f.status, f.low, f.high, f.approximate, NULL AS comparedYear,
         NULL AS comparedPeriod
       FROM facts f INDEXED BY facts_counterparty_chart_idx WHERE f.counterparty_id = ? AND f.kind = 'stake'`,
    )
    .all(companyId) as LeanFact[];
}

/** One figure picked to stand for its period, with how many facts give it and how many give another value. */
export interface Picked {
  fact: LeanFact;
  /** Facts giving this same figure, newest first (ids). */
  agreeing: number[];
  /** Facts for the same period and status that give a different figure. */
  disagreeing: number;
}

const STATUS_RANK: Record<FactStatus, number> = { actual: 0, forecast: 1, target: 2 };

/**
 * One figure per group (a period of a series, say): an actual figure over a forecast over a target, then the
 * figure most facts agree on, then the newest. Keeps charts to one bar per period however many articles repeat it.
 */
export function pickPerGroup(facts: LeanFact[], groupKey: (f: LeanFact) => string): Picked[] {
  const groups = new Map<string, LeanFact[]>();
  for (const f of facts) {
    const k = groupKey(f);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  const out: Picked[] = [];
  for (const group of groups.values()) {
    const best = Math.min(...group.map((f) => STATUS_RANK[f.status]));
    const candidates = group.filter((f) => STATUS_RANK[f.status] === best);
    const byValue = new Map<string, LeanFact[]>();
    for (const f of candidates) {
      const k = `${f.low}|${f.high}`;
      const list = byValue.get(k);
      if (list) list.push(f);
      else byValue.set(k, [f]);
    }
    let chosen: LeanFact[] = [];
    for (const list of byValue.values()) {
      const newest = (l: LeanFact[]) => Math.max(...l.map((f) => f.id));
      if (list.length > chosen.length || (list.length === chosen.length && newest(list) > newest(chosen)))
        chosen = list;
    }
    const agreeing = chosen.map((f) => f.id).sort((a, b) => b - a);
    out.push({
      fact: chosen.find((f) => f.id === agreeing[0])!,
      agreeing,
      disagreeing: candidates.length - chosen.length,
    });
  }
  return out;
}

/** The quote and article of each fact id: one query for every source a page shows. */
export function sourcesOf(ids: number[]): Map<number, Source> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = getDb()
    .sqlite.prepare(
      `SELECT f.id AS factId, f.article_id AS articleId, a.title AS articleTitle, a.published_year AS publishedYear, f.quote
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
