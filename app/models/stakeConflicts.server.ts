import { json } from "@remix-run/node";
import { getWriteSql } from "~/writeDb.server";
import { settleStake } from "../../db/stakeConflicts";
import { findCompany } from "./companies.server";
import { jointHolders, membersOf } from "./jointHolders.server";
import { reviewFailure } from "./reviews.server";
import type { FactStatus } from "./types";

/** One row of the stakes table and the figure an analyst confirms in it, as the settle form sends them. */
export interface SettleRequest {
  holder: string;
  held: string;
  asOf: number | null;
  status: FactStatus;
  low: number;
  high: number;
}

/**
 * Settles a stake conflict (db/stakeConflicts.ts): the figure chosen is confirmed, the row's other actual figures
 * superseded, through the server's write connection, audited. A holder stored under several spellings (a joint
 * holder) is settled in all of them, as the stakes table shows them as one.
 */
export async function settleStakeConflict(
  userName: string,
  r: SettleRequest,
): Promise<{ confirmed: number[]; superseded: number[] }> {
  const holder = await findCompany(r.holder);
  const held = await findCompany(r.held);
  if (!holder || !held) {
    throw json(
      { message: `No company called "${(holder ? r.held : r.holder).slice(0, 80)}": reload the page.` },
      { status: 404 },
    );
  }
  const year = r.asOf === null ? "with no year" : `as of ${r.asOf}`;
  const joint = await jointHolders();
  try {
    return await settleStake(
      await getWriteSql(),
      {
        holderIds: membersOf(joint, holder.id),
        heldId: held.id,
        asOf: r.asOf,
        figure: { status: r.status, low: r.low, high: r.high },
        label: `stake of ${holder.name} in ${held.name} ${year}`,
      },
      userName,
    );
  } catch (err) {
    throw reviewFailure(err);
  }
}
