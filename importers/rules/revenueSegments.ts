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
export function segmentRevenue(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const noun = m.captures.segment?.[0];
  if (!q || !noun || q.unit === null) return [];
  // "the unit generated $400m in operating profit": what the figure is of is said after it.
  const after = s.tokens.slice(m.to, m.to + 4).map((t) => t.lower);
  if (after.some((w) => NOT_TAKINGS.has(w))) return [];
  const at = s.tokens.indexOf(noun);
  // "its Asia Pacific division": a name after the owner's "its" or "the" names the part, not its owner.
  const lead = s.tokens.slice(Math.max(0, at - 5), at);
  const opens = lead.findLastIndex(
    (t) =>
      (t.type === "mention" && (t.mention.how === "pronoun" || t.mention.possessive)) ||
      t.lower === "the" ||
      t.lower === "its",
  );
  // "Services, the segment that includes...": a name before "the" segment is the part's own, in apposition.
  const apposed = lead[opens]?.lower === "the";
  const owner =
    noun.type === "mention" || apposed
      ? noun.type === "mention"
        ? noun
        : undefined
      : lead
          .slice(0, opens >= 0 ? opens + 1 : lead.length)
          .findLast((t) => t.type === "mention" && t.mention.how !== "group");
  // An "its" the mention finder left unread is the article's company, not the last one spoken of.
  const fallback = lead[opens]?.lower === "its" ? s.roles.main : (s.roles.topic?.company ?? s.roles.main);
  const company = owner?.type === "mention" ? owner.mention.company : fallback;
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
      segment: segmentName(s, at),
    },
  ];
}

const DETERMINERS = new Set(["its", "their", "the", "a", "an", "his", "her", "that", "this"]);

/**
 * What the part is called: the words before its noun back to the owner or a determiner ("its power tools
 * division" → "power tools"); a noun named alone ("the division") gives none.
 */
