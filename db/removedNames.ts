import type { Sql } from "./sql";

/**
 * Why a correction or an added fact may not name these companies, or null when it may: a name removed as no
 * company (docs/decisions/014) keeps its row so imports reject what they file there, so a fact an analyst files
 * under it would sit under a name no list, search or chart shows. Names not known yet are fine (they are created).
 */
export async function removedNameIn(
  tx: Sql,
  values: { company: string; counterparty?: string | null },
): Promise<string | null> {
  for (const typed of [values.company, values.counterparty]) {
    if (!typed?.trim()) continue;
    const key = typed.trim().toLowerCase();
    const removed = await tx.get<{ name: string; userName: string }>(
      `SELECT c.name, r.user_name AS "userName" FROM companies c JOIN company_removals r ON r.company_id = c.id
       WHERE lower(c.name) = ? OR c.id IN (SELECT a.company_id FROM company_aliases a WHERE a.alias = ?) LIMIT 1`,
      [key, key],
    );
    if (removed) {
      return `"${typed.trim()}" is ${removed.name}, which ${removed.userName} removed as no company: name the company the fact is about, or reject the fact.`;
    }
  }
  return null;
}
