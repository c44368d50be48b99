import { getSql } from "~/db.server";
import { indexedBy } from "../../db/dialect";
import { findCompany } from "./companies.server";
import { jointHolders, membersOf, representativeOf } from "./jointHolders.server";
import { canonicalPairs, type HolderPair, stakeHistories } from "./stakeHistory.server";
import type { StakeHistory } from "./stakeTypes";

export interface StakeQuery {
  holder?: string;
  held?: string;
  page?: number;
  pageSize?: number;
}

export interface StakePage {
  groups: StakeHistory[];
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
 * cost no sort; then every stake of those pairs with its source. A joint holder stored under another spelling
 * ("B + A") is listed once, under its canonical one, on the page where its first spelling falls.
 */
export async function listStakes(q: StakeQuery): Promise<StakePage> {
  const sql = await getSql();
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 10;
  const holder = q.holder ? await findCompany(q.holder) : null;
  const held = q.held ? await findCompany(q.held) : null;
  const unknownFilter = Boolean((q.holder && !holder) || (q.held && !held));
  const joint = await jointHolders();
  const holderName = holder ? (joint.canonicalName.get(representativeOf(joint, holder.id)) ?? holder.name) : null;
  const empty = { groups: [], page, hasNext: false, holderName, heldName: held?.name ?? null };
  if (unknownFilter) return { ...empty, unknownFilter };
  const where = ["kind = 'stake'"];
  const args: number[] = [];
  if (holder) {
    const ids = membersOf(joint, holder.id);
    where.push(`company_id IN (${ids.map(() => "?").join(",")})`);
    args.push(...ids);
  }
  if (held) {
    where.push("counterparty_id = ?");
    args.push(held.id);
  }
  const byHeld = held && !holder;
  const index = byHeld ? "facts_counterparty_chart_idx" : "facts_kind_company_counterparty_idx";
  const pairs = await sql.all<HolderPair>(
    `SELECT DISTINCT company_id AS "holderId", counterparty_id AS "heldId" FROM facts ${indexedBy(sql.dialect, index)}
     WHERE ${where.join(" AND ")} ORDER BY ${byHeld ? "counterparty_id, company_id" : "company_id, counterparty_id"}
     LIMIT ? OFFSET ?`,
    [...args, pageSize + 1, (page - 1) * pageSize],
  );
  const shown = pairs.slice(0, pageSize);
  if (!shown.length) return { ...empty, unknownFilter: false };
  // Another spelling of a joint holder is listed where the pair's first spelling (lowest id) falls, not again.
  const exists = `SELECT 1 FROM facts ${indexedBy(sql.dialect, "facts_kind_company_counterparty_idx")}
     WHERE kind = 'stake' AND company_id = ? AND counterparty_id = ? LIMIT 1`;
  const firstSpelling: HolderPair[] = [];
  for (const p of shown) {
    const earlier = membersOf(joint, p.holderId).filter((id) => id < p.holderId);
    let stored = false;
    for (const id of earlier) if (!stored) stored = (await sql.get(exists, [id, p.heldId])) !== undefined;
    if (!stored) firstSpelling.push(p);
  }
  const groups = await stakeHistories(canonicalPairs(firstSpelling, joint), joint);
  return { ...empty, groups, hasNext: pairs.length > pageSize, unknownFilter: false };
}
