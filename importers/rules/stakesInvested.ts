import type { Rule } from "./rule";
import { stake } from "./stakeRoles";

/**
 * Stakes paid for with an investment: "will invest $4 billion in Corvan in exchange for a 9.9% stake". The company
 * invested in is the one held; the investor holds.
 */
export const INVESTED_STAKE_RULES: Rule[] = [
  {
    name: "stake.invest-in-for-stake",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...8 invest|invests|invested|investing|inject|injects|injected ...6 in ...2 held:{COMPANY} ...14 for|exchange a|an {FIGURE_LEAD}? figure:{PERCENT} {STAKE_KIND}? {STAKE_NOUN}",
    examples: [
      {
        input:
          "Chip deal\n\nOstrel Software said Thursday it had agreed to invest $6 billion in Corvan Labs in exchange for a 20% stake.",
        expected: [
          { kind: "stake", company: "Ostrel Software", counterparty: "Corvan Labs", low: 20, status: "forecast" },
        ],
      },
      {
        input:
          "AI startups\n\nOstrel, the chip designer, will invest $2 billion in Corvan, a startup that designs optical links, for a roughly 9.9% stake.",
        expected: [
          { kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 9.9, approximate: true, status: "forecast" },
        ],
      },
    ],
    build: stake,
  },
];
