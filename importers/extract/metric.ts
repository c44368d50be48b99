import { PLACES } from "../lexicons/companies";
import { CHANGE_WORDS, METRIC_WORDS, MOVED_BY_VERBS } from "../lexicons/metrics";
import { PLACE_NAMES } from "../lexicons/places";
import { allMatches, escapeRegExp } from "../lexicons/regex";
import type { Quantity } from "../recognise/quantities";
import { placeIn } from "./market";

export type MetricClass = "revenue" | "other" | "volume";

const METRIC_RE = new RegExp(
  String.raw`\b(${Object.keys(METRIC_WORDS)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})\b`,
  "gi",
);
const CHANGE_RE = new RegExp(String.raw`\b(${Object.keys(CHANGE_WORDS).join("|")})\b`, "gi");

export interface MetricHit {
  word: string;
  cls: MetricClass;
  start: number;
  end: number;
}

// Every figure of a sentence asks for its metric words; the sentence is scanned once.
let scannedText = "";
let scannedHits: MetricHit[] = [];

export function metricWords(text: string): MetricHit[] {
  if (text === scannedText) return scannedHits;
  const out: MetricHit[] = [];
  for (const m of allMatches(METRIC_RE, text)) {
    const word = m[1].toLowerCase();
    out.push({ word, cls: METRIC_WORDS[word], start: m.index, end: m.index + m[0].length });
  }
  scannedText = text;
  scannedHits = out;
  return out;
}

/** The nearest metric word before the figure in its clause, or one right after it ("$5bn in sales"). */
/** An aside that says why or how ("helped by higher prices", "hit by weak demand"), closed by its comma. */
export const ASIDE =
  /,\s+(?:helped|hit|boosted|driven|lifted|held\s+back|buoyed|dragged|weighed|supported|fuell?ed|spurred|pushed|hurt|reflecting|thanks)\b[^,;]*,/gi;

export function metricOf(text: string, q: Quantity, clause: { start: number; end: number }): MetricHit | null {
  const hits = metricWords(text);
  const after = hits.find(
    (h) =>
      h.start >= q.end &&
      h.start < clause.end &&
      /^\s*(?:in|of|a year in|worth of|a year of)?\s*(?:(?:annual|yearly|quarterly|total|global|net|gross|group|underlying|like-for-like|retail|online|advertising|ad|overseas|domestic|worldwide)\s+){0,2}$/i.test(
        text.slice(q.end, h.start),
      ),
  );
  if (after) return after;
  // Another figure between the word and this one takes the word for itself, unless it is a list of figures.
  // "Revenue, helped by price increases, rose 5.5%": words of an aside set off by commas measure nothing here.
  const asides = q.start > clause.start ? [...allMatches(ASIDE, text.slice(clause.start, q.start))] : [];
  const inAside = (h: MetricHit) =>
    asides.some((a) => h.start >= clause.start + a.index && h.end <= clause.start + a.index + a[0].length);
  const before = hits.filter((h) => h.end <= q.start && h.start >= clause.start && !inAside(h)).at(-1);
  if (!before) return null;
  if (q.start - before.end > 110) return null;
  return before;
}

/** The sign a change word gives, looking between the metric word and the figure, then just after it. */
export function changeSign(text: string, from: number, q: Quantity): 1 | -1 | null {
  const between = text.slice(from, q.start);
  let sign: 1 | -1 | null = null;
  for (const m of allMatches(CHANGE_RE, between)) sign = CHANGE_WORDS[m[1].toLowerCase()];
  if (sign !== null) return sign;
  const after =
    /^\s*(?:higher|up|more|increase|rise|gain|jump|growth|improvement|lower|down|less|fall|drop|decline|decrease|slump|reduction)\b/i.exec(
      text.slice(q.end, q.end + 30),
    );
  if (after) return CHANGE_WORDS[after[0].trim().toLowerCase()] ?? (/(more|up)/i.test(after[0]) ? 1 : -1);
  // "turnover was running about 12 pct ahead of the same period last year".
  const ahead = /^\s*(ahead\s+of|above|behind|below)\s+(?:the\s+same|last|a\s+year|the\s+previous|the\s+prior)\b/i.exec(
    text.slice(q.end, q.end + 40),
  );
  if (ahead) return /^(?:ahead|above)/i.test(ahead[1]) ? 1 : -1;
  return null;
}

const BY_ONLY = /^\s*by\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?$/i;
const VERB_BEFORE_METRIC = /\b([a-z]+)\s+(?:(?:its|their|the|group|total|annual|overall)\s+){0,2}$/i;

