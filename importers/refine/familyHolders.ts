import { escapeRegExp } from "../lexicons/regex";
import type { Fact } from "../types";

/**
 * "the Ostrel family, which owns 51% of Corvan": a family holds as a family, named by its surname and the noun, so
 * its stake is not filed under a company or a person of that surname ("an Ostrel family-owned firm" names none).
 * Applied to every stake, whichever rule found it.
 */
export function withFamilyHolder(f: Fact): Fact {
  if (f.kind !== "stake" || f.company.includes(" + ") || /\sfamily$/.test(f.company)) return f;
  const family = new RegExp(String.raw`\b${escapeRegExp(f.company)}\s+family\b(?!-)`);
  if (family.test(f.quote)) return { ...f, company: `${f.company} family` };
  // "The Ostrels, who own 65% of Corvan": a surname in the plural after "the" is the family.
  const surname = /^[A-Z][a-z]+(?:(?<=[sxz]|ch|sh)es|(?<![su])s)$/.test(f.company) ? singular(f.company) : null;
  return surname && new RegExp(String.raw`\b[Tt]he\s+${escapeRegExp(f.company)}\b`).test(f.quote)
    ? { ...f, company: `${surname} family` }
    : f;
}

/** "Ostrels" → "Ostrel", "Joneses" → "Jones". */
function singular(plural: string): string {
  return /(?:[sxz]|ch|sh)es$/.test(plural) ? plural.slice(0, -2) : plural.slice(0, -1);
}
