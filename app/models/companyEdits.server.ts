import { json } from "@remix-run/node";
import { getSql } from "~/db.server";
import { getWriteSql, isBusy } from "~/writeDb.server";
import { mergeCompany, removeCompany, renameCompany } from "../../db/companies";
import { ReviewError } from "../../db/reviews";

/** What the company page shows analysts about a company's own record: its other names, and whether it was removed. */
export interface CompanyRecord {
  aliases: string[];
  removed: { userName: string; at: string } | null;
}

export async function companyRecord(companyId: number): Promise<CompanyRecord> {
  const sql = await getSql();
  const aliases = (
    await sql.all<{ alias: string }>("SELECT alias FROM company_aliases WHERE company_id = ? ORDER BY alias LIMIT 50", [
      companyId,
    ])
  ).map((r) => r.alias);
  const removed =
    (await sql.get<{ userName: string; at: string }>(
      'SELECT user_name AS "userName", at FROM company_removals WHERE company_id = ?',
      [companyId],
    )) ?? null;
  return { aliases, removed };
}

export type CompanyChange =
  | { action: "rename"; name: string }
  | { action: "merge"; intoId: number }
  | { action: "remove" };

/**
 * Applies one analyst's change to a company through the server's write connection, audited. The slug to go to
 * afterwards comes back (the new name's, or the company merged into). Mistakes are 400s, a company gone meanwhile a
 * 404, a clash or a removed company a 409, each with what to do, and an import holding the lock a 503.
 */
export async function changeCompany(
  userName: string,
  companyId: number,
  change: CompanyChange,
): Promise<{ slug: string }> {
  const db = await getWriteSql();
  try {
    if (change.action === "rename") return { slug: (await renameCompany(db, companyId, change.name, userName)).slug };
    if (change.action === "merge") return { slug: (await mergeCompany(db, companyId, change.intoId, userName)).slug };
    await removeCompany(db, companyId, userName);
    const row = await db.get<{ slug: string }>("SELECT slug FROM companies WHERE id = ?", [companyId]);
    return { slug: row!.slug };
  } catch (err) {
    if (err instanceof ReviewError) throw json({ message: err.message }, { status: err.status });
    if (isBusy(err)) {
      throw json(
        { message: "An import is writing to the database; try again in a few seconds." },
        { status: 503, headers: { "Retry-After": "5" } },
      );
    }
    throw err;
  }
}
