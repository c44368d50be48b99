import type { CompiledPattern } from "./pattern";

/**
 * Rules by what a sentence must hold for them to match at all. Each pattern is filed under the words of one of
 * its requirements (the one a sentence is least likely to meet: rare words rather than "of", "a figure" or "a
 * company"), so a sentence looks up its own words and features and tries only the rules filed under
 * one of them; those must still meet their other requirements (as `mayMatch` asks), and come in their own order. Trying all 150-odd rules' tests on
 * every sentence with a figure was a sixth of the extraction's time.
 */
export class PatternIndex {
  private readonly byFeature = new Map<string, number[]>();
  /** Patterns that require nothing a sentence may lack: tried on every sentence. */
  private readonly always: number[] = [];
  /** Each pattern's requirements but the one it is filed under, as sets and as lists, rarest first. */
  private readonly others: Requirement[][] = [];
  /** Marks of the rules found for the current sentence, by rule, reset after each lookup. */
  private readonly marks: Uint8Array;

  constructor(patterns: readonly CompiledPattern[]) {
    this.marks = new Uint8Array(patterns.length);
    patterns.forEach((p, i) => {
      const key = keyRequirement(p);
      if (!key) this.always.push(i);
      for (const feature of key ?? []) {
        const list = this.byFeature.get(feature);
        if (list) list.push(i);
        else this.byFeature.set(feature, [i]);
      }
      // The rarest first: a candidate that fails, fails on its first test.
      const others = p.requires.filter((r) => r !== key).sort((a, b) => costOf(a) - costOf(b));
      this.others.push(others.map((set) => ({ set, list: [...set] })));
    });
  }

  /** Indices of the patterns that may match a sentence of these features, in the patterns' order. */
  candidates(features: ReadonlySet<string>): number[] {
    const found: number[] = this.always.length ? [...this.always] : [];
    for (const i of found) this.marks[i] = 1;
    for (const feature of features) {
      const list = this.byFeature.get(feature);
      if (list === undefined) continue;
      for (const i of list)
        if (!this.marks[i]) {
          this.marks[i] = 1;
          found.push(i);
        }
    }
    const out: number[] = [];
    for (const i of found) {
      this.marks[i] = 0;
      if (meetsAll(this.others[i], features)) out.push(i);
    }
    return out.sort((a, b) => a - b);
  }
}

interface Requirement {
  set: ReadonlySet<string>;
  list: readonly string[];
}

/** Whether a sentence holds something of every requirement, walking the smaller of each and the sentence's features. */
function meetsAll(requirements: readonly Requirement[], features: ReadonlySet<string>): boolean {
  for (const { set, list } of requirements) {
    let met = false;
    if (list.length <= features.size) {
      for (const x of list)
        if (features.has(x)) {
          met = true;
          break;
        }
    } else
      for (const x of features)
        if (set.has(x)) {
          met = true;
          break;
        }
    if (!met) return false;
  }
  return true;
}

/**
 * How often a sentence with a figure holds a feature, roughly: a kind of token ("quantity:money", "mention") nearly
 * always, a mark or a word of grammar often, any other word seldom. Only which requirement is rarest depends on it,
 * never what matches.
 */
function commonness(feature: string): number {
  if (feature.startsWith("quantity:") || feature === "mention" || feature === "person") return 1000;
  if (!/[a-z]/.test(feature)) return 300;
  if (VERY_COMMON_WORDS.has(feature)) return 200;
  if (COMMON_WORDS.has(feature)) return 50;
  return 1;
}

const VERY_COMMON_WORDS = new Set("a an the of in to and for by on at as is was with from".split(" "));
const COMMON_WORDS = new Set(
  (
    "or are were be been will would has have had it its their they he she that which this said says per more " +
    "than up down about after over last year also"
  ).split(" "),
);

/** How often a sentence is to meet a requirement, roughly: the sum of its features' commonness. */
function costOf(requirement: ReadonlySet<string>): number {
  let cost = 0;
  for (const feature of requirement) cost += commonness(feature);
  return cost;
}

/** The requirement a pattern is filed under (the rarest a sentence is to meet), or null for one that requires nothing. */
export function keyRequirement(p: CompiledPattern): ReadonlySet<string> | null {
  let best: ReadonlySet<string> | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const any of p.requires) {
    const cost = costOf(any);
    if (cost < bestCost) {
      best = any;
      bestCost = cost;
    }
  }
  return best;
}
