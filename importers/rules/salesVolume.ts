import { clauseAround } from "../extract/clauses";
import { marketAfter, placeIn } from "../extract/market";
import { statusAround } from "../extract/status";
import { PUBLIC_BODY, subjectOf } from "../extract/subject";
import { resolveYear, whenOf } from "../extract/when";
import { PLACES } from "../lexicons/companies";
import { SALES_VOLUME_WORDS, VOLUME_UNITS } from "../lexicons/units";
import type { Quantity } from "../recognise/quantities";
import type { TimeExpr } from "../recognise/time";
import type { Period } from "../types";
import type { Match } from "./pattern";
import { type FactRoles, type Rule, type RuleSentence, withStatus } from "./rule";
import { quantityOf } from "./tokens";

// "sales of $32bn and a capacity of 70 million tonnes": a count of what is made, not sold.
const OUTPUT_WORDS = /\b(?:capacity|production|produce[sd]?|producing|output|built|build|manufactured?)\b/i;
// "across the industry", "industry-wide": no one company's sales.
// ("expects the industry to ship 1.2 billion phones": the industry is the subject.)
const INDUSTRY_WIDE =
  /\b(?:across|throughout)\s+the\s+(?:industry|market|sector|country)\b|\bindustry[- ]wide\b|\bthe\s+(?:whole\s+|global\s+|overall\s+)?(?:industry|market)\s+(?:to\s+|will\s+|would\s+)?(?:ship|sell|deliver)\b/i;
// "About 684 million handsets were sold worldwide": everyone's count, said after the figure.
const SOLD_WORLDWIDE =
  /^[\w\s-]{0,30}?\b(?:were|was|are|is)\s+(?:sold|shipped|delivered)\s+(?:worldwide|globally|around\s+the\s+world)\b/i;
// "has sold more than 40 million consoles since its first model went on sale": a count of all time, no period's.
const SINCE_LAUNCH =
  /^[^.;]{0,40}?\bsince\s+(?:(?:its|their|the)\s+(?:[\w-]+\s+){0,2})?(?:launch|launched|debut|introduction|release|first\s+\w+\s+went\s+on\s+sale|went\s+on\s+sale)\b/i;
