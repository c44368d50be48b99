import { writeAudit } from "./audit";
import { indexedBy } from "./dialect";
import { ReviewError, rejectQuietly } from "./reviews";
import { sameFigureSlot } from "./segments";
import type { Sql } from "./sql";
import { confirmQuietly } from "./stakeConflicts";

/**
 * Settling a conflict of a revenue, revenue change, market share or sales volume figure by confirming one: where
 * sources give one company's figure of one kind, period, unit, market and status as different values (the review
 * queue flags them "another source gives another figure", the charts ⚠), an analyst confirms one. The facts that
 * give it are confirmed; those giving another value are superseded, as settleStake does for stakes
 * (db/stakeConflicts.ts): out of `facts`, their review rows keeping them whole with the figure that won, restorable
 * on /review and applied again when their articles are imported again (decision 010).
 *
 * The group is the one the queue and the charts compare (same company, kind, year, period, unit, market, company
 * held and status), and a segment's figure ("its cloud unit's revenue") is compared only with the same segment's:
 * it is not in conflict with the company's own total. Stakes are settled by their as-of year on the stakes page.
 */
export interface FigureFact {
  id: number;
  low: number;
  high: number;
  articleId: number;
}

/** Every fact of the group `factId` is in (itself included), oldest first; empty when the fact is gone. */
export function conflictGroup(tx: Sql, factId: number): Promise<FigureFact[]> {
  return tx.all<FigureFact>(
    `SELECT g.id, g.low, g.high, g.article_id AS "articleId"
     FROM facts f JOIN facts g ${indexedBy(tx.dialect, "facts_company_chart_idx")} ON ${sameFigureSlot(tx.dialect)}
     WHERE f.id = ?
     ORDER BY g.id`,
    [factId],
  );
}

interface Chosen {
  kind: string;
  company: string;
  year: number | null;
  period: string | null;
  unit: string;
  status: "actual" | "forecast" | "target";
  low: number;
  high: number;
}

const sameFigure = (a: { low: number; high: number }, b: { low: number; high: number }) =>
  a.low === b.low && a.high === b.high;

/**
 * Confirms the figure fact `factId` gives and supersedes the other figures of its group, in one transaction with
 * one audit row (`figure.settle`: the figures before, the one kept, the facts confirmed and superseded). A fact
 * gone meanwhile is a 404, a stake a 400 (the stakes page settles those), a group whose sources agree now a 409.
 */
export function settleFigure(
  db: Sql,
  factId: number,
  userName: string,
): Promise<{ confirmed: number[]; superseded: number[] }> {
  return db.transaction(async (tx) => {
    const chosen = await tx.get<Chosen>(
      `SELECT f.kind, c.name AS company, f.year, f.period, f.unit, f.status, f.low, f.high
       FROM facts f JOIN companies c ON c.id = f.company_id WHERE f.id = ?`,
      [factId],
    );
    if (!chosen) {
      throw new ReviewError(`No fact ${factId}: it was rejected, superseded or re-imported. Reload the queue.`, 404);
    }
    if (chosen.kind === "stake") {
      throw new ReviewError("A stake conflict is settled on the stakes page, by the stake's as-of year.", 400);
    }
    const group = await conflictGroup(tx, factId);
    const keep = group.filter((f) => sameFigure(f, chosen));
    const others = group.filter((f) => !sameFigure(f, chosen));
    const when = [chosen.year ?? "no year", chosen.period].filter(Boolean).join(" ");
    const label = `${chosen.kind} of ${chosen.company}, ${when} (${chosen.status}, ${chosen.unit})`;
    if (!others.length) {
      throw new ReviewError(`The sources of ${label} agree now: there is no conflict left to settle.`, 409);
    }
    const now = new Date().toISOString();
    const by = { low: chosen.low, high: chosen.high, status: chosen.status, factIds: keep.map((f) => f.id) };
    for (const f of keep) await confirmQuietly(tx, f.id, userName, now);
    for (const f of others) await rejectQuietly(tx, f.id, userName, now, { state: "superseded", by });
    const figures = [...new Map(group.map((f) => [`${f.low}|${f.high}`, { low: f.low, high: f.high }])).values()];
    const result = { confirmed: keep.map((f) => f.id), superseded: others.map((f) => f.id) };
    await writeAudit(tx, {
      userName,
      action: "figure.settle",
      subject: label,
      before: { figures, conflict: true },
      after: { kept: { low: chosen.low, high: chosen.high, status: chosen.status }, ...result },
    });
    return result;
  });
}
