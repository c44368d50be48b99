import type { Candidate } from "../rules/engine";
import type { Fact } from "../types";

/** A candidate that lost its figure to a more specific one, for `--explain`. */
export interface LostCandidate {
  rule: string;
  fact: Fact | null;
  figureStart: number;
  lostTo: string;
}

/**
 * Settles candidates that claim the same figure: the most specific rule wins it, then the longest match, whatever
 * order the rules ran in. Candidates equal on both all stay (one figure can be, say, two rows' worth of facts only if two rules
 * are equally sure). Figures no rule competes for keep every fact.
 */
export function settleBySpecificity(candidates: Candidate[]): {
  facts: Fact[];
  lost: LostCandidate[];
  /** Figures won by a rule that gives no fact ("same-store sales rose 3%"). */
  blocked: Array<{ rule: string; figureStart: number }>;
} {
  const sorted = [...candidates].sort((a, b) => a.figureStart - b.figureStart || a.figureEnd - b.figureEnd);
  const facts: Fact[] = [];
  const lost: LostCandidate[] = [];
  const blocked: Array<{ rule: string; figureStart: number }> = [];
  for (let i = 0; i < sorted.length; ) {
    let end = sorted[i].figureEnd;
    let j = i + 1;
    while (j < sorted.length && sorted[j].figureStart < end) end = Math.max(end, sorted[j++].figureEnd);
    const group = sorted.slice(i, j);
    const best = Math.max(...group.map((c) => c.specificity));
    const widest = Math.max(...group.filter((c) => c.specificity === best).map((c) => c.span));
    // (No closure for the test: tsx, which runs the importers, names every closure it creates, and that costs.)
    const winners = group.filter((c) => c.specificity === best && c.span === widest);
    const winnerName = winners.map((c) => c.rule).join(", ");
    for (const c of group) {
      if (c.specificity === best && c.span === widest) {
        if (c.fact) facts.push(c.fact);
        else blocked.push({ rule: c.rule, figureStart: c.figureStart });
      } else lost.push({ rule: c.rule, fact: c.fact, figureStart: c.figureStart, lostTo: winnerName });
    }
    i = j;
  }
  return { facts, lost, blocked };
}