// "Worldwide, 310 million phones were sold": a clause opened by the whole world that names no company counts
// everyone's ("Worldwide, Corvan expects to sell 1.1 million" is Corvan's).
const WORLD_OPENS = /^\s*(?:worldwide|globally|in all|overall),/i;
// "Global smartphone shipments rose 3% to 298 million": the whole market's, unless a company's ("its global sales").
const WHOLE_MARKET =
  /(?<!\b(?:its|their|[A-Za-z]+'s)\s)\b(?:[Gg]lobal|[Ww]orldwide|[Ww]orld|[Ii]ndustry|[Tt]otal|[Oo]verall|[Nn]ational|[Nn]ationwide)\s+(?:[A-Za-z.-]+\s+){0,2}(?:sales|shipments|deliveries)\b|\b(?:sales|shipments|deliveries)\s+(?:worldwide|globally|industry[- ]wide)\b/;
/** A whole market's count, said before any company is named in the clause ("Corvan saw worldwide sales rise" is Corvan's). */
function wholeMarket(s: RuleSentence, from: number, to: number): boolean {
  const m = WHOLE_MARKET.exec(s.text.slice(from, to));
  if (!m) return false;
  const at = from + m.index;
  return !s.roles.mentions.some((x) => x.how === "name" && x.start >= from && x.end <= at);
}

// "up to 10-12 weeks": a count of time, not of things.
const TIME_AFTER = /^\s*(?:weeks|days|months|years|hours|minutes)\b/i;
// "total U.S. smartwatch shipments fell 4% to 14.2 million units": a country's market, not one company's sales.
const MARKET_TOTAL = /\b(?:[Tt]otal|[Oo]verall)\s+([A-Z][\w.]*)\s+(?:[a-z-]+\s+){0,2}(?:sales|shipments|deliveries)\b/;
// "Chinese car sales rose 15% to 5.07 million": a country's sales, said with its adjective opening the clause.
const COUNTRY_SALES =
  /^\W*(?:[Tt]he\s+)?(?:(?:Western|Eastern|Northern|Southern|Central)\s+)?([A-Z][a-z]+)\s+(?:[a-z-]+\s+){0,2}(?:sales|shipments|deliveries|registrations)\b/;

/**
 * "Car sales in western Europe slipped 0.4% to 14.5 million", "domestic new car sales were 4% lower at 298,000": a
 * place's or a whole country's sales, when no company is named before the figure.
 */
const PLACE_SALES =
  /^\W*(?:(?:[Tt]he\s+)?(?:[A-Za-z-]+\s+){0,2}(?:sales|shipments|deliveries|registrations)\s+(?:in|across)\s+(?:the\s+)?(?:(?:western|eastern|northern|southern|central)\s+)?[A-Z]|(?:[Dd]omestic|[Oo]verall|[Tt]otal)\s+(?:[a-z-]+\s+){0,2}(?:sales|shipments|deliveries|registrations)\b)/;

function marketTotal(lead: string): boolean {
  const m = MARKET_TOTAL.exec(lead) ?? COUNTRY_SALES.exec(lead);
  if (m === null) return false;
  const place = m[1].toLowerCase();
  return place in PLACES || place.replace(/\.$/, "") in PLACES;
}

const RATE_AFTER = /^\s*(?:daily|a\s+day|per\s+day|a\s+week|per\s+week|a\s+month|per\s+month)\b/i;

// "sold 5,000 more cars", "rose by 5,000": a change in units, not a volume.
const MORE_AFTER = /^\s*(?:more|fewer|extra|additional)\b/i;

/**
 * Whose count, of which unit and market, when. The company is found from the sales word the match begins with
 * (or the figure, when the verb follows it), by the subject finder the extractors share.
 */
function volumeRoles(s: RuleSentence, m: Match, q: Quantity, unit: string, unitEnd: number): FactRoles | null {
  const clause = clauseAround(s.text, q.start);
  const from = s.tokens[m.from].start;
  const lead = s.text.slice(Math.max(clause.start, from), q.start);
  if (
    OUTPUT_WORDS.test(lead) ||
    // (Only near the count: "delivered 36,000 cars, even as a price war squeezed profits across the industry".)
    INDUSTRY_WIDE.test(s.text.slice(clause.start, Math.min(clause.end, unitEnd + 24))) ||
    (WORLD_OPENS.test(s.text.slice(clause.start, clause.end)) &&
      !s.tokens.some((t) => t.type === "mention" && t.start >= clause.start && t.end <= q.start)) ||
    wholeMarket(s, clause.start, q.start) ||
    TIME_AFTER.test(s.text.slice(q.end, q.end + 12)) ||
    SOLD_WORLDWIDE.test(s.text.slice(q.end, q.end + 60)) ||
    SINCE_LAUNCH.test(s.text.slice(q.end, q.end + 80)) ||
    marketTotal(s.text.slice(clause.start, q.start)) ||
    (PLACE_SALES.test(s.text.slice(clause.start, q.start)) &&
      !s.tokens.some((t) => t.type === "mention" && t.start >= clause.start && t.end <= q.start))
  )
    return null;
  if (MORE_AFTER.test(s.text.slice(q.end)) || /\bby\s+$/i.test(lead)) return null;
  // "604,200 barrels daily", "the annualized sales rate improved to 7.5 mln": a pace, not a period's count.
  if (RATE_AFTER.test(s.text.slice(unitEnd)) || /\b(?:sales|selling)\s+rate\b/i.test(lead)) return null;
  const company = subjectOf(s.roles, Math.min(from, q.start), clause);
  if (!company || PUBLIC_BODY.test(company.company)) return null;
  const when = whenOf(s.roles, q, clause, "FY");
  const market = marketAfter(s.text.slice(unitEnd)) ?? placeIn(s.text.slice(clause.start, clause.end));
  return {
    figure: q,
    company: company.company,
    market,
    when,
    unit,
    status: statusAround(s.text, clause, q, when.year, s.ctx.publishedYear),
    stated: [...(market ? ["market"] : []), ...(company.how === "name" || company.how === "group" ? ["company"] : [])],
    aliases: company.surfaces.length ? { [company.company]: company.surfaces } : {},
  };
}

/** A count with the thing counted named after it ("1.2 million cars"). */
export function namedUnit(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const unit = m.captures.unit;
  if (!q || !unit?.length) return [];
  const named = VOLUME_UNITS[unit.map((t) => t.lower).join(" ")];
  // "vehicle sales fell to 1.41 mln units": the thing whose sales they are says what the units are.
  const thing = named === "units" ? thingSoldBefore(s, s.tokens.indexOf(m.captures.figure![0])) : null;
  const roles = volumeRoles(s, m, q, thing ?? named, unit.at(-1)!.end);
  return roles ? [roles] : [];
}

/** "vehicle sales", "truck deliveries": the thing named right before a word of selling, before token `upTo`. */
function thingSoldBefore(s: RuleSentence, upTo: number): string | null {
  for (let i = 0; i + 1 < upTo; i++) {
    if (!/^(?:sales|deliveries|shipments)$/.test(s.tokens[i + 1].lower)) continue;
    const unit = unitOfWord(s.tokens[i].lower);
    if (unit && unit !== "units") return unit;
  }
  return null;
}

/** "sold 4,310 homes ... and expects to sell 4,600": what another count of the sentence names. */
function unitNamedIn(s: RuleSentence): string | null {
  for (let i = 0; i + 1 < s.tokens.length; i++) {
    const t = s.tokens[i];
    if (t.type !== "quantity" || t.quantity.kind !== "count") continue;
    const next = s.tokens[i + 1].lower;
    if (next in VOLUME_UNITS) return VOLUME_UNITS[next];
    // "412 jet engines": one word that says which kind before the thing counted.
    const after = s.tokens[i + 2]?.lower;
    if (s.tokens[i + 1].type === "word" && /^[a-z-]+$/.test(next) && after !== undefined && after in VOLUME_UNITS)
      return VOLUME_UNITS[after];
  }
  return null;
}

/** "Truck deliveries rose to 14,300": the thing named just before the sales word the match opens with. */
function unitBeforeCue(m: Match, s: RuleSentence): string | null {
  const word = s.tokens[m.from - 1]?.lower;
  if (!word) return null;
  return unitOfWord(word);
}

/** The unit a thing's name is counted in, singular ("truck") or plural ("trucks"). */
function unitOfWord(word: string): string | null {
  return VOLUME_UNITS[word] ?? VOLUME_UNITS[`${word}s`] ?? null;
}

/** A bare count in an article that counts one thing ("sales rose 4.1% to 61,200"): that thing. */
export function articleUnit(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const unit = unitBeforeCue(m, s) ?? s.ctx.volumeUnit ?? unitNamedIn(s);
  if (!q || !unit) return [];
  const roles = volumeRoles(s, m, q, unit, q.end);
  return roles ? [roles] : [];
}

const YEAR_BEFORE_AFTER =
  /^\s*(?:units\s+)?(?:in\s+)?(?:the\s+)?(?:previous|prior|preceding)\s+(?:12\s+months|year)\b/i;

/** The roles of a match's first count ("sold 1.2 mln cars ..., up from 1.1 mln"), which a later count shares. */
export function firstCount(m: Match, s: RuleSentence): FactRoles | undefined {
  const firstMatch = { ...m, captures: { ...m.captures, figure: m.captures.first } };
  const ofFirst = m.captures.mod || m.captures.unit?.[0].lower in VOLUME_UNITS === false ? otherUnit : namedUnit;
  return (m.captures.unit ? ofFirst(firstMatch, s) : articleUnit(firstMatch, s))[0];
}

const NAMES_A_YEAR = /^(?:(?:19|20)\d\d|last\s+year)$/i;
/**
 * The base's own period ("from 210,000 in the first half of 2004"), else the first figure's; after a deadline's
 * target ("to sell 1.1 million by 2007, up from 900,000 last year"), which has none, a year said of the base is
 * that whole year.
 */
function baseCountPeriod(own: TimeExpr | undefined, first: FactRoles): Period | null {
  if (own?.period) return own.period;
  // ("a year earlier" says only how far back; "last year" and "in 2004" name the year.)
  if (first.when.period || !own || !NAMES_A_YEAR.test(own.text) || first.status === "actual") return first.when.period;
  return own.month === undefined && !own.open && !own.partial ? "FY" : null;
}

/** "sold 100 ..., compared with just ten the year before": the base is a volume of its own, a year earlier. */
function baseCount(m: Match, s: RuleSentence): FactRoles[] {
  const first = firstCount(m, s);
  const q = quantityOf(m.captures.figure?.[0]);
  if (!first || !q) return [];
  const base = s.roles.times.find((t) => t.role === "base" && t.start >= q.end && t.start - q.end < 30);
  // "up from 5,900 in the previous 12 months", "rose to 598,000 from 562,000": the year before the first figure's.
  // "after 980,000 tonnes last year": a time said of the base figure itself dates it ("388,000 tonnes, and it
  // expects fiscal 1988 shipments of" is the next clause's).
  const said = base
    ? undefined
    : s.roles.times.find((t) => t.start >= q.end && t.start - q.end < 25 && !/[,;]/.test(s.text.slice(q.end, t.start)));
  const before =
    YEAR_BEFORE_AFTER.test(s.text.slice(q.end, q.end + 40)) ||
    (!base && /\bfrom\s+$/i.test(s.text.slice(0, q.start))) ||
    (!base && !said && undatedVersusBase(m, s, q));
  const relative = base?.relative ?? (before ? -1 : null);
  const year =
    base?.year ??
    (relative !== null && first.when.year !== null ? first.when.year + relative : null) ??
    (said ? resolveYear(said, s.roles) : null);
  // "sold 9.4 million hectolitres during the year, up from 9.1 million", in an article that gives no year: the year
  // before an undated one is undated too, and still the same kind of period.
  if (year === null && (relative !== -1 || first.when.year !== null || first.when.period === null)) return [];
  return [
    {
      ...first,
      figure: q,
      when: { year, period: baseCountPeriod(base ?? said, first), stated: base?.year != null },
      status: "actual",
      stated: [],
    },
  ];
}

/**
 * "totalled 402,000 tonnes vs 388,000 tonnes": a base after "vs" with no time of its own is of the year before; not
 * a money table's row ("Sales 21,600 vs 18,900") nor a rival's count ("compared with 236 million for Ostrel").
 */
function undatedVersusBase(m: Match, s: RuleSentence, q: Quantity): boolean {
  const lead = s.text.slice(0, q.start);
  return (
    /\b(?:vs\.?|versus|against|compared\s+with)\s+(?:about\s+)?$/i.test(lead) &&
    (m.captures.unit !== undefined || /\b(?:sold|shipped|delivered|totall?ed|shipments|deliveries)\b/i.test(lead)) &&
    !/^\s*(?:[a-z]+\s+)?for\s+[A-Z]/.test(s.text.slice(q.end, q.end + 30))
  );
}

/** "shipped 4.6 million thermostats": a thing the unit lexicon does not know, named as the text names it. */
function otherUnit(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const words = [...(m.captures.mod ?? []), ...(m.captures.mod2 ?? []), ...(m.captures.unit ?? [])];
  if (!q || !m.captures.unit?.length) return [];
  // "90 million pairs of shoes": a measure of things is named with the things.
  const at = s.tokens.indexOf(m.captures.unit.at(-1)!);
  if (
    /^(?:pairs|sets|packs)$/.test(words.at(-1)!.lower) &&
    s.tokens[at + 1]?.lower === "of" &&
    /^[a-z-]+s$/.test(s.tokens[at + 2]?.text ?? "") &&
    !/^(?:its|his|hers|ours|theirs)$/.test(s.tokens[at + 2].text)
  )
    words.push(s.tokens[at + 1], s.tokens[at + 2]);
  const roles = volumeRoles(s, m, q, words.map((t) => t.lower).join(" "), words.at(-1)!.end);
  return roles ? [roles] : [];
}

/** "rose 4.1% to 61,200" is a count; "to 12 per cent" is a rate the recogniser left bare. */
export const notAPercent = (m: Match, s: RuleSentence) =>
  !/^\s*(?:%|per\s?cent)/i.test(s.text.slice(s.tokens[m.to - 1].end));

const SOLD_WORDS = new Set(SALES_VOLUME_WORDS.flatMap((w) => w.split(" ")).filter((w) => w !== "over"));

/** A word of selling before the match ("sold ... 881,700 cars and 402,300 trucks"). */
export const soldBefore = (m: Match, s: RuleSentence) => s.tokens.slice(0, m.from).some((t) => SOLD_WORDS.has(t.lower));

/** Sales volumes: things sold, delivered or shipped in a period. */
export const SALES_VOLUME_RULES: Rule[] = [
  {
    name: "sales-volume.sales-of-units",
    kind: "sales_volume",
    pattern: "{SALES_CUE} ...12 figure:{COUNT} ...4 unit:{VOLUME_UNIT}",
    examples: [
      {
        input: "Carmaker results\n\nTamsin Auto sold 1.2 million cars in 2008, it said.",
        expected: [{ kind: "sales_volume", company: "Tamsin Auto", unit: "vehicles", low: 1200000, year: 2008 }],
      },
    ],
    build: namedUnit,
  },
  {
    name: "sales-volume.and-another-count",
    kind: "sales_volume",
    // "sold 881,700 cars and 402,300 trucks": a second count joined to the first takes its sales word.
    pattern: "{COUNT} {PRODUCT_MODIFIER}? {VOLUME_UNIT} and figure:{COUNT} mod:{PRODUCT_MODIFIER}? unit:{VOLUME_UNIT}",
    when: soldBefore,
    examples: [
      {
        input: "Deliveries\n\nCorvan Motors said it sold 881,700 cars and 402,300 trucks in the United States in 1986.",
        expected: [{ kind: "sales_volume", company: "Corvan Motors", unit: "vehicles", low: 402300, year: 1986 }],
      },
    ],
    build: namedUnit,
  },
  {
    name: "sales-volume.and-other-things",
    kind: "sales_volume",
    pattern:
      "{COUNT} {PRODUCT_MODIFIER}? {OTHER_PRODUCT} and figure:{COUNT} mod:{PRODUCT_MODIFIER}? unit:{OTHER_PRODUCT}",
    when: soldBefore,
    examples: [
      {
        input: "Appliances\n\nOstrel Electric said it sold 1.9 mln refrigerators and 1.2 mln air conditioners in 1986.",
        expected: [
          { kind: "sales_volume", company: "Ostrel Electric", unit: "air conditioners", low: 1200000, year: 1986 },
        ],
      },
    ],
    build: otherUnit,
  },
  {
    name: "sales-volume.sold-of-its-things",
    kind: "sales_volume",
    // "shipped more than 1.4 million of its Halcyon accelerator cards": a count of its own product, named by a brand.
    pattern:
      "sold|delivered|shipped|shipping|selling|delivering {FIGURE_LEAD}? figure:{COUNT} of its|their ...2 mod:{PRODUCT_MODIFIER}? unit:{OTHER_PRODUCT}",
    examples: [
      {
        input:
          "Date: 5 March 2026\n\nChips\n\nBrixo Chips shipped more than 1.4 million of its Halcyon accelerator cards during the quarter.",
        expected: [{ kind: "sales_volume", company: "Brixo Chips", low: 1400000, year: 2025, period: "Q4" }],
      },
    ],
    build: otherUnit,
  },
  {
    name: "sales-volume.sold-other-things",
    kind: "sales_volume",
    pattern:
      "sold|delivered|shipped|shipping|selling|delivering|exported {FIGURE_LEAD}? figure:{COUNT} mod:{PRODUCT_MODIFIER}? mod2:{PRODUCT_MODIFIER}? unit:{OTHER_PRODUCT}",
    examples: [
      {
        input: "Smart homes\n\nHalden Controls shipped about 4.6 million thermostats in 2025, the firm said.",
        expected: [{ kind: "sales_volume", company: "Halden Controls", unit: "thermostats", low: 4600000, year: 2025 }],
      },
      {
        input: "Caravans\n\nOstrel Leisure sold 9,800 touring caravans in 2005.",
        expected: [{ kind: "sales_volume", company: "Ostrel Leisure", unit: "touring caravans", low: 9800 }],
      },
      {
        input: "Ovens\n\nHalden Denki said it sold 1.2 mln microwave ovens in 1986.",
        expected: [{ kind: "sales_volume", company: "Halden Denki", unit: "microwave ovens", low: 1200000 }],
      },
    ],
    build: otherUnit,
  },
  {
    name: "sales-volume.ranked-with-count",
    kind: "sales_volume",
    // "Corvan came in second with 58.9 million phones", "Ostrel led with 61 million": a place in a ranking of
    // sellers, the count said after it (a count of something else, "third with 1,200 stores", names no unit sold).
    pattern:
      "led|first|second|third|fourth|fifth|behind|followed|next with {FIGURE_LEAD}? figure:{COUNT} unit:{VOLUME_UNIT}?",
    when: (m, s) =>
      (m.captures.unit?.length ?? 0) > 0 ||
      /^\s*(?:units\s+)?(?:,|and\b|\.|$)/.test(s.text.slice(s.tokens[m.to - 1].end)),
    examples: [
      {
        input:
          "Phones\n\nGlobal smartphone shipments rose 3% in the first quarter of 2026. Halden Mobile came in second with 58.9 million phones and a 19% share.",
        expected: [
          { kind: "sales_volume", company: "Halden Mobile", unit: "phones", low: 58900000, year: 2026, period: "Q1" },
        ],
      },
      {
        input:
          "Phones\n\nCorvan shipped 61.2 million smartphones in the first quarter of 2026. Ostrel was close behind with 56.6 million and a 17.8% share.",
        expected: [
          { kind: "sales_volume", company: "Ostrel", unit: "smartphones", low: 56600000, year: 2026, period: "Q1" },
        ],
      },
    ],
    build: (m, s) => (m.captures.unit?.length ? namedUnit(m, s) : articleUnit(m, s)),
  },
  {
    name: "sales-volume.units-then-verb",
    kind: "sales_volume",
    pattern: "figure:{COUNT} ...3 unit:{VOLUME_UNIT} ...5 sold|delivered|shipped",
    examples: [
      {
        input: "Phones\n\nBrightwell Mobile said 4.5 million handsets were sold in the first quarter of 2009.",
        expected: [{ kind: "sales_volume", company: "Brightwell Mobile", unit: "phones", low: 4500000, period: "Q1" }],
      },
    ],
    build: namedUnit,
  },
  {
    name: "sales-volume.sales-reach-bare-count",
    kind: "sales_volume",
    // ("expected deliveries to reach 65,000 in 2026".)
    pattern: "{SALES_CUE} ...10 to reach|top|hit|exceed|pass? {FIGURE_LEAD}? figure:{COUNT}",
    when: notAPercent,
    examples: [
      {
        input:
          "Carmaker results\n\nTamsin Auto sold 1.2 million cars in 2008. Sales of its Velo model rose 4.1% to 61,200 in 2008.",
        expected: [{ kind: "sales_volume", company: "Tamsin Auto", unit: "vehicles", low: 61200, year: 2008 }],
      },
    ],
    build: articleUnit,
  },
  {
    name: "sales-volume.product-sales-reached",
    kind: "sales_volume",
    pattern:
      "{PRODUCT_WORD} sales|deliveries|shipments of|reached|totalled|totaled|were|was|hit|at {FIGURE_LEAD}? figure:{COUNT}",
    when: notAPercent,
    examples: [
      {
        input:
          "Carmaker results\n\nTamsin Auto sold 1.2 million cars in 2008. Its car sales reached 61,200 in March 2009.",
        expected: [{ kind: "sales_volume", company: "Tamsin Auto", unit: "vehicles", low: 61200, year: 2009 }],
      },
    ],
    build: articleUnit,
  },
  {
    name: "sales-volume.sold-bare-count",
    kind: "sales_volume",
    pattern:
      "sold|delivered|shipped|sell|deliver|ship|hand|selling|shipping|delivering {FIGURE_LEAD}? over? between? {FIGURE_LEAD}? figure:{COUNT}",
    examples: [
      {
        input:
          "Sports cars\n\nHalden Motors sold 4,000 cars in 2008. It sold more than 100 of the limited models in 2009.",
        expected: [{ kind: "sales_volume", company: "Halden Motors", unit: "vehicles", low: 100, year: 2009 }],
      },
      {
        input:
          "Homes\n\nHousebuilder Corvan Homes said it sold 4,310 homes in 2005 and expects to sell around 4,600 in 2006.",
        expected: [
          { kind: "sales_volume", company: "Corvan Homes", unit: "homes", low: 4600, year: 2006, status: "forecast" },
        ],
      },
    ],
    build: articleUnit,
  },
  {
    name: "sales-volume.the-count-it-sold",
    kind: "sales_volume",
    // "almost double the 212,000 it sold in 2004": the count, then the company selling it.
    pattern: "the figure:{COUNT} it|they sold|shipped|delivered",
    // ("up 21% from the 81,200 it delivered a year earlier" is a base, the base rules' to date.)
    when: (m, s) => !/^(?:from|against|versus|with|than)$/.test(s.tokens[m.from - 1]?.lower ?? ""),
    examples: [
      {
        input:
          "Carmaker plans\n\nSwedish carmaker Halden Bil wants to sell 400,000 cars a year by 2008, almost double the 212,000 it sold in 2004.",
        expected: [
          { kind: "sales_volume", company: "Halden Bil", unit: "vehicles", low: 212000, year: 2004, status: "actual" },
        ],
      },
    ],
    // ("sold" is done, whatever the sentence goes on to want.)
    build: withStatus(articleUnit, "actual"),
  },
  {
    name: "sales-volume.deliveries-of-count",
    kind: "sales_volume",
    pattern: "deliveries|shipments of {FIGURE_LEAD}? figure:{COUNT}",
    when: notAPercent,
    examples: [
      {
        input:
          "Date: 3 February 2025\n\nPickups\n\nCorvan Motors delivered 412,300 vehicles in 2024, with fourth-quarter deliveries of 118,500.",
        expected: [{ kind: "sales_volume", company: "Corvan Motors", unit: "vehicles", low: 118500, period: "Q4" }],
      },
    ],
    build: articleUnit,
  },
  {
    name: "sales-volume.count-deliveries",
    kind: "sales_volume",
    pattern: "figure:{COUNT} deliveries|shipments",
    examples: [
      {
        input:
          "Jets\n\nHalden Aero delivered 61 aircraft in 2025. The company kept its full-year target of 80 deliveries for 2026.",
        expected: [{ kind: "sales_volume", company: "Halden Aero", unit: "aircraft", low: 80, status: "target" }],
      },
    ],
    build: articleUnit,
  },
  {
    name: "sales-volume.bringing-total-to",
    kind: "sales_volume",
    // "delivered 96,300 vehicles in the quarter, bringing its total for the first half to 181,000".
    pattern: "bringing|taking|lifting|pushing its|the ...6 total ...6 to just? {FIGURE_LEAD}? figure:{COUNT}",
    // "signed up 610,000 customers, taking its total to 15.2 million": a total of what was sold, not of customers.
    when: (m, s) => notAPercent(m, s) && soldBefore(m, s),
    examples: [
      {
        input:
          "Date: 2 July 2026\n\nDeliveries\n\nCorvan Motors delivered 96,300 vehicles in the second quarter, bringing its total for the first half of the year to 181,000.",
        expected: [
          { kind: "sales_volume", company: "Corvan Motors", unit: "vehicles", low: 181000, year: 2026, period: "H1" },
        ],
      },
    ],
    build: articleUnit,
  },
  {
    name: "sales-volume.base-count",
    kind: "sales_volume",
    pattern:
      "{SALES_CUE} ...12 first:{COUNT} ...3 unit:{VOLUME_UNIT}? ...12 {BASE_WORD} with|to? {FIGURE_LEAD}? figure:{COUNT}",
    examples: [
      {
        input:
          "Tubes\n\nDate: 2 March 1987\n\nHalden Rohr expects to deliver 1.1 mln tonnes in 1987, after 980,000 tonnes last year.",
        expected: [{ kind: "sales_volume", company: "Halden Rohr", unit: "tonnes", low: 980000, year: 1986 }],
      },
      {
        input:
          "Electric cars\n\nCorvan Motors sold 100 electric cars in 2009, compared with just ten the previous year.",
        expected: [{ kind: "sales_volume", company: "Corvan Motors", unit: "vehicles", low: 10, year: 2008 }],
      },
    ],
    build: baseCount,
  },
  {
    name: "sales-volume.base-other-things",
    kind: "sales_volume",
    pattern:
      "sold|delivered|shipped {FIGURE_LEAD}? first:{COUNT} of? its|their? mod:{PRODUCT_MODIFIER}? mod2:{PRODUCT_MODIFIER}? unit:{OTHER_PRODUCT} ...12 {BASE_WORD} with|to? {FIGURE_LEAD}? figure:{COUNT}",
    examples: [
      {
        input:
          "Recorders\n\nHalden Denki said it sold 1.2 mln video cassette recorders in 1986, down from 1.5 mln a year earlier.",
        expected: [
          { kind: "sales_volume", company: "Halden Denki", unit: "video cassette recorders", low: 1500000, year: 1985 },
        ],
      },
      {
        input:
          "Workstations\n\nDate: 9 April 1987\n\nHalden Data said it shipped about 36,000 engineering workstations in 1986, up from 27,200 in 1985.",
        expected: [
          { kind: "sales_volume", company: "Halden Data", unit: "engineering workstations", low: 27200, year: 1985 },
        ],
      },
      {
        input:
          "Minicomputers\n\nDate: 8 July 1987\n\nHalden Data said it shipped about 3,700 of its minicomputers in its fiscal third quarter ended June 26, up from 3,050 in the same quarter a year ago.",
        expected: [{ kind: "sales_volume", company: "Halden Data", unit: "minicomputers", low: 3050, year: 1986 }],
      },
    ],
    build: baseCount,
  },
];
