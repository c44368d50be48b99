import { REFERRED_HOLDERS } from "../lexicons/stakes";
import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { articleCompanies, nameOf, ofAfterFigure, stakeStatus, statedYear, undatedStake } from "./stakeRoles";

/**
 * The holder a noun refers back to ("the government", "the family", "the fund"): the article's last holder if its
 * name fits the noun, else the latest company of the last few sentences whose name does.
 */
function referredHolder(noun: string, s: RuleSentence): string | null {
  const fits = REFERRED_HOLDERS[noun];
  if (!fits) return null;
  const last = s.roles.lastHolder?.company;
  if (last && fits.test(last)) return last;
  const recent = s.ctx.mentions.recentGroups.flat().reverse();
  return recent.find((name) => fits.test(name)) ?? null;
}

/** "... 51% of Lusan", "38% of the Athens-based company": the company named or described after the figure. */
function heldAfter(m: Match, s: RuleSentence): string | null {
  const figure = m.captures.figure[0];
  if (!/^(?:of|in)$/.test(s.tokens[s.tokens.indexOf(figure) + 1]?.lower ?? "")) return null;
  const held = ofAfterFigure(s, figure, (how) => how !== "pronoun");
  return nameOf(held) ?? (held ? null : (articleCompanies(s)[0] ?? null));
}

/** The match's holder noun ("the state", "the state's") resolved, and its figure, when both are there. */
function referredFigure(m: Match, s: RuleSentence) {
  const noun = m.captures.holder
    ?.map((t) => t.lower)
    .join(" ")
    .replace(/['’]s$/, "");
  const figure = m.captures.figure?.[0];
  const holder = noun ? referredHolder(noun, s) : null;
  if (!holder || figure?.type !== "quantity" || figure.quantity.fraction) return null;
  return { holder, quantity: figure.quantity };
}

function referredStake(m: Match, s: RuleSentence): FactRoles[] {
  const found = referredFigure(m, s);
  if (!found) return [];
  const { holder } = found;
  const held = heldAfter(m, s);
  if (!held || held === holder) return [];
  return [undatedStake(found.quantity, holder, held, stakeStatus(s, m), ["counterparty"])];
}

/** "The state ... wants to reduce its holding to 28%": the holding of the company the article speaks of, moved. */
function referredChange(m: Match, s: RuleSentence): FactRoles[] {
  const found = referredFigure(m, s);
  if (!found) return [];
  const { holder } = found;
  const held = [s.roles.lastHeld?.company, ...articleCompanies(s)].find(
    (c) => c && c !== holder && !c.includes(holder),
  );
  if (!held) return [];
  const roles = undatedStake(found.quantity, holder, held, stakeStatus(s, m), []);
  // "to reduce its holding to 51% by 2007": the words date the target.
  const year = statedYear(s, m);
  return [year === null ? roles : { ...roles, when: { year, period: null, stated: true } }];
}

/** Stakes whose holder is referred to by a noun after it was named: "The government, which owns 51% of Lusan". */
export const REFERRED_STAKE_RULES: Rule[] = [
  {
    name: "stake.referred-holder-owns",
    kind: "stake",
    pattern: "the holder:{REFERRED_HOLDER} ,? which? ...3 {OWN_OR_HAVE} {FIGURE_LEAD}? figure:{PERCENT} of|in",
    examples: [
      {
        input:
          "Power sale\n\nThe French government plans to sell a 25% stake in power group Corvan Energia. The government, which owns 51% of Corvan, said the shares would be offered to the public.",
        expected: [{ kind: "stake", company: "French government", counterparty: "Corvan", low: 51 }],
      },
      {
        input:
          "Charity sells\n\nOstrel Capital agreed to buy shares in Corvan Soups from the Keane Foundation, the charity that has controlled the soup maker since 1994. The foundation, which owns 41% of Corvan, said the sale would help it diversify.",
        expected: [{ kind: "stake", company: "Keane Foundation", counterparty: "Corvan", low: 41 }],
      },
      {
        input:
          "Pressure grows\n\nCorvan Rail faces pressure from Ostrel Capital. The activist hedge fund, which owns about 2.3% of Corvan Rail's shares, wants the freight arm sold.",
        expected: [{ kind: "stake", company: "Ostrel Capital", counterparty: "Corvan Rail", low: 2.3 }],
      },
    ],
    build: referredStake,
  },
  {
    name: "stake.referred-holder-changes-holding-to",
    kind: "stake",
    pattern:
      "the holder:{REFERRED_HOLDER} ...14 {STAKE_CHANGE} its|their|that|the holding|stake|shareholding down? to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Sale planned\n\nThe Greek government is to sell part of its holding in Corvan Telecom. The state, which owns 38% of the company, wants to reduce its holding to 28%, the ministry said.",
        expected: [
          { kind: "stake", company: "Greek government", counterparty: "Corvan Telecom", low: 28, status: "target" },
        ],
      },
    ],
    build: referredChange,
  },
  {
    name: "stake.referred-holders-holding-to",
    kind: "stake",
    pattern:
      "{STAKE_CHANGE} the holder:state's|state’s|government's|government’s|treasury's|treasury’s holding|stake|shareholding down? to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Sale planned\n\nThe Polish treasury plans to sell most of its 32% stake in Corvan Telecom. Officials said they aimed to reduce the state's holding to 10% through a share offer.",
        expected: [
          { kind: "stake", company: "Polish treasury", counterparty: "Corvan Telecom", low: 10, status: "target" },
        ],
      },
    ],
    build: referredChange,
  },
];
