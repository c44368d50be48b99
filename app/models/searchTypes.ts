/** What a company search returns; plain data, safe to import from client code (the combobox reads it). */

/** How the query met the company's name or alias, best first. */
export type MatchKind = "exact" | "prefix" | "word" | "contains";

export interface CompanyMatch {
  name: string;
  slug: string;
  /** The alias that matched, when it was not the name itself (aliases are stored lower-cased). */
  alias: string | null;
  match: MatchKind;
  /** Facts the company is the subject of. */
  facts: number;
  /** Companies holding a stake in it: a company known only as held has facts 0 and holders above 0. */
  holders: number;
}

/** The body of /api/companies: what was searched for (to tell stale answers) and the matches. */
export interface CompanySearchResponse {
  query: string;
  companies: CompanyMatch[];
}

/** "12 facts", "12 facts · stakes held by 2 companies", "stakes held by 1 company": what is known of a company. */
export function describeMatch(m: Pick<CompanyMatch, "facts" | "holders">): string {
  const parts = [];
  if (m.facts) parts.push(`${m.facts} ${m.facts === 1 ? "fact" : "facts"}`);
  if (m.holders) parts.push(`stakes held by ${m.holders} ${m.holders === 1 ? "company" : "companies"}`);
  return parts.join(" · ");
}
