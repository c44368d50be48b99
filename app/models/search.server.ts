import { getSql, untilDataChanges } from "~/db.server";
import { indexedBy } from "../../db/dialect";
import { type Company, movedCompanySlug } from "./companies.server";
import { groupName, jointHolders, representativeOf } from "./jointHolders.server";
import type { CompanyMatch, MatchKind } from "./searchTypes";

/** One way of writing a company: its name or one of its aliases, folded for comparison. */
interface SearchKey {
  companyId: number;
  key: string;
  /** As shown to people: the name as stored, or the alias (stored lower-cased). */
  label: string;
  isName: boolean;
}

interface SearchIndex {
  keys: SearchKey[];
  companies: Map<number, Company>;
  bySlug: Map<string, Company>;
  /** Facts a company is the subject of, and how many companies hold a stake in it (all a held-only company has). */
  facts: Map<number, number>;
  holders: Map<number, number>;
}

/**
 * Lower case, accents and repeated spaces removed, so "Société  Générale" and "societe generale" are one key.
 * SQLite's lower() folds ASCII only, which is why matching happens here rather than in SQL.
 */
export function foldName(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

async function buildIndex(): Promise<SearchIndex> {
  const sql = await getSql();
  // A name removed as no company (docs/decisions/014) is found by no search.
  const rows = await sql.all<Company>(
    "SELECT id, name, slug FROM companies WHERE id NOT IN (SELECT company_id FROM company_removals)",
  );
  // A joint holder stored in several orders ("A + B", "B + A") is one company, found by every spelling and shown
  // under its canonical name, as the stakes pages list it; its other spellings' pages lead to it.
  const joint = await jointHolders();
  const own = (id: number) => representativeOf(joint, id);
  const companies = new Map(
    rows.filter((c) => own(c.id) === c.id).map((c) => [c.id, { ...c, name: groupName(joint, c.id) ?? c.name }]),
  );
  const keys: SearchKey[] = rows.flatMap((c) => {
    const company = companies.get(own(c.id));
    if (!company) return [];
    const spelling = { companyId: company.id, key: foldName(c.name), label: c.name, isName: c.name === company.name };
    // A representative stored in another order than the canonical one is also found by the canonical name.
    return c.id === company.id && c.name !== company.name
      ? [spelling, { companyId: company.id, key: foldName(company.name), label: company.name, isName: true }]
      : [spelling];
  });
  const aliases = await sql.all<{ alias: string; companyId: number }>(
    'SELECT alias, company_id AS "companyId" FROM company_aliases',
  );
  // Most aliases are just a name lower-cased; one key per spelling and company keeps the scan short.
  const seen = new Set(keys.map((k) => `${k.companyId} ${k.key}`));
  for (const a of aliases) {
    const key = foldName(a.alias);
    const company = companies.get(own(a.companyId));
    if (!company || seen.has(`${company.id} ${key}`)) continue;
    seen.add(`${company.id} ${key}`);
    keys.push({ companyId: company.id, key, label: a.alias, isName: false });
  }
  // Both counts come from covering indexes, so no fact row (with its long quote) is read; a joint holder's
  // spellings count together.
  const count = async (text: string) => {
    const counts = new Map<number, number>();
    for (const r of await sql.all<{ id: number; n: number }>(text))
      counts.set(own(r.id), (counts.get(own(r.id)) ?? 0) + r.n);
    return counts;
  };
  const facts = await count(
    `SELECT company_id AS id, count(*) AS n FROM facts ${indexedBy(sql.dialect, "facts_company_chart_idx")}
     GROUP BY company_id`,
  );
  const holders = await count(
    `SELECT counterparty_id AS id, count(DISTINCT company_id) AS n
     FROM facts ${indexedBy(sql.dialect, "facts_counterparty_chart_idx")}
     WHERE counterparty_id IS NOT NULL GROUP BY counterparty_id`,
  );
  const bySlug = new Map(
    rows.flatMap((c) => {
      const company = companies.get(own(c.id));
      return company ? [[c.slug, company] as const] : [];
    }),
  );
  return { keys, companies, bySlug, facts, holders };
}

/** Rebuilt once per change to the database: a search is then a scan of strings in memory, without SQL. */
function searchIndex(): Promise<SearchIndex> {
  return untilDataChanges("companySearchIndex", buildIndex);
}

const RANK: Record<MatchKind, number> = { exact: 0, prefix: 1, word: 2, contains: 3 };

const WORD_CHAR = /[\p{L}\p{N}]/u;

function matchKind(key: string, q: string): MatchKind | null {
  let at = key.indexOf(q);
  if (at < 0) return null;
  if (at === 0) return key.length === q.length ? "exact" : "prefix";
  // A word of the key starting with the query ("nissan" in "renault + nissan + avtovaz"), wherever it is: the
  // first occurrence may be inside another word ("placme acmecorp").
  for (; at > 0; at = key.indexOf(q, at + 1)) if (!WORD_CHAR.test(key[at - 1])) return "word";
  return "contains";
}

/**
 * Companies whose name or any alias contains the query, best first: an exact name before one that starts with the
 * query, before one with a word that starts with it, before one that merely contains it; then the companies with
 * more facts (and holders), then shorter names. Companies no fact mentions any more are left out.
 */
export async function searchCompanies(query: string, limit = 10): Promise<CompanyMatch[]> {
  return searchIn(await searchIndex(), query, limit);
}

function searchIn(index: SearchIndex, query: string, limit: number): CompanyMatch[] {
  const q = foldName(query);
  if (!q || limit < 1) return [];
  const best = new Map<number, { kind: MatchKind; key: SearchKey }>();
  for (const k of index.keys) {
    const kind = matchKind(k.key, q);
    if (!kind) continue;
    const seen = best.get(k.companyId);
    // The name wins a tie with an alias: it is what the page will be titled.
    const better =
      !seen ||
      RANK[kind] < RANK[seen.kind] ||
      (RANK[kind] === RANK[seen.kind] && k.isName && !seen.key.isName) ||
      (RANK[kind] === RANK[seen.kind] && k.isName === seen.key.isName && k.key.length < seen.key.key.length);
    if (better) best.set(k.companyId, { kind, key: k });
  }
  const matches: CompanyMatch[] = [];
  for (const [id, { kind, key }] of best) {
    const company = index.companies.get(id)!;
    const facts = index.facts.get(id) ?? 0;
    const holders = index.holders.get(id) ?? 0;
    if (facts + holders === 0) continue;
    matches.push({
      name: company.name,
      slug: company.slug,
      alias: key.isName ? null : key.label,
      match: kind,
      facts,
      holders,
    });
  }
  return matches
    .sort(
      (a, b) =>
        RANK[a.match] - RANK[b.match] ||
        b.facts + b.holders - (a.facts + a.holders) ||
        a.name.length - b.name.length ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit);
}

/** The company a typed name stands for: its name, an alias or its slug, in any case, with or without accents. */
async function resolveOne(index: SearchIndex, typed: string): Promise<Company | null> {
  const bySlug = index.bySlug.get(typed.trim());
  if (bySlug) return bySlug;
  // An old address of a renamed or merged company (company_redirects) names the company it became.
  const moved = await movedCompanySlug(typed.trim());
  if (moved && index.bySlug.has(moved)) return index.bySlug.get(moved)!;
  const q = foldName(typed);
  let found: SearchKey | null = null;
  for (const k of index.keys) {
    if (k.key !== q) continue;
    // A name outranks another company's alias written the same way.
    if (!found || (k.isName && !found.isName)) found = k;
  }
  return found ? index.companies.get(found.companyId)! : null;
}

/** Suggestions for a name that matched nothing: the search for it, else for its longer words ("Nissan Motor"). */
function suggestionsFor(index: SearchIndex, typed: string, limit: number): CompanyMatch[] {
  const direct = searchIn(index, typed, limit);
  if (direct.length) return direct;
  const words = [...new Set(foldName(typed).split(/[^\p{L}\p{N}]+/u))]
    .filter((w) => w.length >= 3)
    .sort((a, b) => b.length - a.length);
  const out: CompanyMatch[] = [];
  for (const w of words) {
    for (const m of searchIn(index, w, limit)) if (!out.some((o) => o.slug === m.slug)) out.push(m);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

export interface ResolvedNames {
  /** In the order typed, each company once. */
  companies: Company[];
  /** Names that named no company, as typed, with up to three companies they may have meant. */
  unknown: Array<{ name: string; suggestions: CompanyMatch[] }>;
}

/** Turns what people type ("Renault, nissan motor") into companies, and says which names matched none. */
export async function resolveCompanyNames(names: string[]): Promise<ResolvedNames> {
  const index = await searchIndex();
  const companies: Company[] = [];
  const unknown: ResolvedNames["unknown"] = [];
  for (const name of names) {
    const company = await resolveOne(index, name);
    if (company) {
      if (!companies.some((c) => c.id === company.id)) companies.push(company);
    } else unknown.push({ name, suggestions: suggestionsFor(index, name, 3) });
  }
  return { companies, unknown };
}
