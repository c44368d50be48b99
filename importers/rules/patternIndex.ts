import type { CompiledPattern } from "./pattern";

/**
 * Rules by what a sentence must hold for them to match at all. A pattern matches only a sentence that meets each
 * of its requirements (any one of a set of words or features). Every distinct requirement of every pattern has a
 * number, and each word or feature lists the requirements it meets: a sentence marks the requirements its own
 * features meet, and a pattern is a candidate when all of its requirements are marked. Each pattern is filed under
 * one of them (the one a sentence is least likely to meet: rare words rather than "of", "a figure" or "a
 * company"), so only the patterns filed under a marked requirement are looked at. Trying all 150-odd rules' tests
 * on every sentence with a figure was a sixth of the extraction's time; testing each filed pattern's other
 * requirements against the sentence's set of features, a twentieth.
 */
export class PatternIndex {
  /** The requirements each word or feature meets, by number. */
  private readonly meets = new Map<string, number[]>();
  /** Patterns by the requirement they are filed under. */
  private readonly filedUnder: number[][] = [];
  /** Patterns that require nothing a sentence may lack: tried on every sentence. */
  private readonly always: number[] = [];
  /** Each pattern's requirements but the one it is filed under, rarest first. */
  private readonly others: Int32Array[] = [];
  /** The lookup a requirement was last met in: met in this one when it equals `lookup`. */
  private readonly marks: Uint32Array;
  private lookup = 0;

  constructor(patterns: readonly CompiledPattern[]) {
    const numbers = new Map<string, number>();
    // Patterns built from one piece require the same words: the same set of words is one requirement.
    const numberOf = (requirement: ReadonlySet<string>) => {
      const words = [...requirement].sort();
      const key = words.join("\u0000");
      let n = numbers.get(key);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(key, n);
        this.filedUnder.push([]);
        for (const word of words) {
          const list = this.meets.get(word);
          if (list) list.push(n);
          else this.meets.set(word, [n]);
        }
      }
      return n;
    };
    patterns.forEach((p, i) => {
      const key = keyRequirement(p);
      if (key) this.filedUnder[numberOf(key)].push(i);
      else this.always.push(i);
      // The rarest first: a candidate that fails, fails on its first test.
      const others = p.requires.filter((r) => r !== key).sort((a, b) => costOf(a) - costOf(b));
      this.others.push(Int32Array.from(others.map(numberOf)));
    });
    this.marks = new Uint32Array(numbers.size);
  }

  /** Indices of the patterns that may match a sentence of these features, in the patterns' order. */
  candidates(features: ReadonlySet<string>): number[] {
    if (++this.lookup === 0xffffffff) {
      this.marks.fill(0);
      this.lookup = 1;
    }
    const lookup = this.lookup;
    const marks = this.marks;
    const out: number[] = this.always.length ? [...this.always] : [];
    // Requirements newly met, whose filed patterns are then looked at once every requirement is marked.
    const met: number[] = [];
    for (const feature of features) {
      const list = this.meets.get(feature);
      if (list === undefined) continue;
      for (const r of list)
        if (marks[r] !== lookup) {
          marks[r] = lookup;
          met.push(r);
        }
    }
    for (const r of met) for (const i of this.filedUnder[r]) if (allMarked(this.others[i], marks, lookup)) out.push(i);
    return out.sort((a, b) => a - b);
  }
}

function allMarked(requirements: Int32Array, marks: Uint32Array, lookup: number): boolean {
  for (let k = 0; k < requirements.length; k++) if (marks[requirements[k]] !== lookup) return false;
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
