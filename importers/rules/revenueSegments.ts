import { clauseAround } from "../extract/clauses";
import { statusAround } from "../extract/status";
import { PUBLIC_BODY } from "../extract/subject";
import { whenOf } from "../extract/when";
import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { quantityOf } from "./tokens";

/**
 * "Its cloud division brought in $1.9bn", "Ostrel's construction arm contributed £702m of the total": a division's
 * takings, which the gold files under the company that owns the division. The owner is the company named or
 * referred to just before the division's noun ("Halden, whose handset division"), else the one the article is about.
 */
function segmentRevenue(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const noun = m.captures.segment?.[0];
  if (!q || !noun || q.unit === null) return [];
  // "the unit generated $400m in operating profit": what the figure is of is said after it.
  const after = s.tokens.slice(m.to, m.to + 4).map((t) => t.lower);
  if (after.some((w) => NOT_TAKINGS.has(w))) return [];
  const at = s.tokens.indexOf(noun);
  const owner = s.tokens
    .slice(Math.max(0, at - 5), at)
    .findLast((t) => t.type === "mention" && t.mention.how !== "group");
  const company = owner?.type === "mention" ? owner.mention.company : (s.roles.topic?.company ?? s.roles.main);
  if (!company || PUBLIC_BODY.test(company)) return [];
  const clause = clauseAround(s.text, q.start);
  const when = whenOf(s.roles, q, clause, "FY");
  return [
    {
      figure: q,
      company,
      when,
      unit: q.unit,
      status: statusAround(s.text, clause, q, when.year, s.ctx.publishedYear),
      stated: owner?.type === "mention" && owner.mention.how === "name" ? ["company"] : [],
    },
  ];
}

const NOT_TAKINGS = new Set(["profit", "profits", "earnings", "income", "ebitda", "loss", "losses", "cash", "orders"]);

/** Revenue of a named part of a company, filed under the company (the gold's convention for segments). */
export const SEGMENT_RULES: Rule[] = [
  {
    name: "revenue.segment-brought-in",
    kind: "revenue",
    pattern: "segment:{SEGMENT_NOUN} ...8 {SEGMENT_TAKINGS} {FIGURE_LEAD}? figure:{MONEY}",
    examples: [
      {
        input:
          "Cloud growth\n\nCorvan Systems said revenue rose 9% to $6.2bn in 2025. The Austin-based company said its cloud division brought in $1.9bn of that total.",
        expected: [{ kind: "revenue", company: "Corvan Systems", low: 1900000000, year: 2025 }],
      },
      {
        input:
          "Builder\n\nOstrel Group said turnover for 2004 was £1.84bn. The construction arm, Ostrel Build, contributed £702m of the total.",
        expected: [{ kind: "revenue", company: "Ostrel", low: 702000000, year: 2004 }],
      },
    ],
    build: segmentRevenue,
  },
  {
    name: "revenue.segment-sales-moved",
    kind: "revenue",
    pattern:
      "{SALES_NOUN} of|at its|the ...3 segment:{SEGMENT_NOUN} ...3 rose|fell|grew|increased|reached|totalled|totaled|were|was|climbed|dropped to? {FIGURE_LEAD}? figure:{MONEY}",
    examples: [
      {
        input:
          "Wholesaler\n\nHalden NV, the Dutch electrical wholesaler, said sales of its installation division rose to 1.26 billion guilders in 1986.",
        expected: [{ kind: "revenue", company: "Halden", low: 1260000000, year: 1986, unit: "NLG" }],
      },
    ],
    build: segmentRevenue,
  },
];