export function segmentName(s: RuleSentence, at: number): string | null {
  const noun = s.tokens[at];
  const words: string[] = [];
  if (noun.type === "mention") words.push(...noun.text.split(/\s+/).slice(0, -1));
  else
    for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
      const t = s.tokens[i];
      const wordLike = t.type === "word" || (t.type === "mention" && t.mention.how === "name");
      if (!wordLike || !/^[\w -]+$/.test(t.text) || /['’]s$/.test(t.text)) break;
      words.unshift(t.text);
    }
  const named = words.filter((w, i) => !(i === 0 && DETERMINERS.has(w.toLowerCase())));
  return named.length ? named.join(" ") : null;
}

/**
 * "turnover at its carpets division rose to 96.2 mln stg in the half from 88.7 mln": the division's takings a year
 * before (or in the year said after the base), of the same owner and kind of period.
 */
function segmentBase(m: Match, s: RuleSentence): FactRoles[] {
  const current = segmentRevenue({ ...m, captures: { ...m.captures, figure: m.captures.first } }, s)[0];
  const q = quantityOf(m.captures.figure?.[0]);
  if (!current || !q || q.unit !== current.unit) return [];
  const said = s.roles.times.find(
    (t) => t.start >= q.end && t.start - q.end < 25 && t.year !== null && !/[,;]/.test(s.text.slice(q.end, t.start)),
  );
  const year = said?.year ?? (current.when.year === null ? null : current.when.year - 1);
  if (year === null && current.when.year !== null) return [];
  return [
    {
      ...current,
      figure: q,
      when: { year, period: current.when.period, stated: said !== undefined },
      status: "actual",
      stated: [],
    },
  ];
}

export const NOT_TAKINGS = new Set([
  "profit",
  "profits",
  "earnings",
  "income",
  "ebitda",
  "loss",
  "losses",
  "cash",
  "orders",
]);

/** Whether one of the words stands in the match or just before it ("operating profit from its supply arm"). */
export const saidNear = (m: Match, s: RuleSentence, words: ReadonlySet<string>) =>
  s.tokens.slice(Math.max(0, m.from - 3), m.to).some((t) => words.has(t.lower));

const PRICED = new Set(["value", "values", "valued", "worth", "sell", "sold", "price", "priced", "bid", "offer"]);

/** Revenue of a named part of a company, filed under the company (the gold's convention for segments). */
export const SEGMENT_RULES: Rule[] = [
  {
    name: "revenue.segment-brought-in",
    kind: "revenue",
    pattern: "segment:{SEGMENT_NOUN} ...16 {SEGMENT_TAKINGS} {FIGURE_LEAD}? figure:{MONEY}",
    examples: [
      {
        input:
          "Cloud growth\n\nCorvan Systems said revenue rose 9% to $6.2bn in 2025. The Austin-based company said its cloud division brought in $1.9bn of that total.",
        expected: [{ kind: "revenue", company: "Corvan Systems", low: 1900000000, year: 2025, segment: "cloud" }],
      },
      {
        input:
          "Builder\n\nOstrel Group said turnover for 2004 was £1.84bn. The construction arm, Ostrel Build, contributed £702m of the total.",
        expected: [{ kind: "revenue", company: "Ostrel", low: 702000000, year: 2004, segment: "construction" }],
      },
      {
        input:
          "Kitchens\n\nHalden Home said revenue was $4.1 billion in 2025. Its cookware business, the largest of its three segments, generated $1.9 billion of that total.",
        expected: [{ kind: "revenue", company: "Halden Home", low: 1900000000, year: 2025, segment: "cookware" }],
      },
    ],
    build: segmentRevenue,
  },
  {
    name: "revenue.segment-sales-moved",
    kind: "revenue",
    pattern:
      "{SALES_NOUN} of|at|in its|the ...3 segment:{SEGMENT_NOUN} ...8 {LEVEL_MOVE} change:{PERCENT}? to? {FIGURE_LEAD}? figure:{MONEY}",
    examples: [
      {
        input:
          "Wholesaler\n\nHalden NV, the Dutch electrical wholesaler, said sales of its installation division rose to 1.26 billion guilders in 1986.",
        expected: [
          { kind: "revenue", company: "Halden", low: 1260000000, year: 1986, unit: "NLG", segment: "installation" },
        ],
      },
      {
        input:
          "Toolmaker\n\nOstrel AG said group turnover rose to 5.6 billion marks in 1986. Turnover at its garden tools division rose 14.7 pct to 1.27 billion marks.",
        expected: [
          { kind: "revenue", company: "Ostrel", low: 1270000000, year: 1986, unit: "DEM", segment: "garden tools" },
        ],
      },
    ],
    build: segmentRevenue,
  },
  {
    name: "revenue.segment-moved-to",
    kind: "revenue",
    // "Its skin care business, long a laggard, grew 15% to $1.3 billion": a part's takings moved to a level, the
    // takings unsaid.
    pattern: "its|the|their ...3 segment:{SEGMENT_NOUN} ...10 {LEVEL_MOVE} {PERCENT}? to {FIGURE_LEAD}? figure:{MONEY}",
    // ("operating profit from its supply arm fell to £118m", "the arm, which analysts value at up to £300m": no
    // takings.)
    when: (m, s) =>
      !saidNear(m, s, NOT_TAKINGS) &&
      !saidNear(m, s, PRICED) &&
      !/\bup\s+to\s+(?:about\s+)?$/i.test(s.text.slice(0, s.tokens[m.to - 1].start)),
    examples: [
      {
        input:
          "Date: 20 October 2026\n\nBeauty\n\nCorvan Beauty said third-quarter revenue rose 6%. Its skin care business, long a laggard, grew 15% to $1.3 billion.",
        expected: [{ kind: "revenue", company: "Corvan Beauty", low: 1300000000, period: "Q3", segment: "skin care" }],
      },
    ],
    build: segmentRevenue,
  },
  {
    name: "revenue.segment-sales-from",
    kind: "revenue",
    pattern:
      "{SALES_NOUN} of|at|in its|the ...3 segment:{SEGMENT_NOUN} ...14 first:{MONEY} ...8 from {FIGURE_LEAD}? figure:{MONEY}",
    overlapping: true,
    examples: [
      {
        input:
          "Carpets\n\nDate: 12 March 1987\n\nHalden Plc said turnover at its carpets division rose to 96.2 mln stg in 1986 from 88.7 mln.",
        expected: [{ kind: "revenue", company: "Halden", low: 88700000, year: 1985, unit: "GBP", segment: "carpets" }],
      },
    ],
    build: segmentBase,
  },
];
