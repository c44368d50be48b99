import type { Mention } from "../analyse/mentions";
import type { Quantity } from "../recognise/quantities";
import type { TimeExpr } from "../recognise/time";
import type { Discourse, Fact, FactKind, PeriodRef, Status } from "../types";

/** Everything the extractors know about one sentence. */
export interface SentenceContext {
  text: string;
  /** Offset of the sentence in the cleaned text. */
  offset: number;
  quantities: Quantity[];
  times: TimeExpr[];
  mentions: Mention[];
  publishedYear: number | null;
  /** The month of the article's date, when a `Date:` line or `--published` gives a full one. */
  publishedMonth: number | null;
  /** The period the article was last speaking of, for sentences that name none. */
  discourse: Discourse;
  /** The year the article's last forecast was for, for a forecast that names a period but no year. */
  forecastYear: number | null;
  /** The year of a deal or stake the previous sentence dated ("Fiat sold GM a stake in 2000."), for the stake after. */
  dealYear: number | null;
  /** The last quarter the article named, for "the quarter" said later. */
  lastQuarter: PeriodRef | null;
  /** The last half the article named, for "in the half" said later. */
  lastHalf: PeriodRef | null;
  topic: Mention | null;
  /** The topic, if the article names it more than once (a product or a city named once is no subject). */
  recurringTopic: string | null;
  /** Full names of people by family name, and the holder of the article's last stake ("They own 29%"). */
  people: ReadonlyMap<string, string>;
  lastHolder: Mention | null;
  /** The company the article's last stake was held in, for a stake whose company goes unsaid. */
  lastHeld: Mention | null;
  /** The thing the article counts sales in ("vehicles"), for counts written without one. */
  volumeUnit: string | null;
  /** The company the article is mostly about, if one stands out. */
  main: string | null;
}

export function buildFact(
  s: SentenceContext,
  q: Quantity,
  fields: {
    kind: FactKind;
    company: Mention;
    counterparty?: Mention | null;
    market?: string | null;
    when: PeriodRef & { stated: boolean };
    low: number;
    high: number;
    unit: string;
    status: Status;
    comparedTo?: PeriodRef | null;
    stated?: string[];
  },
): Fact {
  const stated = ["low", "high", "unit", ...(fields.stated ?? [])];
  if (fields.company.how === "name" || fields.company.how === "group") stated.push("company");
  if (fields.when.stated) stated.push("year", "period");
  const aliases: Record<string, string[]> = {};
  if (fields.company.surfaces.length) aliases[fields.company.company] = fields.company.surfaces;
  if (fields.counterparty?.surfaces.length) aliases[fields.counterparty.company] = fields.counterparty.surfaces;
  return factAt(s, q, {
    ...fields,
    company: fields.company.company,
    counterparty: fields.counterparty?.company ?? null,
    stated,
    aliases,
  });
}

/** The fact of a figure in its sentence, with its quote and offsets: the one shape extractors and rules share. */
export function factAt(
  s: { text: string; offset: number },
  q: Quantity,
  fields: {
    kind: FactKind;
    company: string;
    counterparty?: string | null;
    market?: string | null;
    when: PeriodRef;
    low: number;
    high: number;
    unit: string;
    status: Status;
    comparedTo?: PeriodRef | null;
    segment?: string | null;
    stated: string[];
    aliases: Record<string, string[]>;
  },
): Fact {
  const fact: Fact = {
    kind: fields.kind,
    company: fields.company,
    counterparty: fields.counterparty ?? null,
    market: fields.market ?? null,
    year: fields.when.year,
    period: fields.when.period,
    low: fields.low,
    high: fields.high,
    unit: fields.unit,
    status: fields.status,
    approximate: q.approximate,
    comparedTo: fields.comparedTo ?? null,
    quote: s.text,
    start: s.offset,
    end: s.offset + s.text.length,
    figureStart: s.offset + q.start,
    figureEnd: s.offset + q.end,
    stated: fields.stated,
    aliases: fields.aliases,
  };
  // Set after the others, where a spread put it (the order of a fact's fields is the order they print in).
  if (fields.segment) fact.segment = fields.segment;
  return fact;
}
