import { HEDGES } from "../lexicons/numbers";
import { escapeRegExp } from "../lexicons/regex";
import type { Quantity } from "../recognise/quantities";
import type { TimeExpr } from "../recognise/time";
import type { Period, PeriodRef } from "../types";
import { relativeClauseEnd } from "./clauses";
import type { SentenceContext } from "./context";
import { metricWords } from "./metric";
import { statusAround } from "./status";

export interface When extends PeriodRef {
  stated: boolean;
  target: boolean;
}

export function resolveYear(t: TimeExpr, s: SentenceContext): number | null {
  if (t.year !== null) return t.year;
  if (t.relative !== null && s.publishedYear !== null) return s.publishedYear + t.relative;
  // "at the end of June" in an article known only by its year (no Date line to tell which June): that year's.
  // A December said in the past tense, in such an article, is the one before it ("stood at 23% at the end of
  // December", in an article of the new year reporting the old); one aimed at ("by December") is still to come.
  if (t.period === null && t.month !== undefined && t.month > 0 && s.publishedYear !== null)
    return t.month === 12 && t.role !== "target" ? s.publishedYear - 1 : s.publishedYear;
  return null;
}

/** Characters between a time expression and a figure span; a time right after the figure is the closer. */
const gap = (t: TimeExpr, from: number, to: number) =>
  t.end <= from ? from - t.end + 0.5 : t.start >= to ? t.start - to : 0;

/** Times nearer to another figure of the sentence belong to that figure ("€40.68bn for 2007 and €37.79bn in 2008"). */
function claimedElsewhere(s: SentenceContext, t: TimeExpr, figure: Quantity): boolean {
  // "turnover of 247 mln stg and pretax profit of 19.6 mln stg in the year to...": the time ends the list and is
  // each figure's.
  if (closesList(s, figure, t)) return false;
  const mine = gap(t, figure.start, figure.end);
  // Only a figure of the same kind competes: "rose 7% to 21.5bn" shares its quarter between change and level.
  // "38% in the first quarter, from 44% in ...": a base figure after the time does not take it.
  return s.quantities.some(
    (q) =>
      q !== figure &&
      q.kind === figure.kind &&
      !q.isYear &&
      // "the first half of 2005": a "half" inside the time itself is no figure competing for it.
      !(q.start >= t.start && q.end <= t.end) &&
      gap(t, q.start, q.end) < mine &&
      !(q.start >= t.end && BASE_LEAD.test(s.text.slice(t.end, q.start))),
  );
}

const BASE_LEAD = new RegExp(
  String.raw`^[\s,]*(?:(?:up|down)\s+)?(?:from|against|compared\s+with|versus|vs\.?)\s+(?:(?:${HEDGES.map(escapeRegExp).join("|")})\s+)?$`,
  "i",
);

/** Periods that end in December are reported in the new year; the rest in the year they end. */
const ENDS_IN_DECEMBER = new Set<Period>(["FY", "Q4", "H2"]);

function yearOfUndatedPeriod(
  period: Period,
  s: SentenceContext,
  clause: { start: number; end: number },
  figure: Quantity,
  /** The month the period is said to end in ("the April-to-December period"), when the text says. */
  endMonth?: number,
): number | null {
  if (s.publishedYear === null) return null;
  const forward = statusAround(s.text, clause, figure, null, null) !== "actual";
  const inDecember = endMonth !== undefined ? endMonth === 12 : ENDS_IN_DECEMBER.has(period);
  return inDecember && !forward ? s.publishedYear - 1 : s.publishedYear;
}

