import { writeAudit } from "./audit";
import { factBeforeRemoval, mergeUndoData, type RemovedFact } from "./companyUndo";
import { ReviewError, rejectQuietly } from "./reviews";
import { slugify } from "./slug";
import type { Sql } from "./sql";
import { forgetAliases } from "./store";

/**
 * What analysts change about companies themselves (docs/decisions/014): a rename, a merge of two names that are one
 * company, and the removal of a name that is no company. Each runs in one transaction with its audit row, and each
 * outlives a re-import: the importer finds companies by alias, and the aliases say where an old name went.
 */

interface CompanyRow {
  id: number;
  name: string;
  slug: string;
}

/** Alias keys as db/store.ts writes them. */
const aliasKey = (s: string) => s.trim().toLowerCase();

const MAX_NAME = 120;

/** A name as typed, spaces tidied; a 400 that says what is wrong with it otherwise. */
export function companyName(typed: string): string {
  const name = typed.replace(/\s+/g, " ").trim();
  if (!name) throw new ReviewError("A company needs a name.", 400);
  if (name.length > MAX_NAME) throw new ReviewError(`A company name is at most ${MAX_NAME} characters.`, 400);
  // Control characters, and the invisible ones that reorder or hide text, have no place in a name.
  if (/[\p{Cc}\p{Cf}]/u.test(name)) throw new ReviewError("A company name cannot hold control characters.", 400);
  if (!/[\p{L}\p{N}]/u.test(name)) throw new ReviewError("A company name needs a letter or a digit.", 400);
  return name;
}

async function company(tx: Sql, id: number): Promise<CompanyRow> {
  const row = await tx.get<CompanyRow>("SELECT id, name, slug FROM companies WHERE id = ?", [id]);
  if (!row) throw new ReviewError("That company is no longer stored (renamed or merged meanwhile): reload.", 404);
  return row;
}

function removal(tx: Sql, id: number): Promise<{ userName: string; at: string } | undefined> {
  return tx.get('SELECT user_name AS "userName", at FROM company_removals WHERE company_id = ?', [id]);
}

async function assertNotRemoved(tx: Sql, c: CompanyRow): Promise<void> {
  const removed = await removal(tx, c.id);
  if (removed)
    throw new ReviewError(`${c.name} was removed as no company by ${removed.userName}: it cannot be changed.`, 409);
}

async function aliasesOf(tx: Sql, id: number): Promise<string[]> {
  const rows = await tx.all<{ alias: string }>(
    "SELECT alias FROM company_aliases WHERE company_id = ? ORDER BY alias",
    [id],
  );
  return rows.map((r) => r.alias);
}

async function factCounts(tx: Sql, id: number): Promise<{ facts: number; factsAsCounterparty: number }> {
  const count = async (sql: string) => (await tx.get<{ n: number }>(sql, [id]))!.n;
  return {
    facts: await count("SELECT count(*) AS n FROM facts WHERE company_id = ?"),
    factsAsCounterparty: await count("SELECT count(*) AS n FROM facts WHERE counterparty_id = ?"),
  };
}

/** Sends the old address `slug` to company `id` from now on (company_redirects, migration 0008). */
async function redirectSlug(tx: Sql, slug: string, id: number): Promise<void> {
  await tx.run(
    `INSERT INTO company_redirects (slug, company_id, at) VALUES (?, ?, ?)
     ON CONFLICT (slug) DO UPDATE SET company_id = excluded.company_id, at = excluded.at`,
    [slug, id, new Date().toISOString()],
  );
}

/** The company an old address (a slug it had before a rename or merge) leads to now, if any. */
export function redirectedCompany(sql: Sql, slug: string): Promise<{ slug: string } | undefined> {
  return sql.get("SELECT c.slug FROM company_redirects r JOIN companies c ON c.id = r.company_id WHERE r.slug = ?", [
    slug,
  ]);
}