/** "helped lift turnover by 9%": the verb before the metric moves it by the figure after it. */
export function movedBySign(text: string, metric: { start: number; end: number }, q: Quantity): 1 | -1 | null {
  if (!BY_ONLY.test(text.slice(metric.end, q.start))) return null;
  const verb = VERB_BEFORE_METRIC.exec(text.slice(Math.max(0, metric.start - 40), metric.start));
  return verb ? (MOVED_BY_VERBS[verb[1].toLowerCase()] ?? null) : null;
}

/** "vehicle sales" and "unit sales" count things; "retail sales" and "industry sales" measure an economy. */
const NOT_COMPANY_REVENUE_BEFORE =
  /\b(?:advertising|ad|cargo|surcharge|ticket|subscription|licensing|royalty|fee|rental|service|online|internet|broadband|drinks|food|beverage|volume\s+of|volume|vehicle|car|unit|truck|handset|home|house|housing|retail|consumer|industry|industry-wide|market|nationwide|export|domestic\s+car|ticket|album|record|copy|weapons?|arms|asset|share|stock|bond|land|property)\s+$/i;
const REGION_WORDS = String.raw`(?:european|american|asian|african|chinese|japanese|indian|british|german|french|us|u\.s\.|uk|eu|domestic|overseas|international|foreign|north\s+american|latin\s+american|regional|local)`;
const REGION_BEFORE = new RegExp(String.raw`\b${REGION_WORDS}\s+(?:(?:like-for-like|underlying|retail|net)\s+)?$`, "i");
const REGION_AFTER = /^\s+(?:in|across|outside)\s+(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|US|UK|EU)\b/;

function regionAfter(text: string): boolean {
  const m = REGION_AFTER.exec(text);
  return m !== null && (PLACE_NAMES.has(m[1]) || PLACE_NAMES.has(m[1].split(" ")[0]) || m[1].toLowerCase() in PLACES);
}
/** "sales at garden centres", "sales in the sector": a category, not a company. */
const CATEGORY_AFTER =
  /^\s+(?:at|in|of|across)\s+(?!(?:the|its|their)\s+(?:[\w-]+\s+){0,2}(?:firm|company|group|business|chain)\b)(?:[a-z][\w-]*\s+){0,3}(?:stores?|shops?|outlets?|sector|industry|market|retailers|chains|companies|firms|restaurants|bars)\b/;

/** "rose 10% in Asia": a figure for one region. */
export function regionalFigure(text: string, figureEnd: number): boolean {
  return regionAfter(` ${text.slice(figureEnd, figureEnd + 40).trimStart()}`);
}

/** Words that may stand right before "sales" in a company's own revenue ("its sales", "net sales", "posted sales"). */
const OWN_SALES_WORDS = new Set(
  `its their his her our the a total annual net group like-for-like underlying quarterly full-year global worldwide
  overall record first-half second-half half-year half-yearly yearly company consolidated reported organic comparable
  same-store store of in and on to for with by at that which as but or while where when than from whose said says
  higher lower strong weak weaker stronger robust solid flat disappointing poor better worse combined total-group
  operating gross sales top-line headline preliminary provisional unaudited estimated adjusted
  quarter year month months period half season week weeks day days holiday festive christmas up
  after before since because also despite though although if whether against versus upon about into over under
  saw see sees had has have expects expect boost lift drive drove hit hurt help push cut generate generates make
  makes made grew grow raise forecast forecasts estimate predict record post report deliver achieve all only
  projects project targets target predicts posts reports books booked sees eyes guides wants want reach reaches
  top tops exceed exceeds double doubles triple lifts boosts drives pushes achieves delivers seeks hopes aims plans whole
  more less much many strong its own same other such both each every any no some latest current previous prior`.split(
    /\s+/,
  ),
);

/** "fourth-quarter revenue", "full-year sales", "nine-month turnover": the period, not a product. */
const PERIOD_ADJECTIVE =
  /^(?:(?:first|second|third|fourth|final|1st|2nd|3rd|4th)-(?:quarter|half)|full-year|half-year|nine-month|six-month|three-month|12-month|fiscal|fiscal-year|year-end|year-ago|prior-year)$/;

/**
 * "For the full year, the retailer brought in $19.9bn": before a verb of taking in, the word is its subject, the
 * company described, not a kind of sales; "services brought in $2bn", "its cloud division took in" are parts.
 */
function describedTaker(text: string, metric: MetricHit): boolean {
  if (!/^(?:brought|took)\s+in$/i.test(metric.word)) return false;
  const lead = text.slice(Math.max(0, metric.start - 50), metric.start);
  return /\bthe\s+(?:[\w-]+\s+){0,2}[a-z]+\s+$/i.test(lead) && !PART_NOUN_BEFORE.test(lead);
}

