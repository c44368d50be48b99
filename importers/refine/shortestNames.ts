import { NOT_COMPANY_WORDS } from "../lexicons/companies";
import { escapeRegExp } from "../lexicons/regex";
import { type CompanyRegistry, isPlaceOrNationality } from "../recognise/companies";
import type { Fact } from "../types";

/**
 * "HARCASTLE STORES LTD" over a table, "Harcastle said" below it: a company is named by the shortest form the
 * article writes it in, when that form starts the longer one (the gold's convention, and how analysts search).
 */
function shortestForm(name: string, registry: CompanyRegistry, capitalTitle: string | null): string {
  return name
    .split(" + ")
    .map((one) => shorterForm(one, registry, capitalTitle))
    .join(" + ");
}

/**
 * One name's shortest form. The helpers are top-level functions, not closures made per name: tsx, which runs the
 * importers, names every closure it creates, and that costs.
 */
function shorterForm(one: string, registry: CompanyRegistry, capitalTitle: string | null): string {
  const e = registry.lookup(one);
  if (e && e.name !== one && one.startsWith(`${e.name} `) && cut(one, e.name)) return e.name;
  // "SWEDEN'S LINDQVIST TRUCK SALES RISE" over "Lindqvist Lastvagnar AB said": the headline's shorter form.
  if (!capitalTitle || capitalTitle.includes(one.toUpperCase())) return one;
  const words = one.split(" ");
  // Not a word that opens many names ("NEW", "NATIONAL", "DUTCH"), nor one two of the article's firms share.
  if (words[0].length < 4 || NOT_COMPANY_WORDS.has(words[0]) || isPlaceOrNationality(words[0])) return one;
  if (registry.sharingFirstWord(words[0]) > 1) return one;
  for (let k = 1; k < words.length; k++) {
    const short = words.slice(0, k).join(" ");
    if (new RegExp(`(?:^|[^A-Z0-9])${escapeRegExp(short.toUpperCase())}(?![A-Z0-9])`).test(capitalTitle))
      return cut(one, short) ? short : one;
  }
  return one;
}

/** "the Keane family" and "Corvan Canada" (a subsidiary named for its country) are not Keane's or Corvan's. */
function cut(one: string, short: string): boolean {
  const rest = one.slice(short.length + 1);
  return /^[A-Z]/.test(rest) && !isPlaceOrNationality(rest);
}

export function withShortestNames(f: Fact, registry: CompanyRegistry, capitalTitle: string | null): Fact {
  const company = shortestForm(f.company, registry, capitalTitle);
  const short = f.counterparty === null ? null : shortestForm(f.counterparty, registry, capitalTitle);
  // "Corvan Media, 50 pct owned by Corvan Corp": a company holds no stake in itself, so the held keeps its form.
  const counterparty = short !== null && short === company ? f.counterparty : short;
  if (company === f.company && counterparty === f.counterparty) return f;
  // The long form stays findable: it becomes an alias of the short one.
  const aliases = { ...f.aliases };
  for (const [from, to] of [
    [f.company, company],
    [f.counterparty, counterparty],
  ])
    if (from && to && from !== to) aliases[to] = [...new Set([...(aliases[to] ?? []), ...(aliases[from] ?? []), from])];
  return { ...f, company, counterparty, aliases };
}
