import { SHORT_NAME_WORDS } from "../lexicons/companies";
import { DOLLAR_NATIONS, EURO_PREDECESSORS, EXCHANGE_CURRENCIES } from "../lexicons/currencies";
import { alternation } from "../lexicons/regex";
import { type CompanyRegistry, canonicalName } from "../recognise/companies";
import { findQuantities } from "../recognise/quantities";
import { headlinePeriodOf, tableHeadingOf } from "../recognise/tableHeading";
import type { TableState } from "./context";

/** "ACME HOLDINGS INC <ACM> 4TH QTR NET": the name before the ticker, or before the period words. */
function headlineName(title: string): string | null {
  const ticker = /^([^<]{2,80}?)\s*<[^>]*>/.exec(title);
  if (ticker) return ticker[1].trim();
  const period = /^(.{2,80}?)\s+(?:1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH|YEAR|NINE|SIX|QTR)\b/.exec(title);
  return period && period[1] === period[1].toUpperCase() ? period[1].trim() : null;
}

const isUpper = (s: string) => s === s.toUpperCase();

/** Written the way the body writes it, else in title case with short capitalised abbreviations kept ("FSI"). */
function asWritten(name: string, body: string, registry: CompanyRegistry): string {
  const entity = registry.lookup(name);
  if (entity && !isUpper(entity.name)) return entity.name;
  const at = body.toLowerCase().indexOf(name.toLowerCase());
  if (at >= 0 && !isUpper(body.slice(at, at + name.length))) return canonicalName(body.slice(at, at + name.length));
  // Legal suffixes are known in title case ("Ltd"); short words that are no English word stay in capitals ("FSI").
  const words = name.split(/\s+/);
  const kept = canonicalName(words.map((w) => w[0] + w.slice(1).toLowerCase()).join(" ")).split(" ").length;
  return words
    .slice(0, kept)
    .map((w) => (w.length <= 3 && !SHORT_NAME_WORDS.has(w.toLowerCase()) ? w : w[0] + w.slice(1).toLowerCase()))
    .join(" ");
}

const NATION_MARKER = new RegExp(
  String.raw`(?<![\w.])(${alternation(Object.keys(DOLLAR_NATIONS))})\s+(?:dlrs|dollars?|cents)\b`,
  "i",
);

/**
 * The currency an article's bare figures and bare "dlrs" are in: the exchange its headline ticker trades on
 * ("<ACME.HKG>"), else a dollar the article names ("H.K. cents"), else the first currency it states, else US dollars.
 */
export function articleCurrency(title: string, body: string, year: number | null): string {
  const exchange = /<[A-Z0-9]+\.([A-Z]+)>/.exec(title)?.[1];
  const listed = exchange ? EXCHANGE_CURRENCIES[exchange] : undefined;
  if (listed) return year !== null && year >= 1999 && EURO_PREDECESSORS.has(listed) ? "EUR" : listed;
  const nation = NATION_MARKER.exec(body)?.[1]?.toLowerCase();
  if (nation) return DOLLAR_NATIONS[nation];
  for (const line of body.split("\n")) {
    const money = findQuantities(line).find((q) => q.kind === "money" && q.unit);
    if (money?.unit) return money.unit;
  }
  return "USD";
}

/** What the headline of an article tells its tables. */
export function newTableState(title: string, body: string, registry: CompanyRegistry, year: number | null): TableState {
  const headline = headlinePeriodOf(title);
  const name = headline ? headlineName(title) : null;
  return {
    company: name ? asWritten(name.replace(/^\(|[.,)]+$/g, ""), body, registry) : null,
    headline,
    section: null,
    currency: articleCurrency(title, body, year),
  };
}

/** A heading line ("Nine mths") opens a new section of the table. */
export function advanceTable(table: TableState, line: string): TableState {
  if (!table.company) return table;
  const heading = tableHeadingOf(line);
  return heading ? { ...table, section: heading } : table;
}