// ("told reporters at the annual press conference": an event held each year says nothing of the figure.)
const ANNUAL =
  /\b(?:annual|annually|yearly|a\s+year|per\s+year|per\s+annum)\b(?!\s+(?:general\s+|shareholders['’]?\s+|press\s+|news\s+)?(?:meeting|conference|report|briefing|statement|results|review|dinner|congress|convention|fair|show)\b)/i;
const THE_PERIOD = /^(?:[^.;,]|\.(?=\d)){0,40}?\b(?:in|for|over|during)\s+the\s+(?:same\s+)?(?:period|half)\b/i;
// "$1.9 billion of the quarter's revenue": the quarter's takings, as "in the quarter" is.
const THE_QUARTER =
  /\b(?:(?:for|in|during|over)\s+the\s+(?:latest\s+|same\s+)?(?:quarter|three\s+months)\b|of\s+the\s+quarter['’]s\s)/i;

/** "Ostrel has annual sales of $7.3bn": a standing description, dated by nothing in the text. */
function isPresent(s: SentenceContext, clause: { start: number; end: number }, figure: Quantity): boolean {
  const lead = s.text.slice(clause.start, figure.start);
  return (
    /\b(?:has|have|is|are|generates?|makes?|employs?|operates?|sells?|ships?)\b/.test(lead) &&
    !/\b(?:had|was|were|rose|fell|grew|posted|reported|made|generated|climbed|dropped|increased|decreased|jumped|slipped)\b/.test(
      lead,
    )
  );
}

function isForward(s: SentenceContext, clause: { start: number; end: number }, figure: Quantity): boolean {
  return statusAround(s.text, clause, figure, null, null) !== "actual";
}

/**
 * The year and period a figure belongs to: the nearest non-base time expression in its clause for each,
 * then the article's running year, then the publication year.
 */
export function whenOf(
  s: SentenceContext,
  figure: Quantity,
  clause: { start: number; end: number },
  defaultPeriod: Period | null,
  maxGap = Number.POSITIVE_INFINITY,
  position = false,
): When {
  const when = whenSaid(s, figure, clause, defaultPeriod, maxGap, position);
  // "A year earlier, Corvan had brought in $11.3bn in the same quarter": the sentence steps back a year from
  // the period it goes on to name.
  const opening = s.times.find(
    (t) =>
      t.role === "base" && t.relative === -1 && t.end <= figure.start && OPENS_SENTENCE.test(s.text.slice(0, t.start)),
  );
  if (!opening || when.year === null || when.stated) return when;
  return { ...when, year: when.year - 1 };
}

/** "turnover of 247 mln stg and pretax profit of 19.6 mln stg in the year to...": the time ends a list of figures. */
function closesList(s: SentenceContext, figure: Quantity, t: TimeExpr): boolean {
  return s.quantities.some(
    (q) =>
      q.start >= figure.end &&
      q.end <= t.start &&
      LIST_JOIN.test(s.text.slice(figure.end, q.start)) &&
      /^\s*(?:in|for|during)?\s*(?:the\s+)?$/i.test(s.text.slice(q.end, t.start)),
  );
}

const LIST_JOIN = /^\s*and\s+(?:[\w-]+\s+){1,3}of\s+$/i;
const OPENS_SENTENCE = /^\s*(?:the\s+)?$/i;
/** Whether a time writes its year ("in 1987", "last year"), not one inferred from the article's date. */
const writesYear = (t: TimeExpr) => t.relative !== null || /\b(?:19|20)\d\d\b/.test(t.text);
const REASON_BETWEEN = /,\s+(?:however,\s+)?(?:as|because|since)\s/i;

function whenSaid(
  s: SentenceContext,
  figure: Quantity,
  clause: { start: number; end: number },
  defaultPeriod: Period | null,
  /** How far a time may stand from the figure; positions (shares) take only a time said beside them. */
  maxGap = Number.POSITIVE_INFINITY,
  /** Positions (shares) take a period only from a time said of them, never the article's running one. */
  position = false,
): When {
  // "Halden, which had sales of $2.6bn in the year to March, aims at 7% by 2011": a figure inside a relative
  // clause takes no time from outside it.
  const relativeEnd = relativeClauseEnd(s.text, clause.start, figure.start, figure.end);
  const inClause = s.times.filter(
    (t) =>
      t.role !== "base" &&
      t.start >= clause.start &&
      t.end <= clause.end &&
      (relativeEnd === -1 || t.start < relativeEnd) &&
      gap(t, figure.start, figure.end) <= maxGap,
  );
  // "rose 11% to $1.38bn, and first-half revenue climbed 9%": a time that opens the next metric is that one's.
  const opensNext = (t: TimeExpr) =>
    t.start >= figure.end && metricWords(s.text).some((h) => h.start >= t.end && h.start - t.end <= 2);
  // "Corvan Direct, which the group bought in 2001, had turnover of £186m": a relative clause's time is its own.
  // ("which had sales of 3.7bn euros last year, up 4.9% on the year before": a change set after the level is
  // still in the relative clause.)
  const inRelative = (t: TimeExpr) =>
    t.end <= figure.start &&
    /\b(?:which|who|whom)\b[^,]*$/i.test(s.text.slice(clause.start, t.start)) &&
    s.text.slice(t.end, figure.start).includes(",") &&
    !/^\s*,\s*(?:up|down)\s+(?:by\s+)?$/i.test(s.text.slice(t.end, figure.start));
  // "rose 4.1 pct to 288.6 bln yen, as demand recovered in the second half": the reason's time is its own.
  const inReason = (t: TimeExpr) => t.start >= figure.end && REASON_BETWEEN.test(s.text.slice(figure.end, t.start));
  // "reported revenue of €11.6bn for 2025 last month, up 3%": a month counted back, said straight after the
  // figure's period, is when it was reported.
  const whenReported = (t: TimeExpr) =>
    /^(?:last|this)\s+(?:month|week)$/i.test(t.text) &&
    s.times.some((u) => u !== t && u.year !== null && u.end <= t.start && /^\s*$/.test(s.text.slice(u.end, t.start)));
  const own = inClause.filter(
    (t) => !claimedElsewhere(s, t, figure) && !opensNext(t) && !inRelative(t) && !inReason(t) && !whenReported(t),
  );
  // Times that all belong to other figures ("to $131.9bn from $117.7bn in 2003") say nothing of this one.
  const byDistance = own.sort((a, b) => gap(a, figure.start, figure.end) - gap(b, figure.start, figure.end));
  // "rise 10 pct in 1987, with most of the growth in the second half": a period past a comma, when the year is
  // said on the figure's side of it, is the aside's.
  const pastComma = (t: TimeExpr) =>
    s.text.slice(Math.min(t.end, figure.end), Math.max(t.start, figure.start)).includes(",");
  // ("for the full year to March 31, 1988 to be above 500 mln, with the second half benefiting": the half's year,
  // inferred from the article's date, does not outweigh the year written on the figure's side.)
  // "which had turnover of 23bn crowns last year, wants 15% by 2009", undated: the nearest year is "last year",
  // though which year that is the text cannot tell; a farther one is not taken in its place.
  const nearestDated = byDistance.find((t) => t.year !== null || t.relative !== null);
  const nearestYear =
    nearestDated && resolveYear(nearestDated, s) === null
      ? undefined
      : byDistance.find((t) => resolveYear(t, s) !== null);
  const yearExpr =
    nearestYear && pastComma(nearestYear) && !writesYear(nearestYear)
      ? (byDistance.find((t) => resolveYear(t, s) !== null && !pastComma(t) && writesYear(t)) ?? nearestYear)
      : nearestYear;
  const nearestPeriod = byDistance.find(
    (t) => t.period !== null && !(yearExpr && yearExpr !== t && pastComma(t) && !pastComma(yearExpr)),
  );
  // "in the three months to 31 December, its third quarter": the label the company gives the span is its period.
  const labelled = nearestPeriod
    ? own.find(
        (t) =>
          t.period !== null &&
          t.start > nearestPeriod.end &&
          /^\s*,\s*(?:its|their)\s+(?:fiscal\s+|financial\s+)?$/i.test(s.text.slice(nearestPeriod.end, t.start)),
      )
    : undefined;
  // "aimed to take 9% of the market by 2007, after returning to profit last year": a deadline's year comes with no
  // period of another time's.
  const periodExpr = yearExpr?.role === "target" && yearExpr.period === null ? undefined : (labelled ?? nearestPeriod);
  let year = yearExpr ? resolveYear(yearExpr, s) : null;
  // "sell 300,000 cars in 2008 and reach 150bn rupees by 2010": the deadline is the other figure's, not this one's.
  const dated = yearExpr ?? nearestDated;
  const isTarget = dated ? dated.role === "target" : byDistance.some((t) => t.role === "target");
  // A year something is aimed at ("by 2013") names no reporting period.
  // "sales rose 9% last year", undated: still a full year, though which one the text cannot tell.
  const relativeYear = byDistance.some((t) => t.relative !== null && !t.open && !t.partial && t.period === null);
  // "sold 1,815 cars in February": one month, for which no period label fits.
  const oneMonth = !periodExpr && (yearExpr?.month !== undefined || yearExpr?.partial === true);
  // "500 planes over the next 20 years" is a total over the span; "growth of 3% over the next three years" a rate.
  const spanTotal = periodExpr?.open === true && figure.kind !== "percent";
  // "annual revenue of $3bn by 2007", "15,000 cars a year by 2008": a yearly figure aimed at by a deadline is that
  // year's full year.
  const yearly =
    isTarget &&
    defaultPeriod === "FY" &&
    figure.kind !== "percent" &&
    ANNUAL.test(s.text.slice(clause.start, clause.end)) &&
    year !== null;
  const period = spanTotal
    ? null
    : (periodExpr?.period ??
      ((year !== null || relativeYear) && (!isTarget || yearly) && !oneMonth ? defaultPeriod : null));
  const stated = Boolean(yearExpr?.year !== null && yearExpr?.year !== undefined);
  // "Turnover for the quarter rose 3.9%": the quarter last named. "Total revenue for the quarter rose 11%", after
  // "its fiscal first quarter", is that quarter, not the calendar's latest.
  const theQuarter = byDistance.length
    ? byDistance.every((t) => t.latest)
    : THE_QUARTER.test(s.text.slice(clause.start, clause.end));
  if (theQuarter && s.lastQuarter?.period) {
    // A quarter the article left undated ("third-quarter sales") is dated as its own figures were.
    const year = s.lastQuarter.year ?? yearOfUndatedPeriod(s.lastQuarter.period, s, clause, figure);
    return { year, period: s.lastQuarter.period, stated: false, target: false };
  }
  // "sold 284,000 cars in the first nine months ... Turnover rose 8.5% to DM14.3bn in the period": the period
  // named before it in the sentence, else the article's.
  const thePeriod = THE_PERIOD.exec(s.text.slice(figure.end, figure.end + 60));
  const periodAt = thePeriod ? figure.end + thePeriod[0].length : -1;
  if (thePeriod && byDistance.every((t) => t.start >= periodAt)) {
    // "in the half" names a half: only a first or second half answers it.
    const fits = (p: Period | null) => p !== null && (!/half$/i.test(thePeriod[0]) || p === "H1" || p === "H2");
    const earlier = s.times.filter((t) => t.role === "point" && t.end <= figure.start && fits(t.period)).at(-1);
    if (earlier) return { year: resolveYear(earlier, s), period: earlier.period, stated: false, target: false };
    if (fits(s.discourse.period))
      return { year: s.discourse.year, period: s.discourse.period, stated: false, target: false };
    // "in the half", after a sentence about the full year: the half the article reported last.
    if (/half$/i.test(thePeriod[0]) && s.lastHalf?.period)
      return { year: s.lastHalf.year, period: s.lastHalf.period, stated: false, target: false };
    // "turnover rose 9% in the half", with no half named before: the interim results of a first half, which
    // ended in the article's year unless it is dated before May (a half to December, reported in March).
    if (
      /half$/i.test(thePeriod[0]) &&
      s.publishedMonth !== null &&
      s.publishedYear !== null &&
      !isForward(s, clause, figure)
    )
      return { year: s.publishedYear - (s.publishedMonth < 5 ? 1 : 0), period: "H1", stated: false, target: false };
  }
  if (!byDistance.length) {
    // A time elsewhere in the sentence ("For the full year, ... while revenues grew 6.4%") before the article's.
    // "Sales climbed to €364m, lifting revenue for the year to €1.45bn": the year belongs to the other figure.
    // "Sales climbed to €364m, lifting revenue for the year to €1.45bn": a time after the next metric word is the
    // next figure's. A time before the figure governs the whole sentence ("For the full year, ... grew 6.4%").
    // ("Ostrel, which had held the top spot for most of last year, shipped 47.3 million phones": the aside's time.)
    // ("Corvan, which had 1986 sales of 5.86bn marks, up 2.7 pct": a change set after the aside's level is in it.)
    const inAside = (t: TimeExpr) => {
      const asideEnd = t.end <= figure.start ? relativeClauseEnd(s.text, 0, t.start, t.end) : -1;
      return (
        asideEnd !== -1 &&
        asideEnd < figure.start &&
        !/,\s*(?:up|down|an?)\s+(?:by\s+)?$/i.test(s.text.slice(0, figure.start))
      );
    };
    const inSentence = s.times.filter(
      (t) =>
        t.role === "point" &&
        !whenReported(t) &&
        !inAside(t) &&
        !(t.start >= figure.end && metricWords(s.text).some((h) => h.start >= figure.end && h.end <= t.start)),
    );
    if (inSentence.length) {
      const nearest = inSentence.sort((a, b) => gap(a, figure.start, figure.end) - gap(b, figure.start, figure.end))[0];
      // "growth of 3% over the next three years" is a yearly rate; "500 planes over the next 20 years" is a total.
      if (nearest.open)
        return { year: null, period: figure.kind === "percent" ? nearest.period : null, stated: false, target: false };
      const period =
        nearest.period ?? (resolveYear(nearest, s) !== null && nearest.month === undefined ? defaultPeriod : null);
      // "had forecast a 4% rise in full-year revenue", after the article looked ahead to a later year: that year's.
      const ahead = s.forecastYear !== null && nearest.period === "FY" && isForward(s, clause, figure);
      // "sales in 2004 rose 18% to $9.4bn, with fourth-quarter sales of $2.3bn": a part of the year the sentence
      // named before it.
      const partOfYear = nearest.year === null && /^(?:Q[1-4]|H[12]|9M)$/.test(nearest.period ?? "");
      const namedYear = partOfYear
        ? (inSentence.find(
            (t) =>
              t !== nearest &&
              t.year !== null &&
              t.relative === null &&
              t.role !== "base" &&
              !t.open &&
              t.month === undefined &&
              (t.period === null || t.period === "FY") &&
              t.end <= figure.start,
          )?.year ?? null)
        : null;
      const year =
        resolveYear(nearest, s) ??
        (ahead ? s.forecastYear : null) ??
        namedYear ??
        s.discourse.year ??
        (period ? yearOfUndatedPeriod(period, s, clause, figure) : null);
      return { year, period, stated: nearest.year !== null, target: false };
    }
    // "sold 80,000 vans, 9% more than in 2001": measured against a year the text names, the figure is the next
    // year's, unless the article's running year already says which (it cannot be the base year itself).
    // ("giving it 3.4% of the market, up from 3.1% in 2003": so is a share, though it takes no running period.)
    const namedBase = s.times.find(
      (t) =>
        t.role === "base" &&
        t.year !== null &&
        t.relative === null &&
        !t.open &&
        t.month === undefined &&
        t.start >= clause.start &&
        t.end <= clause.end &&
        t.start > figure.end,
    );
    if (
      namedBase &&
      (s.discourse.year === null || s.discourse.year === namedBase.year || position) &&
      !isForward(s, clause, figure)
    )
      return {
        year: namedBase.year! + 1,
        period: namedBase.period ?? (position ? "FY" : defaultPeriod),
        stated: false,
        target: false,
      };
    // Shares and stakes are positions, not flows over a reporting period: they take no running period.
    if (position) return { year: null, period: null, stated: false, target: false };
    // A forecast that names no time ("would have annual sales of $18bn") is for no year the text gives.
    if (isForward(s, clause, figure)) return { year: null, period: null, stated: false, target: false };
    // Results articles name the period once and then go on about it: carry it forward.
    const period = s.discourse.period ?? (s.discourse.year !== null && !s.discourse.oneMonth ? defaultPeriod : null);
    const year = s.discourse.year ?? (period ? yearOfUndatedPeriod(period, s, clause, figure) : null);
    return { year, period, stated: false, target: false };
  }
  if (year === null && periodExpr && !periodExpr.open && !isPresent(s, clause, figure)) {
    // "BA had forecast a 4% rise in full-year revenue", after the article looked ahead to 2005: that year's.
    if (isForward(s, clause, figure)) {
      const running = s.discourse.year;
      // An article dated only by its year ("full-year sales of about £2bn" in one known to be of 2005): the year
      // running when it was written, which is all its date can tell.
      year =
        s.forecastYear ??
        (running !== null && s.publishedYear !== null && running >= s.publishedYear ? running : null) ??
        (s.publishedMonth === null ? s.publishedYear : null);
    } else year = s.discourse.year ?? yearOfUndatedPeriod(periodExpr.period!, s, clause, figure, periodExpr.month);
  }
  return { year, period, stated, target: isTarget };
}

/**
 * When a market share holds: a year said of it is a full year, and nothing carries over from the article. A share
 * held now takes only a time said beside it; one aimed at ("20% by 2010") any time in its clause.
 */
export function shareWhen(
  s: SentenceContext,
  figure: Quantity,
  clause: { start: number; end: number },
  aimed: boolean,
) {
  // "sold 14,200 trucks in 1986 and has about 31% of the market": a share held now is not dated by the year of
  // what the sentence said before its verb.
  const lead = s.text.slice(clause.start, figure.start);
  const present = aimed ? undefined : [...lead.matchAll(PRESENT_HOLDING)].at(-1);
  // "...46% of the South Korean car market, where sales were hit last year": the aside's time is not the share's.
  // "Corvan, which has about 28% of the biscuit market, had 1986 sales of": a relative clause ends at its comma.
  // ("which estimates it has about 24% of the market, aims to ...": the relative clause still ends at its comma.)
  const relative =
    present &&
    /\bwhich\s+(?:now\s+|still\s+)?(?:(?:estimates|reckons|says|believes|claims)\s+(?:that\s+)?it\s+)?$/i.test(
      lead.slice(0, present.index),
    );
  // "supplies about 30% of the market, the co-operative said in its annual report": the speaker's words are not
  // the share's time either.
  const aside = present
    ? (relative
        ? /,/
        : /,\s+(?:where|which|as|while|after)\b|,\s+(?:the\s+)?(?:[\w-]+\s+){1,3}said\b|\s+and\s+(?:sold|shipped|delivered|made|had|has|reported|posted|expects|plans|aims|wants|said|opened)\b/i
      ).exec(s.text.slice(figure.end, clause.end))
    : null;
  const asideEnd = aside ? figure.end + aside.index : clause.end;
  // "now has 18% of the market, up from 15% at the end of 2003": the time after a base is the base's.
  const baseLead = present
    ? /,?\s*(?:(?:up|down)\s+)?(?:from|against|compared\s+with|versus)\s+(?:about\s+|around\s+|some\s+)?\d/i.exec(
        s.text.slice(figure.end, asideEnd),
      )
    : null;
  const ownEnd = baseLead ? figure.end + baseLead.index : asideEnd;
  // "Korvath, which had 1986 sales of $1.1bn, said the deal would lift its share to 15%": a relative clause closed
  // before the figure dates its own words, not the share.
  const closed = present ? undefined : [...lead.matchAll(CLOSED_RELATIVE)].at(-1);
  const own = present
    ? { start: clause.start + present.index, end: ownEnd }
    : closed
      ? { start: clause.start + closed.index + closed[0].length, end: clause.end }
      : clause;
  if (present && !s.times.some((t) => t.start >= own.start && t.end <= own.end))
    return { year: null, period: null, stated: false, target: false };
  // "to deliver 45,000 trucks in 1987 and to reach a 15 pct share of the market by 1990": an aim's own deadline,
  // said after it, dates it before any nearer year of another aim.
  const deadline = aimed
    ? s.times.find((t) => t.role === "target" && t.year !== null && t.start >= figure.end && t.end <= own.end)
    : undefined;
  if (deadline) return { year: deadline.year, period: null, stated: true, target: true };
  const when = whenOf(s, figure, own, "FY", aimed ? Number.POSITIVE_INFINITY : 60, true);
  // "That gave it 3.1% of the market", "its share slipped to 17.2% from 18.9% a year earlier": a share that goes
  // on from the figures before it, or is compared with a year before, is of the period the article reports.
  const goesOn =
    ANAPHORIC_OPENING.test(s.text) ||
    // "saw its share slip to 28.5 pct from 33.1 pct": a share moved from another is of the period spoken of.
    MOVED_FROM_AFTER.test(s.text.slice(figure.end, figure.end + 30)) ||
    // "shipped 9 million PCs, giving it 15% of the market": a share won by the units just counted is of their period.
    SHIPPED_BEFORE.test(s.text.slice(0, figure.start)) ||
    // "kept the top spot with a 21% share, shipping 69.5 million phones": or by the units counted just after it.
    SHIPPED_AFTER.test(s.text.slice(figure.end, figure.end + 40)) ||
    s.times.some((t) => t.role === "base" && t.relative === -1 && t.start >= own.start && t.end <= own.end);
  if (aimed || present || when.year !== null || when.period !== null || !goesOn || s.discourse.year === null)
    return when;
  if (s.discourse.period === null && !s.discourse.oneMonth) return when;
  return { year: s.discourse.year, period: s.discourse.period, stated: false, target: false };
}

const SHIPPED_AFTER =
  /^[^.;,]{0,20},\s+(?:shipping|selling|delivering)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?\d/i;
const CLOSED_RELATIVE = /,\s+(?:which|who)\b[^,]*,\s*/g;
const SHIPPED_BEFORE =
  /\b(?:shipped|shipping|sold|selling|delivered|delivering)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|more\s+than\s+)?\d|\b(?:second|third|fourth|fifth|led|behind)\s+with\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?\d|\b(?:shipments|deliveries)\b[^.;]{0,25}?\bto\s+(?:about\s+|around\s+)?\d/i;
const MOVED_FROM_AFTER = /^\s*from\s+(?:about\s+|around\s+)?\d[\d.,]*\s*(?:pct|%|per\s?cent)/i;
const ANAPHORIC_OPENING = /^\W*(?:That|This|Which)\s+(?:gave|gives|put|puts|left|lifted|took|brought|pushed)\b/;

// "said it had about 17% of the market": a holding reported in the past tense is held when it was said.
const PRESENT_HOLDING =
  /\b(?:has|have|holds|controls|commands|supplies|accounts\s+for)\b|\b(?:said|says|estimated|estimates|reckoned|believes|believed)\s+(?:that\s+)?(?:it|they)\s+(?:had|held|controlled|commanded)\b/g;

/** The base a change is measured against: an explicit base in the clause, else the same period a year before. */
export function baseOf(s: SentenceContext, when: When, clause: { start: number; end: number }): PeriodRef | null {
  const base = s.times.find((t) => t.role === "base" && t.start >= clause.start && t.end <= clause.end);
  if (base) {
    const year = base.year ?? (base.relative !== null && when.year !== null ? when.year + base.relative : null);
    return { year, period: base.period ?? when.period };
  }
  if (when.year === null) return null;
  return { year: when.year - 1, period: when.period };
}
