import { FOREIGN_FIRM_WORDS, NAME_PARTICLES, NOT_COMPANY_WORDS } from "../lexicons/companies";
import { escapeRegExp } from "../lexicons/regex";
import { type CompanyRegistry, isPlaceOrNationality } from "../recognise/companies";
import type { Fact } from "../types";

/**
 * "HARCASTLE STORES LTD" over a table, "Harcastle said" below it: a company is named by the shortest form the
 * article writes it in, when that form starts the longer one (the gold's convention, and how analysts search).
 */
function shortestForm(name: string, registry: CompanyRegistry, names: ArticleNames): string {
  return name
    .split(" + ")
    .map((one) => shorterForm(one, registry, names))
    .join(" + ");
}

/**
 * One name's shortest form. The helpers are top-level functions, not closures made per name: tsx, which runs the
 * importers, names every closure it creates, and that costs.
 */
function shorterForm(one: string, registry: CompanyRegistry, names: ArticleNames): string {
  const e = registry.lookup(one);
  // ("the Keane family ... Keane Agri": a family's surname is no short form of the firm named after it.)
  if (e && e.name !== one && one.startsWith(`${e.name} `) && !names.families.has(e.name) && cut(one, e.name))
    return e.name;
  const tail = trailingForm(one, registry, names.families);
  if (tail) return tail;
  const capitalTitle = names.capitalTitle;
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

/**
 * "Chimie de Corvan", "Bodegas Ostrel" and later "Corvan", "Ostrel" on their own: the last word, after words that
 * only say what kind of firm it is, is the shortest form too when the article writes it alone as a company.
 */
function trailingForm(one: string, registry: CompanyRegistry, families: ReadonlySet<string>): string | null {
  const words = one.split(" ");
  const tail = words.at(-1)!;
  if (words.length < 2 || !FOREIGN_FIRM_WORDS.has(words[0])) return null;
  if (!words.slice(1, -1).every((w) => NAME_PARTICLES.has(w) || /^[A-Z]/.test(w))) return null;
  if (tail.length < 4 || !/^[A-Z][a-z]/.test(tail) || NOT_COMPANY_WORDS.has(tail) || isPlaceOrNationality(tail))
    return null;
  // ("Casa Ferrandi" of the Ferrandi family: "Ferrandi" alone may be the family.)
  if (families.has(tail)) return null;
  return registry.lookup(tail)?.name === tail ? tail : null;
}

/** "the Keane family" and "Corvan Canada" (a subsidiary named for its country) are not Keane's or Corvan's. */
function cut(one: string, short: string): boolean {
  const rest = one.slice(short.length + 1);
  return /^[A-Z]/.test(rest) && !isPlaceOrNationality(rest);
}

/** What the article says once for all its facts: its title in capitals, and the families it names. */
export interface ArticleNames {
  capitalTitle: string | null;
  families: ReadonlySet<string>;
}

/** "the Ferrandi family", "the Ostrel family's": the surnames of the families an article names. */
export function familiesNamed(text: string): Set<string> {
  return new Set([...text.matchAll(/\b([A-Z][\p{L}'’-]+)\s+family\b/gu)].map((m) => m[1]));
}

export function withShortestNames(f: Fact, registry: CompanyRegistry, names: ArticleNames): Fact {
  const company = shortestForm(f.company, registry, names);
  const short = f.counterparty === null ? null : shortestForm(f.counterparty, registry, names);
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
