import { createHash } from "node:crypto";
import { advance, type DiscourseState, findMentions, type Mention } from "./analyse/mentions";
import { clauseAround } from "./extract/clauses";
import type { Extractor, SentenceContext } from "./extract/context";
import { extractMarketShare } from "./extract/marketShare";
import { extractRevenue } from "./extract/revenue";
import { extractRevenueChange } from "./extract/revenueChange";
import { extractSalesVolume } from "./extract/salesVolume";
import { extractStake, peoplePairIn } from "./extract/stake";
import { statusAround, statusOf } from "./extract/status";
import { alternation } from "./lexicons/regex";
import { PRODUCT_UNITS, VOLUME_UNITS } from "./lexicons/units";
import { CompanyRegistry } from "./recognise/companies";
import { findDivisions, ultimateParent } from "./recognise/divisions";
import { inferPublishedYear } from "./recognise/publication";
import { findQuantities, type Quantity } from "./recognise/quantities";
import type { TimeExpr } from "./recognise/time";
import { findTimes } from "./recognise/time";
import { refine } from "./refine/refiners";
import { cleanArticle } from "./text/clean";
import { decodeBytes } from "./text/decode";
import { htmlToText, looksLikeHtml } from "./text/html";
import { splitSentences } from "./text/sentences";
import type { ArticleResult, Fact, PeriodRef } from "./types";

const RESULTS_WORD = /\b(?:profits?|sales|revenues?|turnover|results|earnings)\b/i;
export const MAY_NAME_PERIOD = /quarter|half|months|year|annual|fiscal|financial|\b[QH][1-4]\b/i;

export const EXTRACTORS: Extractor[] = [
  extractRevenue,
  extractRevenueChange,
  extractStake,
  extractMarketShare,
  extractSalesVolume,
];

export interface ExtractOptions {
  /** Publication year given by the user; wins over a Date: line and over inference. */
  publishedYear?: number | null;
}

/** The period a sentence with figures speaks of becomes the article's running period. */
function nextDiscourse(current: PeriodRef, times: TimeExpr[], publishedYear: number | null): PeriodRef {
  const point = times.filter((t) => t.role === "point");
  const withPeriod = point.find((t) => t.period !== null);
  // "next year" is a forecast's year, not the period the article reports on.
  const withYear = point.find(
    (t) => t.year !== null || (t.relative !== null && t.relative <= 0 && publishedYear !== null),
  );
  const pointYear = withYear ? (withYear.year ?? publishedYear! + withYear.relative!) : null;
  // "a change from a loss of 210m euros in 2010": the period spoken of is the year after the base.
  const base = times.find((t) => t.role === "base" && t.year !== null);
  const year = pointYear ?? (base ? base.year! + 1 : current.year);
  return { year, period: withPeriod?.period ?? (pointYear !== null ? null : current.period) };
}

const VOLUME_UNIT_WORD = new RegExp(String.raw`\b(${alternation(PRODUCT_UNITS)})\b`, "i");

function volumeUnitIn(text: string): string | null {
  const m = VOLUME_UNIT_WORD.exec(text);
  return m ? VOLUME_UNITS[m[1].toLowerCase()] : null;
}

/** "kroner" is Danish or Norwegian money: a Danish company's kroner are DKK. */
function withLocalKroner(f: Fact, registry: CompanyRegistry): Fact {
  if (f.unit !== "NOK" || !registry.lookup(f.company.split(" + ")[0])?.countries.has("Denmark")) return f;
  return { ...f, unit: "DKK" };
}

const DEAL_WORD = /\b(?:stake|deal|alliance|agreement|partnership|merger)\b/i;

function dealYearIn(text: string, quantities: Quantity[], times: TimeExpr[]): number | null {
  if (quantities.some((q) => !q.isYear) || !DEAL_WORD.test(text)) return null;
  return times.find((t) => t.year !== null && t.role === "point")?.year ?? null;
}

/** A division's or brand's revenue, sales and share are its parent company's; stakes stay as the text names them. */
function underParent(f: Fact, registry: CompanyRegistry, parentOf: ReturnType<typeof findDivisions>): Fact {
  if (f.kind === "stake" || f.company.includes(" + ") || !parentOf.size) return f;
  const entity = registry.lookup(f.company);
  if (!entity) return f;
  const parent = ultimateParent(entity, parentOf);
  if (parent === entity) return f;
  const aliases = { ...f.aliases, [parent.name]: [...parent.surfaces] };
  return { ...f, company: parent.name, stated: f.stated.filter((x) => x !== "company"), aliases };
}

