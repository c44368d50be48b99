import type { Rule } from "./rule";
import { stake } from "./stakeRoles";

/**
 * Stakes whose verb is said once for two holders: "Ostrel holds 25 pct of Corvan and the Halden family about 40
 * pct". The second holder holds the same company as the first.
 */
export const ELIDED_STAKE_RULES: Rule[] = [
  {
    name: "stake.and-holder-elided-verb",
    kind: "stake",
    pattern:
      "{STAKE_VERB} {FIGURE_LEAD}? {PERCENT} of|in held:{HELD_REF} ...3 ,? and ...8 holder:{HOLDER} >? family? {FIGURE_LEAD}? about|around|some|nearly|almost|roughly|just|over? figure:{PERCENT}",
    examples: [
      {
        input:
          "Owners\n\nOstrel Bank AG holds 25.1 pct of Corvan's capital and the Corvan family about 40 pct, with the rest widely held.",
        expected: [{ kind: "stake", company: "Corvan family", counterparty: "Corvan", low: 40, approximate: true }],
      },
      {
        input:
          "Owners\n\nMelbourne-based Halden Holdings Ltd owns 48 pct of Coolabah Wines, and the farmers' cooperative Rangi Growers about 11 pct.",
        expected: [
          { kind: "stake", company: "Rangi Growers", counterparty: "Coolabah Wines", low: 11, approximate: true },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.with-holder-owning-rest",
    kind: "stake",
    // "Ostrel holds 70% of Corvan, with Britain's Halden owning the remaining 30%": the rest of the same company.
    pattern:
      "{STAKE_VERB} {FIGURE_LEAD}? {PERCENT} of|in held:{HELD_REF} ...3 , with ...2 holder:{HOLDER} owning|holding|controlling|having the? remaining|other|rest figure:{PERCENT}",
    examples: [
      {
        input:
          "Owners\n\nParent group Ostrel holds 70% of Corvan Avionics, with Britain's Halden Systems owning the remaining 30%.",
        expected: [{ kind: "stake", company: "Halden Systems", counterparty: "Corvan Avionics", low: 30 }],
      },
    ],
    build: stake,
  },
];
