import { ASIDE_THEN_VERB } from "../analyse/mentions";
import { factAt } from "../extract/context";
import type { Fact } from "../types";
import { MARKET_SHARE_RULES } from "./marketShare";
import { MARKET_SHARE_BASE_RULES } from "./marketShareBases";
import { MARKET_SHARE_RIVAL_RULES } from "./marketShareRivals";
import { MARKET_SHARE_TARGET_RULES } from "./marketShareTargets";
import { NO_FACT_RULES } from "./noFact";
import { OTHERS_FIGURES_RULES } from "./noFactOthersFigures";
import { PROPORTION_RULES } from "./noFactProportions";
import { NO_VOLUME_RULES } from "./noFactVolumes";
import { type CompiledPattern, compilePattern, type Match, matchAll } from "./pattern";
import { PatternIndex } from "./patternIndex";
import { PIECES } from "./pieces";
import { RESPECTIVELY_RULES } from "./respectively";
import { REVENUE_RULES } from "./revenue";
import { REVENUE_CHANGE_RULES } from "./revenueChange";
import { REVENUE_LINE_RULES } from "./revenueLines";
import { SEGMENT_RULES } from "./revenueSegments";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { SALES_VOLUME_RULES } from "./salesVolume";
import { SALES_VOLUME_PART_RULES } from "./salesVolumeParts";
import { SALES_VOLUME_TARGET_RULES } from "./salesVolumeTargets";
import { SEGMENT_CHANGE_RULES } from "./segmentChanges";
import { STAKE_RULES } from "./stakes";
import { DEAL_STAKE_RULES } from "./stakesDeals";
import { DESCRIBED_STAKE_RULES } from "./stakesDescribed";
import { ELIDED_STAKE_RULES } from "./stakesElided";
import { LEVEL_STAKE_RULES } from "./stakesLevels";
import { NOUN_STAKE_RULES } from "./stakesNoun";
import { OWNED_STAKE_RULES } from "./stakesOwned";
import { REFERRED_STAKE_RULES } from "./stakesReferred";
import { SHAREHOLDER_STAKE_RULES } from "./stakesShareholders";
import { UNSAID_STAKE_RULES } from "./stakesUnsaid";
import { TABLE_RULES } from "./tables";

/** Every rule of the extractor that is written as data. */
export const RULES: Rule[] = [
  ...TABLE_RULES,
  ...NO_FACT_RULES,
  ...NO_VOLUME_RULES,
  ...OTHERS_FIGURES_RULES,
  ...PROPORTION_RULES,
  ...STAKE_RULES,
  ...DESCRIBED_STAKE_RULES,
  ...ELIDED_STAKE_RULES,
  ...RESPECTIVELY_RULES,
  ...NOUN_STAKE_RULES,
  ...REFERRED_STAKE_RULES,
  ...DEAL_STAKE_RULES,
  ...LEVEL_STAKE_RULES,
  ...OWNED_STAKE_RULES,
  ...UNSAID_STAKE_RULES,
  ...SHAREHOLDER_STAKE_RULES,
  ...MARKET_SHARE_RULES,
  ...MARKET_SHARE_BASE_RULES,
  ...MARKET_SHARE_TARGET_RULES,
  ...MARKET_SHARE_RIVAL_RULES,
  ...SALES_VOLUME_RULES,
  ...SALES_VOLUME_TARGET_RULES,
  ...SALES_VOLUME_PART_RULES,
  ...REVENUE_CHANGE_RULES,
  ...REVENUE_RULES,
  ...SEGMENT_RULES,
  ...REVENUE_LINE_RULES,
  ...SEGMENT_CHANGE_RULES,
];

/** A figure claimed by a rule: with the fact it gives, or none for a rule that only blocks. */
export interface Candidate {
  rule: string;
  specificity: number;
  /** Tokens the match covers: of two equally specific rules, the longer match wins (as in chrono). */
  span: number;
  figureStart: number;
  figureEnd: number;
  fact: Fact | null;
}

