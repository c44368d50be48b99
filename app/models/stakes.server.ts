import { getDb } from "~/db.server";
import { type StakeGroup, stakeGroupsOf, stakePairs } from "./charts.server";
import { findCompany } from "./companies.server";
import { leanStakesOfPairs } from "./figures.server";

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
 * cost no sort; then the stakes of those pairs from the same index, and the quotes of the sources shown.
 */
export function listStakes(q: StakeQuery): StakePage {
  const db = getDb().sqlite;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 10;
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
  const index = held && !holder ? "facts_counterparty_chart_idx" : "facts_kind_company_counterparty_idx";
  const pairs = db
    .prepare(
      `SELECT DISTINCT company_id AS holderId, counterparty_id AS heldId FROM facts INDEXED BY ${index}
       WHERE ${where.join(" AND ")} ORDER BY ${held && !holder ? "counterparty_id, company_id" : "company_id, counterparty_id"}
       LIMIT ? OFFSET ?`,
    )
    .all(...args, pageSize + 1, (page - 1) * pageSize) as Array<{ holderId: number; heldId: number }>;
  const shown = pairs.slice(0, pageSize);
  if (!shown.length) return { ...empty, unknownFilter: false };
  const facts = leanStakesOfPairs(shown);
  // Keep the page's order (the index's), not the most-reported-first order a company page uses.
  const order = new Map(shown.map((p, i) => [`${p.holderId}|${p.heldId}`, i]));
  const grouped = stakePairs(facts, (f) => `${f.companyId}|${f.counterpartyId}`).sort(
    (a, b) => (order.get(`${a.holderId}|${a.heldId}`) ?? 0) - (order.get(`${b.holderId}|${b.heldId}`) ?? 0),
  );
  return { ...empty, groups: stakeGroupsOf(grouped), hasNext: pairs.length > pageSize, unknownFilter: false };
}
