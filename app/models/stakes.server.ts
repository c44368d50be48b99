import { getDb } from "~/db.server";
import { type StakeGroup, stakeGroups } from "./charts.server";
import { findCompany } from "./companies.server";
import { FACT_VIEW_SELECT, toFactView } from "./facts.server";
import type { FactView } from "./types";

export interface StakeQuery {
  holder?: string;
  held?: string;
  page?: number;
  pageSize?: number;
}

export interface StakePage {
  groups: StakeGroup[];
  page: number;
  hasNext: boolean;
  /** Names of the companies filtered on; null where the slug names no company. */
  holderName: string | null;
  heldName: string | null;
  /** A filter named a company that does not exist. */
  unknownFilter: boolean;
}

/**
 * Holder/held pairs a page at a time, in the order of the (kind, company, counterparty) index, so a million facts
 * cost no sort; then every stake fact of the pairs on the page, with its sources.
 */
export function listStakes(q: StakeQuery): StakePage {
  const db = getDb().sqlite;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 25;
  const holder = q.holder ? findCompany(q.holder) : null;
  const held = q.held ? findCompany(q.held) : null;
  const unknownFilter = Boolean((q.holder && !holder) || (q.held && !held));
  const empty = { groups: [], page, hasNext: false, holderName: holder?.name ?? null, heldName: held?.name ?? null };
  if (unknownFilter) return { ...empty, unknownFilter };
  const where = ["kind = 'stake'"];
  const args: number[] = [];
  if (holder) {
    where.push("company_id = ?");
    args.push(holder.id);
  }
  if (held) {
    where.push("counterparty_id = ?");
    args.push(held.id);
  }
  const pairs = db
    .prepare(
      `SELECT DISTINCT company_id AS holderId, counterparty_id AS heldId FROM facts WHERE ${where.join(" AND ")}
       ORDER BY company_id, counterparty_id LIMIT ? OFFSET ?`,
    )
    .all(...args, pageSize + 1, (page - 1) * pageSize) as Array<{ holderId: number; heldId: number }>;
  const shown = pairs.slice(0, pageSize);
  if (!shown.length) return { ...empty, unknownFilter: false };
  const facts = db
    .prepare(
      `${FACT_VIEW_SELECT} WHERE f.kind = 'stake' AND (${shown.map(() => "(f.company_id = ? AND f.counterparty_id = ?)").join(" OR ")})
       ORDER BY f.company_id, f.counterparty_id, f.year, f.id`,
    )
    .all(...shown.flatMap((p) => [p.holderId, p.heldId])) as FactView[];
  return {
    ...empty,
    groups: stakeGroups(facts.map(toFactView)),
    hasNext: pairs.length > pageSize,
    unknownFilter: false,
  };
}