interface Compiled {
  rule: Rule;
  pattern: CompiledPattern;
}

let compiled: { rules: Compiled[]; index: PatternIndex } | null = null;

/** Patterns are compiled once, on first use, from the lexicons' pieces, and indexed by what they require. */
function compiledRules(): { rules: Compiled[]; index: PatternIndex } {
  if (!compiled) {
    const rules = RULES.map((rule) => ({
      rule,
      pattern: compilePattern(rule.pattern, PIECES, {
        appositions: rule.kind === "stake" || rule.kind === "market_share",
      }),
    }));
    compiled = { rules, index: new PatternIndex(rules.map((r) => r.pattern)) };
  }
  return compiled;
}

function toFact(rule: Rule, roles: FactRoles, s: RuleSentence): Fact {
  const q = roles.figure;
  const stated = ["low", "high", "unit", ...(roles.stated ?? [])];
  if (roles.when.stated) stated.push("year", "period");
  // The fields named one by one, and the rule set on the fact made here: spreading the roles and then the fact
  // copied every field twice per candidate, through the engine's slow path for objects of varying shapes.
  const fact: Fact = factAt(s, q, {
    kind: rule.kind!,
    company: roles.company,
    counterparty: roles.counterparty,
    market: roles.market,
    when: roles.when,
    low: roles.low ?? q.low,
    high: roles.high ?? q.high,
    unit: roles.unit,
    status: roles.status,
    comparedTo: roles.comparedTo,
    segment: roles.segment,
    stated,
    aliases: roles.aliases ?? {},
  });
  fact.rule = rule.name;
  return fact;
}

/**
 * "Corvan, founded in 2019 by two former Halden researchers, sold 8,400 robots": a holder the match found inside an
 * aside set off after the sentence's opening company is the aside's; the figure after the aside is the opener's.
 */
function asideOpener(m: Match, s: RuleSentence): { company: string; inAside: string } | null {
  const first = s.tokens[0];
  const holder = m.captures.holder?.[0];
  const figure = m.captures.figure?.[0];
  if (first?.type !== "mention" || first.mention.how === "pronoun" || !holder || !figure || holder === first)
    return null;
  const aside = ASIDE_THEN_VERB.exec(s.text.slice(first.end));
  if (!aside) return null;
  const end = first.end + aside[0].length;
  if (holder.start <= first.end || holder.end > end || figure.start < end) return null;
  const inAside = holder.type === "mention" ? holder.mention.company : holder.type === "person" ? holder.person : null;
  return inAside && inAside !== first.mention.company ? { company: first.mention.company, inAside } : null;
}

/** Runs every rule on one sentence and returns what each claims. */
export function runRules(s: RuleSentence): Candidate[] {
  const out: Candidate[] = [];
  const { rules, index } = compiledRules();
  // Only the rules whose required words and features the sentence holds, in the order of RULES.
  for (const i of index.candidates(s.features)) {
    const { rule, pattern } = rules[i];
    for (const m of matchAll(pattern, s.tokens, rule.overlapping)) {
      if (rule.when && !rule.when(m, s)) continue;
      if (rule.kind === null) {
        // A rule of no kind claims the figure it names, or every figure of its match when it names none.
        for (const t of m.captures.figure ?? s.tokens.slice(m.from, m.to))
          if (t.type === "quantity")
            out.push({
              rule: rule.name,
              specificity: m.specificity,
              span: m.to - m.from,
              figureStart: s.offset + t.start,
              figureEnd: s.offset + t.end,
              fact: null,
            });
        continue;
      }
      const opener = asideOpener(m, s);
      for (const built of rule.build?.(m, s) ?? []) {
        const roles =
          opener && built.company === opener.inAside && built.counterparty !== opener.company
            ? { ...built, company: opener.company }
            : built;
        const fact = toFact(rule, roles, s);
        out.push({
          rule: rule.name,
          specificity: m.specificity,
          span: m.to - m.from,
          figureStart: fact.figureStart,
          figureEnd: fact.figureEnd,
          fact,
        });
      }
    }
  }
  return out;
}
