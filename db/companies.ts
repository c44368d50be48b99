import { writeAudit } from "./audit";
import type { DbHandle } from "./client";
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

function company(handle: DbHandle, id: number): CompanyRow {
  const row = handle.sqlite.prepare("SELECT id, name, slug FROM companies WHERE id = ?").get(id) as
    | CompanyRow
    | undefined;
  if (!row) throw new ReviewError("That company is no longer stored (renamed or merged meanwhile): reload.", 404);
  return row;
}

function removal(handle: DbHandle, id: number): { userName: string; at: string } | undefined {
  return handle.sqlite.prepare("SELECT user_name AS userName, at FROM company_removals WHERE company_id = ?").get(id) as
    | { userName: string; at: string }
    | undefined;
}

function assertNotRemoved(handle: DbHandle, c: CompanyRow): void {
  const removed = removal(handle, c.id);
  if (removed)
    throw new ReviewError(`${c.name} was removed as no company by ${removed.userName}: it cannot be changed.`, 409);
}

function aliasesOf(handle: DbHandle, id: number): string[] {
  return (
    handle.sqlite.prepare("SELECT alias FROM company_aliases WHERE company_id = ? ORDER BY alias").all(id) as Array<{
      alias: string;
    }>
  ).map((r) => r.alias);
}

function factCounts(handle: DbHandle, id: number): { facts: number; factsAsCounterparty: number } {
  const count = (sql: string) => (handle.sqlite.prepare(sql).get(id) as { n: number }).n;
  return {
    facts: count("SELECT count(*) AS n FROM facts WHERE company_id = ?"),
    factsAsCounterparty: count("SELECT count(*) AS n FROM facts WHERE counterparty_id = ?"),
  };
}

