import { allMatches, escapeRegExp } from "../lexicons/regex";
import { FORECAST_CUES, TARGET_CUES } from "../lexicons/status";
import type { Status } from "../types";
import { relativeClauseEnd } from "./clauses";

// Case-sensitive: "May's sales" (a company or a month) and "Will" as a name are no forecasts.
const TARGET_RE = new RegExp(String.raw`\b(?:${TARGET_CUES.map(escapeRegExp).join("|")})\b`);
const FORECAST_RE = new RegExp(String.raw`\b(?:${FORECAST_CUES.map(escapeRegExp).join("|")})\b`);
const TARGET_GLOBAL = new RegExp(TARGET_RE.source, "g");
const FORECAST_GLOBAL = new RegExp(FORECAST_RE.source, "g");
const lastIndex = (re: RegExp, text: string) => allMatches(re, text).at(-1)?.index ?? -1;

/**
 * "estimates it now has about 25% of the market", "which estimates it supplies 9%": an estimate of what is, in the
 * present tense, reports a fact, as does one of what was ("estimates that its share rose to 14.1%"); "estimates sales
 * will reach" stays a forecast.
 */
const PRESENT_ESTIMATE =
  /\bestimates?\s+(?:that\s+)?(?:[\w'’-]+\s+){0,8}?(?:now\s+|currently\s+|already\s+)?(?:has|holds|controls|supplies|commands|owns|accounts\s+for|rose|fell|grew|slipped|climbed|dropped|edged|increased|reached|stood|was|had|held|took)\b/gi;

/** Reads the status from the clause up to a little past the figure; a year after publication is a forecast. */
export function statusOf(clauseText: string, year: number | null, publishedYear: number | null): Status {
  const forecastText = clauseText.replace(PRESENT_ESTIMATE, "");
  if (TARGET_RE.test(clauseText)) {
    // "planned to open 25 stores and expected sales to top £2bn": of two moods, the one said last governs.
    const target = lastIndex(TARGET_GLOBAL, clauseText);
    const forecast = FORECAST_RE.test(forecastText) ? lastIndex(FORECAST_GLOBAL, clauseText) : -1;
    return forecast > target && /\band\s/.test(clauseText.slice(target, forecast)) ? "forecast" : "target";
  }
  if (FORECAST_RE.test(forecastText)) return "forecast";
  if (year !== null && publishedYear !== null && year > publishedYear + 1) return "forecast";
  return "actual";
}

/** Subordinate clauses carry their own mood: "optimistic about its outlook after sales rose 9%" is not a forecast. */
// ("on course for sales of £4.9bn, and said it had about 17% of the market": a second reported clause has its own.)
const SUBORDINATE =
  /\b(?:after|as|because|since|following|when|once|which|who|led\s+by|followed\s+by)\s|\s[-–—]\s|,\s+and\s+(?=(?:said|says|added|reported|estimated|estimates)\b)/gi;

/** The status of a figure, read from its clause from the last subordinating word before it to just past it. */
export function statusAround(
  text: string,
  clause: { start: number; end: number },
  figure: { start: number; end: number },
  year: number | null,
  publishedYear: number | null,
): Status {
  let from = clause.start;
  for (const m of allMatches(SUBORDINATE, text.slice(clause.start, figure.start))) {
    const at = clause.start + m.index;
    // "expected sales in the year, which ends in March, to exceed $2bn": a relative clause closed before the figure.
    if (/^(?:which|who)\s/i.test(m[0]) && text.slice(at, figure.start).includes(",")) continue;
    from = at;
  }
  let to = Math.min(clause.end, figure.end + 20);
  // "Corvan, which had turnover of £23bn last year, wants to...": a relative clause ends at its closing comma.
  const relativeEnd = relativeClauseEnd(text, clause.start, figure.start, figure.end);
  if (relativeEnd !== -1 && relativeEnd < to) to = relativeEnd;
  return statusOf(text.slice(from, to), year, publishedYear);
}
