import { type CompiledPattern, mayMatch } from "./pattern";

/**
 * Rules by what a sentence must hold for them to match at all. Each pattern is filed under the words of one of
 * its requirements (the one a sentence is least likely to meet: a word list rather than "a figure" or "a company",
 * the shortest list first), so a sentence looks up its own words and features and tries only the rules filed under
 * one of them; those still pass the whole `mayMatch` test, in their own order. Trying all 150-odd rules' tests on
 * every sentence with a figure was a sixth of the extraction's time.
 */
export class PatternIndex {
  private readonly byFeature = new Map<string, number[]>();
  /** Patterns that require nothing a sentence may lack: tried on every sentence. */
  private readonly always: number[] = [];
  /** Marks of the rules found for the current sentence, by rule, reset after each lookup. */
  private readonly marks: Uint8Array;

  constructor(private readonly patterns: readonly CompiledPattern[]) {
    this.marks = new Uint8Array(patterns.length);
    patterns.forEach((p, i) => {
      const key = keyRequirement(p);
      if (!key) this.always.push(i);
      for (const feature of key ?? []) {
        const list = this.byFeature.get(feature);
        if (list) list.push(i);
        else this.byFeature.set(feature, [i]);
      }
    });
  }

  /** Indices of the patterns that may match a sentence of these features, in the patterns' order. */
  candidates(features: ReadonlySet<string>): number[] {
    const found: number[] = [...this.always];
    for (const i of found) this.marks[i] = 1;
    for (const feature of features) {
      const list = this.byFeature.get(feature);
      if (!list) continue;
      for (const i of list)
        if (!this.marks[i]) {
          this.marks[i] = 1;
          found.push(i);
        }
    }
    for (const i of found) this.marks[i] = 0;
    found.sort((a, b) => a - b);
    return found.filter((i) => mayMatch(this.patterns[i], features));
  }
}

/** Features most sentences with a figure hold: a requirement of words only is the rarer one to meet. */
const isKind = (feature: string) => feature.startsWith("quantity:") || feature === "mention" || feature === "person";

/** The requirement a pattern is filed under, or null for one that requires nothing. */
function keyRequirement(p: CompiledPattern): ReadonlySet<string> | null {
  if (!p.requires.length) return null;
  const words = p.requires.filter((r) => ![...r].some(isKind));
  // `requires` is sorted by size, smallest first.
  return words[0] ?? p.requires[0];
}
