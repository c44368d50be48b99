import { getDb } from "~/db.server";
import { companyNames } from "./figures.server";
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
  articleId: number;
  articleTitle: string;
  publishedYear: number | null;
  quote: string;
  year: number | null;
  status: FactStatus;
  low: number;
  high: number;
  approximate: number;
}

const STATUS_RANK: Record<FactStatus, number> = { actual: 0, forecast: 1, target: 2 };

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

function rowOf(asOf: number | null, facts: StakeFactRow[]): StakeRow {
  const figures = new Map<string, StakeFigure>();
  const froms = new Set<AsOfFrom>();
  for (const f of facts) {
    const key = `${f.status}|${f.low}|${f.high}`;
    const figure = figures.get(key) ?? {
      low: f.low,
      high: f.high,
      status: f.status,
      approximate: false,
      sources: [] as StakeSource[],
    };
    figure.approximate ||= Boolean(f.approximate);
    const asOfFrom: AsOfFrom = f.year === null ? "article" : "text";
    froms.add(asOfFrom);
    figure.sources.push({
      factId: f.factId,
      articleId: f.articleId,
      articleTitle: f.articleTitle,
      publishedYear: f.publishedYear,
      quote: f.quote,
      asOfFrom,
    });
    figures.set(key, figure);
  }
  const ordered = [...figures.values()]
    .map((g) => ({ ...g, sources: g.sources.sort((a, b) => b.factId - a.factId) }))
    .sort(
      (a, b) =>
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        b.sources.length - a.sources.length ||
        b.sources[0].factId - a.sources[0].factId,
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
export function stakeHistories(pairs: HolderPair[], joint: JointHolders): StakeHistory[] {
  const statement = getDb().sqlite.prepare(
    `SELECT f.id AS factId, f.article_id AS articleId, a.title AS articleTitle, a.published_year AS publishedYear,
       f.quote, f.year, f.status, f.low, f.high, f.approximate
     FROM facts f INDEXED BY facts_kind_company_counterparty_idx JOIN articles a ON a.id = f.article_id
     WHERE f.kind = 'stake' AND f.company_id = ? AND f.counterparty_id = ?`,
  );
  const names = companyNames(pairs.flatMap((p) => [p.holderId, p.heldId]));
  return pairs.map((p) => {
    const facts = membersOf(joint, p.holderId).flatMap(
      (holderId) => statement.all(holderId, p.heldId) as StakeFactRow[],
    );
    const byYear = new Map<number | null, StakeFactRow[]>();
    for (const f of facts) {
      const asOf = f.year ?? f.publishedYear;
      byYear.set(asOf, [...(byYear.get(asOf) ?? []), f]);
    }
    // Known years in order, then the stakes no year can be given to.
    const rows = [...byYear]
      .sort(([a], [b]) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY))
      .map(([asOf, group]) => rowOf(asOf, group));
    const holder = names.get(p.holderId);
    const held = names.get(p.heldId);
    return {
      holder: joint.canonicalName.get(p.holderId) ?? holder?.name ?? "",
      holderSlug: holder?.slug ?? "",
      held: held?.name ?? "",
      heldSlug: held?.slug ?? "",
      rows,
      conflict: rows.some((r) => r.conflict),
    };
  });
}
