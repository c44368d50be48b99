import { writeAudit } from "./audit";
import { sameAs } from "./dialect";
import { type FactValues, factSnapshot, fingerprints, ReviewError, rejectQuietly } from "./reviews";
import type { Sql } from "./sql";

/**
 * Settling a stake conflict by confirming one figure: where sources give a holder's stake in a company for the same
 * as-of year as different actual figures (the stakes views flag the row), an analyst confirms one. Its facts are
 * confirmed; the facts of every other actual figure of that row are superseded: out of `facts` as a rejection is
 * (so every chart, list and export leaves them out and the flag clears), their review rows keeping them whole with
 * the figure that won, restorable on /review and applied again when their articles are imported again (decision
 * 010). Forecasts and targets of the same row are not in conflict and are left as they are.
 */
export interface StakeRowRef {
  /** Every stored spelling of the holder (a joint holder may be stored in several orders). */
  holderIds: number[];
  heldId: number;
  /** The as-of year: the sentence's year, else its article's publication year; null when neither is known. */
  asOf: number | null;
  /** The figure to confirm. */
  figure: { status: FactValues["status"]; low: number; high: number };
  /** How the audit row names the stake ("stake of Renault in Nissan as of 2005"). */
  label: string;
}

interface StakeFact {
  id: number;
  status: FactValues["status"];
  low: number;
  high: number;
}

const figureKey = (f: { status: string; low: number; high: number }) => `${f.status}|${f.low}|${f.high}`;

/** The stake facts of one row of the stakes table, read as stakeHistories groups them. */
function rowFacts(tx: Sql, ref: StakeRowRef): Promise<StakeFact[]> {
  const holders = ref.holderIds.map(() => "?").join(", ");
  const asOf = "coalesce(f.year, (SELECT a.published_year FROM articles a WHERE a.id = f.article_id))";
  return tx.all<StakeFact>(
    `SELECT f.id, f.status, f.low, f.high FROM facts f
     WHERE f.kind = 'stake' AND f.company_id IN (${holders}) AND f.counterparty_id = ?
       AND ${sameAs(tx.dialect, asOf)}
     ORDER BY f.id`,
    [...ref.holderIds, ref.heldId, ref.asOf],
  );
}

/**
 * Confirms one fact without an audit row of its own; one already confirmed, corrected or added stays as it is.
 * Also used by settleFigure (db/figureConflicts.ts), which settles the other kinds the same way.
 */
export async function confirmQuietly(tx: Sql, factId: number, userName: string, now: string): Promise<void> {
  if (await tx.get("SELECT 1 AS one FROM fact_reviews WHERE fact_id = ?", [factId])) return;
  const fact = await factSnapshot(tx, factId);
  if (!fact) return;
  // The snapshot a confirmation on /review keeps (reviewFact): the fact as the extractor wrote it.
  const { articlePath, articleId: _id, ...original } = fact;
  await tx.run(
    `INSERT INTO fact_reviews (article_path, fingerprint, fact_id, state, original, corrected, user_name, updated_at)
     VALUES (?, ?, ?, 'confirmed', ?, NULL, ?, ?)`,
    [articlePath, fingerprints(original).strict, factId, JSON.stringify(original), userName, now],
  );
}

/**
 * Confirms `ref.figure` in its row and supersedes the row's other actual figures, in one transaction with one
 * audit row (`stake.settle`: the figures before, the one kept, the facts confirmed and superseded). A row with no
 * other actual figure left (settled meanwhile) is a 409; a figure that is not the row's, or not actual, a 400.
 */
export function settleStake(
  db: Sql,
  ref: StakeRowRef,
  userName: string,
): Promise<{ confirmed: number[]; superseded: number[] }> {
  return db.transaction(async (tx) => {
    if (ref.figure.status !== "actual") {
      throw new ReviewError("Only an actual figure settles a conflict: forecasts and targets are not in it.", 400);
    }
    const facts = await rowFacts(tx, ref);
    const chosen = figureKey(ref.figure);
    const keep = facts.filter((f) => figureKey(f) === chosen);
    const others = facts.filter((f) => f.status === "actual" && figureKey(f) !== chosen);
    if (!keep.length) {
      throw new ReviewError(`No source gives ${ref.label} as that figure any more: reload the page.`, 409);
    }
    if (!others.length) {
      throw new ReviewError(`The sources of ${ref.label} agree now: there is no conflict left to settle.`, 409);
    }
    const now = new Date().toISOString();
    const by = {
      low: ref.figure.low,
      high: ref.figure.high,
      status: ref.figure.status,
      factIds: keep.map((f) => f.id),
    };
    for (const f of keep) await confirmQuietly(tx, f.id, userName, now);
    for (const f of others) await rejectQuietly(tx, f.id, userName, now, { state: "superseded", by });
    const figures = [...new Set(facts.filter((f) => f.status === "actual").map(figureKey))].map((key) => {
      const [status, low, high] = key.split("|");
      return { status, low: Number(low), high: Number(high) };
    });
    const result = { confirmed: keep.map((f) => f.id), superseded: others.map((f) => f.id) };
    await writeAudit(tx, {
      userName,
      action: "stake.settle",
      subject: ref.label,
      before: { figures, conflict: true },
      after: { kept: { low: ref.figure.low, high: ref.figure.high, status: ref.figure.status }, ...result },
    });
    return result;
  });
}
