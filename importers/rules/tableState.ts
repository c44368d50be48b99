import { LEADING_LEGAL_FORMS, LEGAL_SUFFIXES, SHORT_NAME_WORDS } from "../lexicons/companies";
import {
  DOLLAR_NATIONS,
  EURO_PREDECESSORS,
  EXCHANGE_CURRENCIES,
  EXCHANGE_CURRENCIES_1980S,
} from "../lexicons/currencies";
import { HEADLINE_NAME_ENDS } from "../lexicons/newswire";
import { MONTH_INDEX } from "../lexicons/periods";
import { alternation } from "../lexicons/regex";
import { type CompanyRegistry, canonicalName } from "../recognise/companies";
import { findQuantities } from "../recognise/quantities";
import { headlinePeriodOf, type TableHeading, tableHeadingOf } from "../recognise/tableHeading";
import type { Fact } from "../types";
import type { TableState } from "./context";

const NAME_ENDS = new Set(HEADLINE_NAME_ENDS);
const PERIOD_OPENERS = new Set([
  "1ST",
  "2ND",
  "3RD",
  "4TH",
  "FIRST",
  "SECOND",
  "THIRD",
  "FOURTH",
  "YEAR",
  "NINE",
  "SIX",
  "QTR",
]);

/** "ACME HOLDINGS INC <ACM> 4TH QTR NET": the name before the ticker, or before the words of what happened. */
function headlineName(title: string): string | null {
  // "<ACME CORP> 3RD QTR NET": a name in angle brackets is the name.
  const bracketed = /^<([^>]{2,80})>/.exec(title);
  if (bracketed) return bracketed[1].trim();
  // "ACME LTD <ACM>", "ACME LTD (ACM.O)": a ticker after the name.
  const ticker = /^([^<(]{2,80}?)\s*(?:<[^>]*>|\([A-Z0-9.]{1,10}\))/.exec(title);
  if (ticker) return ticker[1].trim();
  if (title !== title.toUpperCase()) return null;
  // Without a ticker, the name is the words before the first that says what happened ("NET", "UP", "LOSS").
  const words = title.split(/\s+/);
  const end = words.findIndex(
    (w, i) => i > 0 && (NAME_ENDS.has(w) || PERIOD_OPENERS.has(w) || /^(?:19|20)\d\d$/.test(w)),
  );
  return end > 0 ? words.slice(0, end).join(" ") : null;
}

const isUpper = (s: string) => s === s.toUpperCase();
const NAME_PARTICLES = new Set(["van", "der", "den", "de", "des", "von", "du", "la", "le", "di", "da", "del", "et"]);

const SUFFIXES_IN_CAPITALS = new Set(
  LEGAL_SUFFIXES.filter((x) => !x.includes(" ")).map((x) => x.replace(/\.$/, "").toUpperCase()),
);

/** Written the way the body writes it, else in title case with short capitalised abbreviations kept ("FSI"). */
function asWritten(name: string, body: string, registry: CompanyRegistry): string {
  const entity = registry.lookup(name);
  if (entity && !isUpper(entity.name)) return entity.name;
  const at = body.toLowerCase().indexOf(name.toLowerCase());
  if (at >= 0 && !isUpper(body.slice(at, at + name.length))) return canonicalName(body.slice(at, at + name.length));
  // Legal suffixes are compared in capitals ("SA", "LTD"); short words that are no English word stay so ("FSI").
  const words = name.split(/\s+/);
  // "STE FRANCAISE DES PETROLES": a legal form that opens the name goes, as a closing suffix does.
  if (words.length > 2 && LEADING_LEGAL_FORMS.has(words[0].replace(/\.$/, "").toUpperCase())) words.shift();
  let kept = words.length;
  while (kept > 1 && SUFFIXES_IN_CAPITALS.has(words[kept - 1].replace(/[.,]+$/, "").toUpperCase())) kept--;
  return words
    .slice(0, kept)
    .map((w, i) =>
      // "VAN DER KOLK": the particles of a name are written small after its first word.
      i > 0 && NAME_PARTICLES.has(w.toLowerCase())
        ? w.toLowerCase()
        : w.length <= 3 && !SHORT_NAME_WORDS.has(w.toLowerCase())
          ? w
          : // "HOLLANDER-BRACKETT": each part of a hyphened name keeps its capital.
            w
              .split("-")
              .map((part) => (part ? part[0] + part.slice(1).toLowerCase() : part))
              .join("-"),
    )
    .join(" ");
}

const NATION_MARKER = new RegExp(
  String.raw`(?<![\w.])(${alternation(Object.keys(DOLLAR_NATIONS))})\s+(?:dlrs|dollars?|cents)\b`,
  "gi",
);

// "819 mln Canadian dlrs", "All figures in N.Z. dlrs": a figure, or the article's figures, counted in that dollar.
const FIGURE_BEFORE = /(?:\d|\b(?:mln|bln|billion|million|thousand|trillion|in|of))\s*$/i;

/** "its Canadian unit had sales of 41 mln Canadian dlrs": a part of the company abroad reports in its own money. */
const PART_ABROAD = /\b(?:unit|subsidiary|division|affiliate|arm)\b/i;

/** The first dollar named with its nation, outside a sentence about a part of the company. */
function nationOf(body: string): string | undefined {
  for (const m of body.matchAll(NATION_MARKER)) {
    // "the rise in the value of the Canadian dollar": the currency spoken of, not one a figure is counted in.
    if (!FIGURE_BEFORE.test(body.slice(Math.max(0, m.index - 24), m.index))) continue;
    const from = Math.max(body.lastIndexOf(". ", m.index), body.lastIndexOf("\n", m.index), 0);
    if (!PART_ABROAD.test(body.slice(from, m.index))) return m[1].toLowerCase();
  }
  return undefined;
}

/**
 * The currency an article's bare figures and bare "dlrs" are in: the exchange its headline ticker trades on
 * ("<ACME.HKG>"), else a dollar the article names ("H.K. cents"), else (for a table) the first currency it states,
 * else US dollars.
 */
export function articleCurrency(title: string, body: string, year: number | null, table: boolean): string {
  // The company's ticker stands in the headline or beside its first mention ("Acme Ltd <ACME.S> said").
  const ticker = /<[A-Z0-9]+\.([A-Z]+)>/;
  const exchange = (ticker.exec(title) ?? ticker.exec(body.slice(0, 300)))?.[1];
  const modern = year !== null && year >= 1999;
  const listed = exchange
    ? ((modern ? undefined : EXCHANGE_CURRENCIES_1980S[exchange]) ?? EXCHANGE_CURRENCIES[exchange])
    : undefined;
  if (listed) return modern && EURO_PREDECESSORS.has(listed) ? "EUR" : listed;
  const nation = nationOf(body);
  if (nation) return DOLLAR_NATIONS[nation];
  // Only a table's bare figures ask the text for its first currency: that costs a scan of the whole article.
  if (table)
    for (const line of body.split("\n")) {
      if (PART_ABROAD.test(line)) continue;
      const money = findQuantities(line).find((q) => q.kind === "money" && q.unit);
      if (money?.unit) return money.unit;
    }
  return "USD";
}

function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => {
    value ??= { v: make() };
    return value.v;
  };
}

