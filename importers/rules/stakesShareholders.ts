import type { Rule } from "./rule";
import { asideStake, heldAsOwner, stake, topicStake } from "./stakeRoles";

/**
 * Stakes told by naming a company's shareholders: "its other big shareholder is Y, with 29%", "Y, Corvan's largest
 * shareholder, owns 18.5 pct", "the remaining 42% is held by Y", "Corvan, whose largest shareholder is Y with 13%".
 */
export const SHAREHOLDER_STAKE_RULES: Rule[] = [
  {
    name: "stake.biggest-shareholder-owns",
    kind: "stake",
    // "Ostrel Industries, Corvan's largest shareholder, owns 18.5 pct of its stock": the company written with "'s"
    // in the apposition is what the holder owns.
    pattern:
      "holder:{HOLDER} , held:{POSSESSOR} ...3 shareholder|investor|owner|holder , ...2 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => heldAsOwner(m),
    examples: [
      {
        input:
          "Holders\n\nHalden Oil said profits rose. Ostrel Industries Inc, Corvan's largest shareholder, owns 18.5 pct of its stock.",
        expected: [{ kind: "stake", company: "Ostrel Industries", counterparty: "Corvan", low: 18.5 }],
      },
    ],
    build: (m, s) => asideStake(m, s),
  },
  {
    name: "stake.shareholder-in-then-holder",
    kind: "stake",
    // "The largest other shareholder in Corvan, the Ostrel Pension Fund, holds 8.2%": the name apposed to the
    // shareholder holds, in the company named after "in".
    pattern:
      "shareholder|investor|owner|holder in|of held:{COMPANY} , the? holder:{HOLDER} , {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Offer\n\nHalden Oil made an offer for Corvan. The largest other shareholder in Corvan, the Ostrel Pension Fund, holds 6.4% and said it would consider the offer.",
        expected: [{ kind: "stake", company: "Ostrel Pension Fund", counterparty: "Corvan", low: 6.4 }],
      },
    ],
    // (The holder is the apposition itself, not an aside after the sentence's subject.)
    build: (m, s) => stake(m, s, true),
  },
  {
    name: "stake.its-shareholder-is-with",
    kind: "stake",
    // "Its other big shareholder is France's Ostrel Telecom, with 29%": what "its" stands for is held.
    pattern:
      "held:{POSSESSOR} ...3 shareholder|holder|investor|owner ...2 is|remains ...2 holder:{HOLDER} , with {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => heldAsOwner(m, true),
    examples: [
      {
        input:
          "Owners\n\nCorvan Telecom said profits rose. Its other big shareholder is France's Ostrel Telecom, with 29%.",
        expected: [{ kind: "stake", company: "Ostrel Telecom", counterparty: "Corvan Telecom", low: 29 }],
      },
      {
        input:
          "Owners\n\nCorvan Tool said profits rose. Its largest holder after Halden is the Ostrel Teachers Retirement System, with about 6 pct, a proxy statement shows.",
        expected: [
          {
            kind: "stake",
            company: "Ostrel Teachers Retirement System",
            counterparty: "Corvan Tool",
            low: 6,
            approximate: true,
          },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.remaining-held-by",
    kind: "stake",
    // "The remaining 42% is held by Danish pension group Ostrel Pension": the rest of the company last spoken of.
    pattern: "the remaining|other figure:{PERCENT} ...2 held|owned|controlled by ...3 holder:{HOLDER}",
    // ("held by employees and by Ostrel, which owns five pct": the rest is shared; Ostrel's part is its own.)
    when: (m, s) => {
      const holder = m.captures.holder?.[0];
      return holder !== undefined && !s.tokens.slice(m.from, s.tokens.indexOf(holder)).some((t) => t.lower === "and");
    },
    examples: [
      {
        input:
          "Owners\n\nHalden Energy owns 58% of Corvan Power. The remaining 42% is held by Danish pension group Ostrel Pension.",
        expected: [{ kind: "stake", company: "Ostrel Pension", counterparty: "Corvan Power", low: 42 }],
      },
    ],
    build: (m, s) => topicStake(m, s),
  },
  {
    name: "stake.whose-biggest-shareholder-is",
    kind: "stake",
    // "The company, whose largest outside shareholder is the Ostrel Authority with 13.8%, will report": the
    // shareholder named after "whose" holds what "whose" stands for.
    pattern:
      "held:{HELD_REF} , whose ...3 shareholder|investor|owner is|remains the? holder:{HOLDER} ,? with {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Results\n\nCorvan Mining lifted output. The company, whose largest outside shareholder is the Ostrel Investment Authority with 13.8%, will report results on May 14.",
        expected: [{ kind: "stake", company: "Ostrel Investment Authority", counterparty: "Corvan Mining", low: 13.8 }],
      },
    ],
    build: stake,
  },
];
