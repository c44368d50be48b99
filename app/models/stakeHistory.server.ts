import { getSql } from "~/db.server";
import { indexedBy } from "../../db/dialect";
import { companyNames, sourcesOf } from "./figures.server";
import { type JointHolders, membersOf, representativeOf } from "./jointHolders.server";
import type { AsOfFrom, StakeFigure, StakeHistory, StakeRow, StakeSource } from "./stakeTypes";
import type { FactStatus } from "./types";

/** A holder (every stored spelling of it) and a company held. */
export interface HolderPair {
  holderId: number;
  heldId: number;
}

interface StakeFactRow {
  factId: number;
  /** Read only for facts without a year of their own: the as-of year is then their article's. */
  publishedYear: number | null;
  year: number | null;
  status: FactStatus;
  low: number;
  high: number;
  /** 0 or 1 on SQLite, a boolean on PostgreSQL. */
  approximate: number | boolean;
}

const STATUS_RANK: Record<FactStatus, number> = { actual: 0, forecast: 1, target: 2 };

const isChecked = (f: { sources: Array<{ checked?: unknown }> }) => Number(f.sources.some((s) => s.checked));

/**
 * Sources listed per figure, the newest first; the rest are counted and linked. Articles rarely repeat a stake
 * more than a few times, but the web bench's generated database has pairs with hundreds of identical facts, and
 * quoting them all made a page of megabytes.
 */
export const MAX_SOURCES_LISTED = 10;

interface Grouped {
  asOf: number | null;
  asOfFrom: StakeRow["asOfFrom"];
  figures: Array<Omit<StakeFigure, "sources"> & { facts: StakeFactRow[] }>;
  conflict: boolean;
}

/** Merges pairs that name the same holder under different spellings, keeping the first one's place. */
export function canonicalPairs(pairs: HolderPair[], joint: JointHolders): HolderPair[] {
  const seen = new Set<string>();
  const out: HolderPair[] = [];
  for (const p of pairs) {
    const pair = { holderId: representativeOf(joint, p.holderId), heldId: p.heldId };
    const key = `${pair.holderId}|${pair.heldId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(pair);
  }
  return out;
}

function rowOf(asOf: number | null, facts: StakeFactRow[]): Grouped {
  const figures = new Map<string, Grouped["figures"][number]>();
  const froms = new Set<AsOfFrom>();
  for (const f of facts) {
    const key = `${f.status}|${f.low}|${f.high}`;
    const figure = figures.get(key) ?? {
      low: f.low,
      high: f.high,
      status: f.status,
      approximate: false,
      sourceCount: 0,
      facts: [],
    };
    figure.approximate ||= Boolean(f.approximate);
    figure.sourceCount += 1;
    figure.facts.push(f);
    froms.add(f.year === null ? "article" : "text");
    figures.set(key, figure);
  }
  const ordered = [...figures.values()]
    .map((g) => ({ ...g, facts: g.facts.sort((a, b) => b.factId - a.factId).slice(0, MAX_SOURCES_LISTED) }))
    .sort(
      (a, b) =>
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        b.sourceCount - a.sourceCount ||
        b.facts[0].factId - a.facts[0].factId,
    );
  return {
    asOf,
    asOfFrom: froms.size === 1 ? [...froms][0] : "mixed",
    figures: ordered,
    conflict: ordered.filter((f) => f.status === "actual").length > 1,
  };
}

/**
 * Every stake fact of each pair, with its source, grouped by as-of year: the year the sentence gives, else its
 * article's publication year. One indexed lookup per stored spelling of the holder.
 */
export async function stakeHistories(pairs: HolderPair[], joint: JointHolders): Promise<StakeHistory[]> {
  const sql = await getSql();
  // The index holds everything but the article: it is read only for a fact with no year of its own.
  const statement = `SELECT f.id AS "factId", f.year, f.status, f.low, f.high, f.approximate,
       CASE WHEN f.year IS NULL THEN (SELECT a.published_year FROM articles a WHERE a.id = f.article_id) END
         AS "publishedYear"
     FROM facts f ${indexedBy(sql.dialect, "facts_kind_company_counterparty_idx")}
     WHERE f.kind = 'stake' AND f.company_id = ? AND f.counterparty_id = ?`;
  const names = await companyNames(pairs.flatMap((p) => [p.holderId, p.heldId]));
  const grouped: Array<{ pair: HolderPair; rows: Grouped[] }> = [];
  for (const p of pairs) {
    const byYear = new Map<number | null, StakeFactRow[]>();
    for (const holderId of membersOf(joint, p.holderId)) {
      for (const f of await sql.all<StakeFactRow>(statement, [holderId, p.heldId])) {
        const asOf = f.year ?? f.publishedYear;
        const group = byYear.get(asOf);
        if (group) group.push(f);
        else byYear.set(asOf, [f]);
      }
    }
    // Known years in order, then the stakes no year can be given to.
    const rows = [...byYear]
      .sort(([a], [b]) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY))
      .map(([asOf, group]) => rowOf(asOf, group));
    grouped.push({ pair: p, rows });
  }
  // The quotes and articles of the sources listed, in one query.
  const sources = await sourcesOf(
    grouped.flatMap((g) => g.rows.flatMap((r) => r.figures.flatMap((f) => f.facts.map((x) => x.factId)))),
  );
  return grouped.map(({ pair, rows }) => {
    const holder = names.get(pair.holderId);
    const held = names.get(pair.heldId);
    const withSources: StakeRow[] = rows.map((r) => ({
      ...r,
      figures: r.figures
        .map(({ facts, ...figure }) => ({
          ...figure,
          sources: facts.flatMap((f): StakeSource[] => {
            const s = sources.get(f.factId);
            return s ? [{ ...s, asOfFrom: f.year === null ? "article" : "text" }] : [];
          }),
        }))
        // A figure a person checked is charted before an unchecked rival of the same status (the sort is stable,
        // so the order by sources and age stands otherwise); the checked state is known once the sources are read.
        .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || isChecked(b) - isChecked(a)),
    }));
    return {
      holder: joint.canonicalName.get(pair.holderId) ?? holder?.name ?? "",
      holderSlug: holder?.slug ?? "",
      held: held?.name ?? "",
      heldSlug: held?.slug ?? "",
      rows: withSources,
      conflict: rows.some((r) => r.conflict),
    };
  });
}