/** Reads one article's bytes and returns its cleaned text and facts. Pure: no I/O, no database. */
export function extractArticle(bytes: Uint8Array, path: string, options: ExtractOptions = {}): ArticleResult {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const decoded = decodeBytes(bytes);
  // A saved web page is read for its text; the markup and any script in it never reach the facts.
  const cleaned = cleanArticle(looksLikeHtml(decoded.text) ? htmlToText(decoded.text) : decoded.text);
  const sentences = splitSentences(cleaned.text);
  // A headline is not a sentence of the body: it names companies but its figures repeat the body's.
  const titleIsSentence = /[.!?]["”’)]?$/.test(cleaned.title);
  const body = sentences.filter((s) => titleIsSentence || s.start >= cleaned.bodyStart);
  const registry = CompanyRegistry.build(sentences.map((s) => s.text));
  const published = inferPublishedYear(
    body.map((s) => s.text),
    options.publishedYear,
    cleaned.dateLine,
  );

  const parentOf = findDivisions(
    body.map((s) => s.text),
    registry,
  );
  const mainEntity = registry.main();
  const main = mainEntity && mainEntity.mentions >= 2 ? mainEntity.name : null;
  let volumeUnit: string | null = null;
  let lastHolder: Mention | null = null;
  let lastHeld: Mention | null = null;
  let state: DiscourseState = { topic: null, recentGroups: [] };
  let discourse: PeriodRef = { year: null, period: null };
  let lastQuarter: PeriodRef | null = null;
  let forecastYear: number | null = null;
  let dealYear: { year: number; age: number } | null = null;
  const facts: Fact[] = [];
  let previousEnd = 0;
  for (const sentence of body) {
    // A deal dated in one paragraph says nothing of the stakes of the next.
    if (cleaned.text.slice(previousEnd, sentence.start).includes("\n")) dealYear = null;
    previousEnd = sentence.start + sentence.text.length;
    const quantities = findQuantities(sentence.text);
    // Sentences without figures matter only for the period they name.
    const times = quantities.length || MAY_NAME_PERIOD.test(sentence.text) ? findTimes(sentence.text) : [];
    const mentions = findMentions(sentence.text, registry, state, quantities.length === 0);
    volumeUnit = volumeUnitIn(sentence.text) ?? volumeUnit;
    if (quantities.length) {
      const ctx: SentenceContext = {
        text: sentence.text,
        offset: sentence.start,
        quantities,
        times,
        mentions,
        publishedYear: published.year,
        discourse,
        lastQuarter,
        forecastYear,
        dealYear: dealYear?.year ?? null,
        topic: state.topic,
        recurringTopic:
          state.topic && (registry.lookup(state.topic.company.split(" + ")[0])?.mentions ?? 0) >= 1.5
            ? state.topic.company
            : null,
        main,
        volumeUnit,
        people: registry.fullNames,
        lastHolder,
        lastHeld,
      };
      const found = EXTRACTORS.flatMap((extract) => extract(ctx));
      const stake = found.filter((f) => f.kind === "stake").at(-1);
      if (stake) {
        dealYear = null;
        lastHolder = { start: 0, end: 0, company: stake.company, surfaces: [], how: "name", possessive: false };
        lastHeld = { start: 0, end: 0, company: stake.counterparty!, surfaces: [], how: "name", possessive: false };
      }
      facts.push(...found);
    }
    // Sentences with figures set the running period; others can only name which part of the year it is.
    // "may lead to a drop in 2005 net profit": a forecast's year is not the year the article reports on.
    // A forecast's year is skipped only when it lies past a year already known, so "its 2004 dividend will rise"
    // still dates an article that gives no other year.
    const known = discourse.year ?? published.year;
    const reported: TimeExpr[] = [];
    for (const t of times) {
      const forward =
        known !== null &&
        t.year !== null &&
        t.year > known &&
        statusAround(sentence.text, clauseAround(sentence.text, t.start), t, null, null) !== "actual";
      if (forward) forecastYear = t.year;
      else reported.push(t);
    }
    if (quantities.some((q) => !q.isYear)) discourse = nextDiscourse(discourse, reported, published.year);
    else if (times.some((t) => t.role === "point" && t.period !== null && t.period !== "FY")) {
      discourse = nextDiscourse(
        { year: null, period: null },
        times.filter((t) => t.period !== null),
        published.year,
      );
    } else if (
      // The cheap test first: most sentences name no year, and then the text need not be read.
      times.some((t) => t.role === "point" && t.year !== null) &&
      RESULTS_WORD.test(sentence.text) &&
      statusOf(sentence.text, null, null) === "actual"
    ) {
      // "A busy season lifted Corvan's profits in 2011": a results year said in passing.
      discourse = nextDiscourse(discourse, times, published.year);
    }
    const quarter = times.find((t) => t.role === "point" && t.period?.startsWith("Q"));
    if (quarter) lastQuarter = { year: quarter.year ?? discourse.year, period: quarter.period };
    // "Fiat had sold GM a stake in 2000." dates a stake given a figure within the next two sentences.
    const dated = dealYearIn(sentence.text, quantities, times);
    if (dated !== null) dealYear = { year: dated, age: 0 };
    else if (dealYear !== null) dealYear = dealYear.age < 2 ? { year: dealYear.year, age: dealYear.age + 1 } : null;
    // "They own 29%" after "the tycoons Jane Porter and Tom Keane": the pair just named.
    if (!quantities.length) lastHolder = peoplePairIn(sentence.text, registry.fullNames) ?? lastHolder;
    state = advance(state, mentions);
  }
  return {
    path,
    title: cleaned.title,
    publishedYear: published.year,
    publishedYearSource: published.source,
    cleanedText: cleaned.text,
    sha256,
    encoding: decoded.encoding,
    ...refine(facts.map((f) => underParent(withLocalKroner(f, registry), registry, parentOf))),
  };
}