/** What the headline of an article tells its tables. */
export function newTableState(title: string, body: string, registry: CompanyRegistry, year: number | null): TableState {
  const headline = withNoteEnd(headlinePeriodOf(title), body);
  const name = headline ? headlineName(title) : null;
  return {
    company: name ? asWritten(name.replace(/^\(|[.,)]+$/g, ""), body, registry) : null,
    headline,
    section: null,
    currency: headline ? once(() => articleCurrency(title, body, year, true)) : () => "USD",
    unitLine: null,
    noteYear: headline ? noteYearOf(body) : null,
  };
}

const NOTE_YEAR = new RegExp(
  String.raw`\b((?:prior|previous|year-ago)[\s-]+(?:year\s+|year's\s+)?)?(?:periods?|years?|quarters?|qtrs?)\s+ended\s+(?:${alternation(Object.keys(MONTH_INDEX))})\.?\s+\d{1,2},?\s+((?:19|20)\d\d)\b`,
  "i",
);

const NOTE_END = new RegExp(
  String.raw`\b(?:periods?|years?|quarters?|qtrs?)\s+end(?:ed|ing)\s+(${alternation(Object.keys(MONTH_INDEX))})\.?\s+(\d{1,2})\b`,
  "i",
);

/** "NOTE: Periods ended January 31.": the day the headline's periods end, when the headline does not say. */
function withNoteEnd(headline: TableHeading | null, body: string): TableHeading | null {
  if (!headline || headline.endMonth !== null) return headline;
  const m = NOTE_END.exec(body.slice(0, 4000));
  return m ? { ...headline, endMonth: MONTH_INDEX[m[1].toLowerCase()], endDay: Number(m[2]) } : headline;
}

/**
 * The year a table's note dates its current periods to ("Periods ended December 31, 1986 and 1985"); a note of the
 * prior year's alone ("Prior year periods ended February 1, 1986") dates them a year later.
 */
function noteYearOf(body: string): number | null {
  const m = NOTE_YEAR.exec(body.slice(0, 4000));
  return m ? Number(m[2]) + (m[1] ? 1 : 0) : null;
}

/** "(In mln guilders unless stated)", "(in millions of dollars)": the line that says what a table counts in. */
const UNIT_LINE =
  /^\s*\(\s*(?:in\s+|figures\s+in\s+)?((?:mln|millions?|billions?|bln|thousands?)(?:\s+of)?(?:\s+[A-Za-z.$£]+)?)[^)]*\)\s*$|^\s*(?:[A-Za-z]+,?\s+){0,4}in\s+((?:mln|millions|billions|bln|thousands)(?:\s+of)?(?:\s+[A-Za-z.$£]+)?)\s*\.?\s*$/i;

/** A heading line ("Nine mths") opens a new section of the table. */
export function advanceTable(table: TableState, line: string): TableState {
  if (!table.company) return table;
  const unit = UNIT_LINE.exec(line);
  if (unit) {
    // Read as a figure of one: "1 mln guilders" is the scale and the currency at once.
    const one = findQuantities(`1 ${unit[1] ?? unit[2]}`)[0];
    if (one && one.low > 1)
      return { ...table, unitLine: { scale: one.low, currency: one.kind === "money" ? one.unit : null } };
  }
  const heading = tableHeadingOf(line);
  if (!heading) return table;
  // A table's sections end with its fiscal year: "Year" after "Ended Jan 31" ends in January too.
  const before = table.section;
  const endsLike =
    heading.endMonth === null && before?.endMonth != null
      ? { ...heading, endMonth: before.endMonth, endDay: before.endDay }
      : heading;
  return { ...table, section: endsLike };
}

/** The year a results table's current "Year" column reports, once its rows have given facts (null before). */
export function tableYearOf(
  facts: ReadonlyArray<{ rule: string; fact: Fact | null }>,
  known: number | null,
): number | null {
  let year = known;
  for (const c of facts)
    if (c.rule.startsWith("table.") && c.fact?.period === "FY" && c.fact.year !== null && c.fact.status === "actual")
      year = Math.max(year ?? c.fact.year, c.fact.year);
  return year;
}