const PART_NOUN_BEFORE = /\b(?:division|unit|arm|segment|business|operations?|subsidiary|side)\s+$/i;

export function measuresCompanyRevenue(text: string, metric: MetricHit, clauseStart?: number): boolean {
  // "wine sales", "music sales": a product's or a category's sales, not the company's revenue.
  const wordBefore = /(?:^|\s)([a-z][\w-]*)\s+$/.exec(text.slice(Math.max(0, metric.start - 25), metric.start))?.[1];
  // "helped lift turnover": a verb moving the company's takings, not a product's sales.
  const movedBy = wordBefore !== undefined && wordBefore in MOVED_BY_VERBS;
  // "in the fourth quarter alone sales jumped": a time set apart, then the takings ("Ostrel alone brought in" is a
  // product's).
  const afterAlone = wordBefore === "alone" && /^(?:sales|revenues?|turnover)$/i.test(metric.word);
  if (
    wordBefore &&
    !movedBy &&
    !afterAlone &&
    !describedTaker(text, metric) &&
    !OWN_SALES_WORDS.has(wordBefore) &&
    !/(?:ed|ing|ly)$/.test(wordBefore) &&
    !PERIOD_ADJECTIVE.test(wordBefore)
  )
    return false;
  // "In Canada, revenue rose 2.2% last year": a region's revenue.
  // "...a fight for share in China, and Corvan's sales were down": a place before a coordinating "and" is not it.
  // "demand in Asia helped lift turnover": the place is the cause's, not the takings'.
  if (clauseStart !== undefined && !movedBy) {
    const clause = text.slice(clauseStart, metric.start);
    // "Corvan, one of the largest gas producers in France, said its revenue": the place describes the speaker.
    const said = [
      ...clause.matchAll(/\b(?:said|says|reported|announced)\s+(?:on\s+)?(?:[A-Z][a-z]+day\s+)?(?:that\s+)?/g),
    ].at(-1);
    const lead = said ? clause.slice(said.index + said[0].length) : clause;
    const coordinated = [...lead.matchAll(/,\s+(?:and|but|while|whereas)\s/g)].at(-1);
    if (placeIn(coordinated ? lead.slice(coordinated.index + coordinated[0].length) : lead)) return false;
  }
  if (metric.cls !== "revenue") return false;
  // "sales at its drinks division, where revenues dipped 4%": the unit's takings, not the company's.
  if (
    /\b(?:division|unit|arm|subsidiary|operations?)s?,?\s+(?:where|whose)\s+$/i.test(
      text.slice(Math.max(0, metric.start - 40), metric.start),
    )
  )
    return false;
  // "revenue per passenger", "average revenue per user": a ratio, not the company's takings.
  if (/^\s+(?:(?:by|in)\s+volume|per)\b/i.test(text.slice(metric.end))) return false;
  if (/\baverage\s+$/i.test(text.slice(Math.max(0, metric.start - 10), metric.start))) return false;
  const before = text.slice(Math.max(0, metric.start - 25), metric.start);
  // ("record sales" may be sales of records; "record revenue", "record turnover" are only ever the highest yet.)
  const recordHigh = /\brecord\s+$/i.test(before) && !/^sales\b/i.test(text.slice(metric.start, metric.end));
  if (!recordHigh && NOT_COMPANY_REVENUE_BEFORE.test(before)) return false;
  if (CATEGORY_AFTER.test(text.slice(metric.end, metric.end + 80))) return false;
  // "sales of frozen pizza", "sales at its snacks unit": a product's or a unit's takings ("sales at whisky maker
  // Corvan" are Corvan's: a calling before a name).
  if (
    !/^\s+at\s+(?!(?:its|their|our)\s)(?:[a-z-]+\s+){1,3}[A-Z]/.test(text.slice(metric.end, metric.end + 50)) &&
    /^\s+(?:of|at)\s+(?:(?:its|their)\s+)?(?!(?:the|its|their)\s+(?:firm|company|group)\b)(?!(?:about|around|some|nearly|almost|more|less|over|under|up|roughly|approximately|just|an?|the\s+same|record|between|at\s+(?:least|most)|close\s+to|in\s+excess|as\s+much|well\s+(?:over|above|below)|no\s+(?:less|more)|not\s+less|slightly|an\s+estimated)\b)[a-z]/.test(
      text.slice(metric.end, metric.end + 30),
    )
  )
    return false;
  // "European sales fell 3.1%", "sales in China rose": one region's takings are not the company's revenue.
  return (
    !REGION_BEFORE.test(text.slice(Math.max(0, metric.start - 30), metric.start)) &&
    !regionAfter(text.slice(metric.end, metric.end + 40))
  );
}
