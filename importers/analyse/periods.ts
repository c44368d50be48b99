import { clauseAround } from "../extract/clauses";
import { statusAround, statusOf } from "../extract/status";
import type { Quantity } from "../recognise/quantities";
import type { TimeExpr } from "../recognise/time";
import type { ArticleContext } from "../rules/context";
import type { Discourse } from "../types";

const RESULTS_WORD = /\b(?:profits?|sales|revenues?|turnover|results|earnings)\b/i;

/** The period a sentence with figures speaks of becomes the article's running period. */
function nextDiscourse(current: Discourse, times: TimeExpr[], publishedYear: number | null): Discourse {
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
  // "sold 4,310 homes last year", in an article whose year is unknown: a full year all the same.
  const undatedYear =
    pointYear === null && point.some((t) => t.relative !== null && t.period === null && !t.open && !t.partial);
  const period = withPeriod?.period ?? (pointYear !== null ? null : undatedYear ? "FY" : current.period);
  // "sold 118,460 cars in March ... Truck sales fell to 44,310": the month goes on, with no period label; so does
  // a span no label fits ("in the first eight months of 2011 ... in the eight months").
  const oneMonth =
    period === null &&
    (withYear
      ? (withYear.month !== undefined || withYear.partial === true) && withYear.period === null
      : current.oneMonth);
  return oneMonth ? { year, period, oneMonth } : { year, period };
}

const DEAL_WORD = /\b(?:stake|deal|alliance|agreement|partnership|merger)\b/i;

function dealYearIn(text: string, quantities: Quantity[], times: TimeExpr[]): number | null {
  if (quantities.some((q) => !q.isYear)) return null;
  // The dated time first: most sentences name none, and then the text need not be read for a deal.
  const year = times.find((t) => t.year !== null && t.role === "point")?.year ?? null;
  return year !== null && DEAL_WORD.test(text) ? year : null;
}

/**
 * After a sentence, the article's running period, last quarter, forecast year and dated deal move on.
 * Sentences with figures set the running period; others can only name which part of the year it is.
 */
export function advancePeriods(ctx: ArticleContext, text: string, quantities: Quantity[], times: TimeExpr[]): void {
  // "may lead to a drop in 2005 net profit": a forecast's year is not the year the article reports on.
  // A forecast's year is skipped only when it lies past a year already known, so "its 2004 dividend will rise"
  // still dates an article that gives no other year.
  const known = ctx.discourse.year ?? ctx.publishedYear;
  const figures = quantities.filter((q) => !q.isYear);
  // "Sales in the first two months of 1987 were flat, but it expects over $7bn for the year": a sentence whose
  // figures only look ahead leaves the article on the period it reports, so a later "the division raised turnover
  // 9%" is still of the year reported before; a later year it names is the forecast's.
  // (An article that opens with its outlook reports on the period of that outlook until it names another.)
  const onlyAhead =
    ctx.discourse.year !== null &&
    figures.length > 0 &&
    figures.every((q) => statusAround(text, clauseAround(text, q.start), q, null, null) !== "actual");
  const reported: TimeExpr[] = [];
  for (const t of times) {
    const forward =
      known !== null &&
      t.year !== null &&
      t.year > known &&
      (onlyAhead || statusAround(text, clauseAround(text, t.start), t, null, null) !== "actual");
    if (forward) ctx.forecastYear = t.year;
    else reported.push(t);
  }
  if (onlyAhead) {
    advanceParts(ctx, text, quantities, times);
    return;
  }
  // "Corvan took 7.4% of the cask ale market in the 2004 calendar year": a share's own year, often a source's
  // calendar, is not the period the article reports its takings for.
  if (
    figures.length &&
    figures.every((q) => q.unit === "percent" && SHARE_OF_MARKET.test(text.slice(q.end, q.end + 60)))
  ) {
    advanceParts(ctx, text, quantities, times);
    return;
  }
  if (figures.length) ctx.discourse = nextDiscourse(ctx.discourse, reported, ctx.publishedYear);
  else if (times.some((t) => t.role === "point" && t.period !== null && t.period !== "FY")) {
    ctx.discourse = nextDiscourse(
      { year: null, period: null },
      times.filter((t) => t.period !== null),
      ctx.publishedYear,
    );
  } else if (
    // The cheap test first: most sentences name no year, and then the text need not be read.
    times.some((t) => t.role === "point" && t.year !== null) &&
    RESULTS_WORD.test(text) &&
    statusOf(text, null, null) === "actual"
  ) {
    // "A busy season lifted Corvan's profits in 2011": a results year said in passing.
    ctx.discourse = nextDiscourse(ctx.discourse, times, ctx.publishedYear);
  }
  advanceParts(ctx, text, quantities, times);
}

const SHARE_OF_MARKET = /^\s*(?:of|in)\s+(?:the\s+)?[\w\s'’-]{0,40}?\bmarket\b/i;

/** The last quarter and half the article reported, and the year of a deal it dated. */
function advanceParts(ctx: ArticleContext, text: string, quantities: Quantity[], times: TimeExpr[]): void {
  // "expects $6.8bn in its fiscal fourth quarter": a quarter looked ahead to is not the one the article reports.
  const quarter = times.find(
    (t) =>
      t.role === "point" &&
      t.period?.startsWith("Q") &&
      statusAround(text, clauseAround(text, t.start), t, null, null) === "actual",
  );
  if (quarter) ctx.lastQuarter = { year: quarter.year ?? ctx.discourse.year, period: quarter.period };
  const half = times.find((t) => t.role === "point" && (t.period === "H1" || t.period === "H2"));
  if (half) ctx.lastHalf = { year: half.year ?? ctx.discourse.year, period: half.period };
  // "Fiat had sold GM a stake in 2000." dates a stake given a figure within the next two sentences.
  const dated = dealYearIn(text, quantities, times);
  if (dated !== null) ctx.dealYear = { year: dated, age: 0 };
  else if (ctx.dealYear !== null)
    ctx.dealYear = ctx.dealYear.age < 2 ? { year: ctx.dealYear.year, age: ctx.dealYear.age + 1 } : null;
}
