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
  return family.test(f.quote) ? { ...f, company: `${f.company} family` } : f;
}