/** Sends the old address `slug` to company `id` from now on (company_redirects, migration 0008). */
function redirectSlug(handle: DbHandle, slug: string, id: number): void {
  handle.sqlite
    .prepare(
      `INSERT INTO company_redirects (slug, company_id, at) VALUES (?, ?, ?)
       ON CONFLICT (slug) DO UPDATE SET company_id = excluded.company_id, at = excluded.at`,
    )
    .run(slug, id, new Date().toISOString());
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
export function renameCompany(handle: DbHandle, id: number, typed: string, userName: string): CompanyRow {
  const run = handle.sqlite.transaction(() => {
    const c = company(handle, id);
    assertNotRemoved(handle, c);
    const name = companyName(typed);
    if (name === c.name) throw new ReviewError(`${c.name} is already its name.`, 400);
    const slug = slugify(name);
    const other = handle.sqlite
      .prepare(
        `SELECT c.name FROM companies c WHERE c.id <> ? AND (c.slug = ? OR c.name = ?)
         UNION ALL SELECT c.name FROM company_aliases a JOIN companies c ON c.id = a.company_id
         WHERE a.alias = ? AND a.company_id <> ? LIMIT 1`,
      )
      .get(id, slug, name, aliasKey(name), id) as { name: string } | undefined;
    if (other) {
      throw new ReviewError(
        `"${name}" is already ${other.name === name ? "a company" : `a name of ${other.name}`}: merge ${c.name} into ${other.name} instead.`,
        409,
      );
    }
    handle.sqlite.prepare("UPDATE companies SET name = ?, slug = ? WHERE id = ?").run(name, slug, id);
    // The old address leads to the new one; an address taken back by the rename is the company's own again.
    handle.sqlite.prepare("DELETE FROM company_redirects WHERE slug = ?").run(slug);
    if (c.slug !== slug) redirectSlug(handle, c.slug, id);
    const alias = handle.sqlite.prepare(
      "INSERT INTO company_aliases (alias, company_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
    );
    alias.run(aliasKey(c.name), id);
    alias.run(aliasKey(name), id);
    writeAudit(handle, {
      userName,
      action: "company.rename",
      subject: `company ${id} (${c.name})`,
      before: { name: c.name, slug: c.slug },
      after: { name, slug },
    });
    return { id, name, slug };
  });
  return run.immediate();
}

/**
 * Merges two names that are one company: every fact of `fromId` (as subject or as the company held in a stake) and
 * every alias of it move to `intoId`, and `fromId` is deleted. An import that writes the old name again finds it
 * among the aliases of `intoId`.
 */
export function mergeCompany(handle: DbHandle, fromId: number, intoId: number, userName: string): CompanyRow {
  const run = handle.sqlite.transaction(() => {
    const from = company(handle, fromId);
    if (fromId === intoId) throw new ReviewError(`${from.name} cannot be merged into itself.`, 400);
    const into = company(handle, intoId);
    assertNotRemoved(handle, from);
    assertNotRemoved(handle, into);
    const fromAliases = aliasesOf(handle, fromId);
    // Everything the merge changes, kept in its audit row so an admin can undo it (db/companyUndo.ts).
    const undo = mergeUndoData(handle, fromId, intoId);
    const counts = factCounts(handle, fromId);
    const intoBefore = factCounts(handle, intoId);
    handle.sqlite.prepare("UPDATE facts SET company_id = ? WHERE company_id = ?").run(intoId, fromId);
    handle.sqlite.prepare("UPDATE facts SET counterparty_id = ? WHERE counterparty_id = ?").run(intoId, fromId);
    handle.sqlite.prepare("UPDATE company_aliases SET company_id = ? WHERE company_id = ?").run(intoId, fromId);
    handle.sqlite
      .prepare(
        "INSERT INTO company_aliases (alias, company_id) VALUES (?, ?) ON CONFLICT DO UPDATE SET company_id = excluded.company_id",
      )
      .run(aliasKey(from.name), intoId);
    // The merged company's address, and those it had before, lead to the company merged into.
    handle.sqlite.prepare("UPDATE company_redirects SET company_id = ? WHERE company_id = ?").run(intoId, fromId);
    redirectSlug(handle, from.slug, intoId);
    handle.sqlite.prepare("DELETE FROM companies WHERE id = ?").run(fromId);
    writeAudit(handle, {
      userName,
      action: "company.merge",
      subject: `company ${fromId} (${from.name}) into company ${intoId} (${into.name})`,
      before: { name: from.name, slug: from.slug, aliases: fromAliases, ...counts, undo },
      after: {
        name: into.name,
        slug: into.slug,
        aliases: aliasesOf(handle, intoId),
        facts: intoBefore.facts + counts.facts,
        factsAsCounterparty: intoBefore.factsAsCounterparty + counts.factsAsCounterparty,
      },
    });
    return into;
  });
  try {
    return run.immediate();
  } finally {
    // The importer's memory of which company an alias names may hold the deleted company.
    forgetAliases(handle);
  }
}

/**
 * Removes a name that is no company: each of its facts (as subject or as the company held) is rejected, as an
 * analyst would reject it on /review (restorable, applied again by re-imports), and the name is marked removed,
 * so that facts an import files under it later are rejected as they are written (rejectRemovedCompanyFacts).
 */
export function removeCompany(handle: DbHandle, id: number, userName: string): { rejected: number } {
  const run = handle.sqlite.transaction(() => {
    const c = company(handle, id);
    const already = removal(handle, id);
    if (already) throw new ReviewError(`${c.name} was already removed by ${already.userName}.`, 409);
    const counts = factCounts(handle, id);
    const now = new Date().toISOString();
    const ids = (
      handle.sqlite
        .prepare("SELECT id FROM facts WHERE company_id = ? UNION SELECT id FROM facts WHERE counterparty_id = ?")
        .all(id, id) as Array<{ id: number }>
    ).map((r) => r.id);
    let rejected = 0;
    // Each fact and its review as they were, kept in the audit row so an admin can undo it (db/companyUndo.ts).
    const facts: RemovedFact[] = [];
    const lastInsert = handle.sqlite.prepare("SELECT last_insert_rowid() AS id");
    for (const factId of ids) {
      const before = factBeforeRemoval(handle, factId);
      if (!rejectQuietly(handle, factId, userName, now)) continue;
      rejected++;
      // A fact nobody had reviewed gets a new review row saying it is rejected: the undo deletes it again.
      if (before) {
        const created = before.review ? null : (lastInsert.get() as { id: number }).id;
        facts.push({ ...before, createdReviewId: created });
      }
    }
    handle.sqlite
      .prepare("INSERT INTO company_removals (company_id, user_name, at) VALUES (?, ?, ?)")
      .run(id, userName, now);
    writeAudit(handle, {
      userName,
      action: "company.remove",
      subject: `company ${id} (${c.name})`,
      before: {
        name: c.name,
        slug: c.slug,
        aliases: aliasesOf(handle, id),
        ...counts,
        removed: false,
        undo: { companyId: id, at: now, facts },
      },
      after: { removed: true, factsRejected: rejected },
    });
    return { rejected };
  });
  return run.immediate();
}

const removalStatements = new WeakMap<DbHandle, ReturnType<typeof prepareRemovals>>();

function prepareRemovals(handle: DbHandle) {
  return {
    any: handle.sqlite.prepare("SELECT 1 FROM company_removals LIMIT 1"),
    facts: handle.sqlite.prepare<[number], { id: number; userName: string }>(
      `SELECT f.id, coalesce(rc.user_name, rp.user_name) AS userName FROM facts f
       LEFT JOIN company_removals rc ON rc.company_id = f.company_id
       LEFT JOIN company_removals rp ON rp.company_id = f.counterparty_id
       WHERE f.article_id = ? AND (rc.company_id IS NOT NULL OR rp.company_id IS NOT NULL)`,
    ),
  };
}

/**
 * Rejects the facts an import just wrote for an article under a removed name (inside the import's transaction),
 * in the name of the analyst who removed it. Costs one lookup of an empty table when nothing was ever removed.
 */
export function rejectRemovedCompanyFacts(handle: DbHandle, articleId: number): number {
  let st = removalStatements.get(handle);
  if (!st) {
    st = prepareRemovals(handle);
    removalStatements.set(handle, st);
  }
  if (!st.any.get()) return 0;
  const now = new Date().toISOString();
  let rejected = 0;
  for (const f of st.facts.all(articleId)) if (rejectQuietly(handle, f.id, f.userName, now)) rejected++;
  return rejected;
}