/**
 * Renames a company. Its old name stays an alias, so an import that writes the old name again files the facts
 * under the new one; a name another company has (or is known by) is refused with the advice to merge instead.
 */
export function renameCompany(db: Sql, id: number, typed: string, userName: string): Promise<CompanyRow> {
  return db.transaction(async (tx) => {
    const c = await company(tx, id);
    await assertNotRemoved(tx, c);
    const name = companyName(typed);
    if (name === c.name) throw new ReviewError(`${c.name} is already its name.`, 400);
    const slug = slugify(name);
    const other = await tx.get<{ name: string }>(
      `SELECT c.name FROM companies c WHERE c.id <> ? AND (c.slug = ? OR c.name = ?)
       UNION ALL SELECT c.name FROM company_aliases a JOIN companies c ON c.id = a.company_id
       WHERE a.alias = ? AND a.company_id <> ? LIMIT 1`,
      [id, slug, name, aliasKey(name), id],
    );
    if (other) {
      throw new ReviewError(
        `"${name}" is already ${other.name === name ? "a company" : `a name of ${other.name}`}: merge ${c.name} into ${other.name} instead.`,
        409,
      );
    }
    await tx.run("UPDATE companies SET name = ?, slug = ? WHERE id = ?", [name, slug, id]);
    // The old address leads to the new one; an address taken back by the rename is the company's own again.
    await tx.run("DELETE FROM company_redirects WHERE slug = ?", [slug]);
    if (c.slug !== slug) await redirectSlug(tx, c.slug, id);
    const alias = (key: string) =>
      tx.run("INSERT INTO company_aliases (alias, company_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [key, id]);
    await alias(aliasKey(c.name));
    await alias(aliasKey(name));
    await writeAudit(tx, {
      userName,
      action: "company.rename",
      subject: `company ${id} (${c.name})`,
      before: { name: c.name, slug: c.slug },
      after: { name, slug },
    });
    return { id, name, slug };
  });
}

/**
 * Merges two names that are one company: every fact of `fromId` (as subject or as the company held in a stake) and
 * every alias of it move to `intoId`, and `fromId` is deleted. An import that writes the old name again finds it
 * among the aliases of `intoId`.
 */
export async function mergeCompany(db: Sql, fromId: number, intoId: number, userName: string): Promise<CompanyRow> {
  const run = db.transaction(async (tx) => {
    const from = await company(tx, fromId);
    if (fromId === intoId) throw new ReviewError(`${from.name} cannot be merged into itself.`, 400);
    const into = await company(tx, intoId);
    await assertNotRemoved(tx, from);
    await assertNotRemoved(tx, into);
    const fromAliases = await aliasesOf(tx, fromId);
    // Everything the merge changes, kept in its audit row so an admin can undo it (db/companyUndo.ts).
    const undo = await mergeUndoData(tx, fromId, intoId);
    const counts = await factCounts(tx, fromId);
    const intoBefore = await factCounts(tx, intoId);
    await tx.run("UPDATE facts SET company_id = ? WHERE company_id = ?", [intoId, fromId]);
    await tx.run("UPDATE facts SET counterparty_id = ? WHERE counterparty_id = ?", [intoId, fromId]);
    await tx.run("UPDATE company_aliases SET company_id = ? WHERE company_id = ?", [intoId, fromId]);
    await tx.run(
      "INSERT INTO company_aliases (alias, company_id) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET company_id = excluded.company_id",
      [aliasKey(from.name), intoId],
    );
    // The merged company's address, and those it had before, lead to the company merged into.
    await tx.run("UPDATE company_redirects SET company_id = ? WHERE company_id = ?", [intoId, fromId]);
    await redirectSlug(tx, from.slug, intoId);
    await tx.run("DELETE FROM companies WHERE id = ?", [fromId]);
    await writeAudit(tx, {
      userName,
      action: "company.merge",
      subject: `company ${fromId} (${from.name}) into company ${intoId} (${into.name})`,
      before: { name: from.name, slug: from.slug, aliases: fromAliases, ...counts, undo },
      after: {
        name: into.name,
        slug: into.slug,
        aliases: await aliasesOf(tx, intoId),
        facts: intoBefore.facts + counts.facts,
        factsAsCounterparty: intoBefore.factsAsCounterparty + counts.factsAsCounterparty,
      },
    });
    return into;
  });
  try {
    return await run;
  } finally {
    // The importer's memory of which company an alias names may hold the deleted company.
    forgetAliases(db);
  }
}

/**
 * Removes a name that is no company: each of its facts (as subject or as the company held) is rejected, as an
 * analyst would reject it on /review (restorable, applied again by re-imports), and the name is marked removed,
 * so that facts an import files under it later are rejected as they are written (rejectRemovedCompanyFacts).
 */
export function removeCompany(db: Sql, id: number, userName: string): Promise<{ rejected: number }> {
  return db.transaction(async (tx) => {
    const c = await company(tx, id);
    const already = await removal(tx, id);
    if (already) throw new ReviewError(`${c.name} was already removed by ${already.userName}.`, 409);
    const counts = await factCounts(tx, id);
    const now = new Date().toISOString();
    const ids = (
      await tx.all<{ id: number }>(
        "SELECT id FROM facts WHERE company_id = ? UNION SELECT id FROM facts WHERE counterparty_id = ? ORDER BY 1",
        [id, id],
      )
    ).map((r) => r.id);
    let rejected = 0;
    // Each fact and its review as they were, kept in the audit row so an admin can undo it (db/companyUndo.ts).
    const facts: RemovedFact[] = [];
    for (const factId of ids) {
      const before = await factBeforeRemoval(tx, factId);
      if (!(await rejectQuietly(tx, factId, userName, now))) continue;
      rejected++;
      // A fact nobody had reviewed gets a new review row saying it is rejected: the undo deletes it again. Write
      // transactions run one at a time (decision 020), so the newest review row is the one just written.
      if (before) {
        const created = before.review
          ? null
          : ((await tx.get<{ id: number }>("SELECT max(id) AS id FROM fact_reviews"))?.id ?? null);
        facts.push({ ...before, createdReviewId: created === null ? null : Number(created) });
      }
    }
    await tx.run("INSERT INTO company_removals (company_id, user_name, at) VALUES (?, ?, ?)", [id, userName, now]);
    await writeAudit(tx, {
      userName,
      action: "company.remove",
      subject: `company ${id} (${c.name})`,
      before: {
        name: c.name,
        slug: c.slug,
        aliases: await aliasesOf(tx, id),
        ...counts,
        removed: false,
        undo: { companyId: id, at: now, facts },
      },
      after: { removed: true, factsRejected: rejected },
    });
    return { rejected };
  });
}

/**
 * Rejects the facts an import just wrote for an article under a removed name (inside the import's transaction),
 * in the name of the analyst who removed it. Costs one lookup of an empty table when nothing was ever removed.
 */
export async function rejectRemovedCompanyFacts(tx: Sql, articleId: number): Promise<number> {
  if (!(await tx.get("SELECT 1 AS one FROM company_removals LIMIT 1"))) return 0;
  const facts = await tx.all<{ id: number; userName: string }>(
    `SELECT f.id, coalesce(rc.user_name, rp.user_name) AS "userName" FROM facts f
     LEFT JOIN company_removals rc ON rc.company_id = f.company_id
     LEFT JOIN company_removals rp ON rp.company_id = f.counterparty_id
     WHERE f.article_id = ? AND (rc.company_id IS NOT NULL OR rp.company_id IS NOT NULL) ORDER BY f.id`,
    [articleId],
  );
  const now = new Date().toISOString();
  let rejected = 0;
  for (const f of facts) if (await rejectQuietly(tx, f.id, f.userName, now)) rejected++;
  return rejected;
}
