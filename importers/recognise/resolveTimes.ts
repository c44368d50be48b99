import { CALENDAR_END_MONTH } from "../lexicons/newswire";
import { MONTH_INDEX } from "../lexicons/periods";
import { alternation, escapeRegExp } from "../lexicons/regex";
import { FORECAST_CUES, TARGET_CUES } from "../lexicons/status";
import type { ReferenceDate } from "../rules/context";
import type { Period } from "../types";
import type { TimeExpr } from "./time";

const MONTH = new RegExp(String.raw`\b(${alternation(Object.keys(MONTH_INDEX))})\b\.?(?:\s+(\d{1,2}))?`, "i");

/**
 * Dates what a sentence leaves undated, from the day the article was written: "the year ended July 31" in an
 * article of March 1987 ended in July 1986; "the quarter" of an article of February 2026 is the fourth quarter of
 * 2025. Only a full reference date (a `Date:` line, `--published YYYY-MM-DD`) can do this; without one the times
 * stay as they are.
 */
export function resolveTimes(
  times: TimeExpr[],
  ref: ReferenceDate | null,
  sentence = "",
  /** The month the company's fiscal year ends in, when the article says ("whose fiscal year ends in October"). */
  fiscalEnd = 12,
  /** The day of that month it ends on, when the article says ("the fourth quarter, which ended February 1"). */
  fiscalEndDay: number | null = null,
): TimeExpr[] {
  if (fiscalEnd !== 12) times = times.map((t) => inEndYear(t, fiscalEnd));
  // Undated, "the quarter" says nothing the running period does not: it is left to the extractors' context.
  if (!ref || ref.month === null) {
    const kept = times.some((t) => t.latest) ? times.filter((t) => !t.latest) : times;
    return ref ? kept.map((t) => decemberBefore(t, ref.year, sentence)) : kept;
  }
  const month = ref.month;
  // The fiscal year that ended last before the article, for a company whose year does not end in December.
  // A year that ends in the article's own month has ended by a day the article names before its own ("the fourth
  // quarter, which ended February 1", said on February 24).
  const endedThisMonth = fiscalEnd === month && fiscalEndDay !== null && ref.day !== null && fiscalEndDay < ref.day;
  const lastFiscal = fiscalEnd < month || endedThisMonth ? ref.year : ref.year - 1;
  return times.map((t) => {
    // "expects to sell 420,000 in the current year", from a company whose year ends in March: the year running.
    if (
      fiscalEnd !== 12 &&
      t.relative !== null &&
      t.year === null &&
      t.role !== "base" &&
      (t.period === null || t.period === "FY") &&
      /\b(?:current|this|last|next|coming)\b/i.test(t.text)
    )
      return { ...t, year: lastFiscal + 1 + t.relative, relative: null };
    if (t.year !== null || t.relative !== null) return t;
    if (t.current) {
      // The quarter the article's month falls in, counted in the company's fiscal year; it ends in that calendar
      // year unless the quarter runs on past December.
      const quarter = Math.floor(((((month - 1 - fiscalEnd) % 12) + 12) % 12) / 3) + 1;
      const endMonth = ((fiscalEnd + quarter * 3 - 1) % 12) + 1;
      return {
        ...t,
        current: false,
        period: `Q${quarter}` as Period,
        year: endMonth >= month ? ref.year : ref.year + 1,
      };
    }
    if (t.latest) {
      // The last quarter to end before the article's month, counted in the company's fiscal year.
      const done = month - 1;
      const quarter = Math.floor(((((done - fiscalEnd) % 12) + 12) % 12) / 3);
      const endMonth = ((fiscalEnd + quarter * 3 - 1) % 12) + 1;
      const label: Period = quarter === 0 ? "Q4" : (`Q${quarter}` as Period);
      return { ...t, period: label, year: endMonth <= done ? ref.year : ref.year - 1 };
    }
    // "in February", in an article of March 1987: February 1987; in one of January, the February before.
    if (t.month === -1)
      return { ...t, month: month === 1 ? 12 : month - 1, year: month === 1 ? ref.year - 1 : ref.year };
    if (t.month) return { ...t, year: t.month <= month ? ref.year : ref.year - 1 };
    if (t.period === null || t.open) return t;
    // "its fiscal fourth quarter, ended June 30": the day the period ended may follow the period's name.
    const end = MONTH.exec(t.text) ?? ENDED_AFTER.exec(sentence.slice(t.end, t.end + 40));
    // "full-year revenue is expected at $7.9bn", said in January: the year just ended, not yet reported.
    if (!end && t.period === "FY") {
      if (!/full[- ]year|the\s+(?:whole\s+|full\s+)?(?:fiscal\s+|financial\s+)?year\b/i.test(t.text)) return t;
      // ("the fiscal year just ended" is done, whatever the sentence goes on to expect.)
      const done = JUST_ENDED.test(sentence.slice(t.end, t.end + 30));
      const forward = !done && lookedForward(sentence, t);
      if (fiscalEnd !== 12) return { ...t, year: forward ? lastFiscal + 1 : lastFiscal };
      return { ...t, year: forward && month > 2 ? ref.year : ref.year - 1 };
    }
    const endMonth = end ? MONTH_INDEX[end[1].toLowerCase()] : fiscalEndOf(t.period, fiscalEnd);
    const endDay = end?.[2] ? Number(end[2]) : 31;
    const ended = endMonth < month || (endMonth === month && endDay <= (ref.day ?? 31));
    // "the fiscal first quarter, which ends in January", said in November: a period still to end is the next one.
    if (end && STILL_TO_END.test(end[0])) return { ...t, year: ended ? ref.year + 1 : ref.year };
    // "forecast first-quarter revenue of $2.6bn": a period looked forward to is the next one to end, unless the
    // last one ended within two months and is still to be reported ("expects to report fourth-quarter revenue").
    const monthsSince = (month - endMonth + 12) % 12;
    if (!end && monthsSince > 2 && FORWARD_BEFORE.test(sentence.slice(Math.max(0, t.start - 80), t.start)))
      return { ...t, year: ended ? ref.year + 1 : ref.year };
    // "forecast revenue for the quarter ending in March", said in January: the quarter under way, not last year's.
    // ("expects turnover for the year to June 30 to exceed ...", said in February: the year running to this June.)
    const span = t.period === "FY" ? 11 : t.period === "9M" ? 8 : t.period === "H1" || t.period === "H2" ? 5 : 3;
    const ahead = (endMonth - month + 12) % 12 <= span;
    const forward = FORWARD_BEFORE.test(sentence.slice(Math.max(0, t.start - 80), t.end + 60));
    // "expects revenues for its fiscal second quarter, ending January 31, to rise", said in December: the January
    // to come, not the one a whole period before.
    if (end && ended && ahead && monthsSince > span && forward) return { ...t, year: ref.year + 1 };
    const running = !ended && ahead && forward;
    return { ...t, year: ended || running ? ref.year : ref.year - 1 };
  });
}

/** The month a period ends in, in a fiscal year that ends in `fiscalEnd` (12 for a calendar year). */
function fiscalEndOf(period: Period, fiscalEnd: number): number {
  return ((CALENDAR_END_MONTH[period] + fiscalEnd - 1) % 12) + 1;
}

const FISCAL_END = new RegExp(
  String.raw`\b(?:fiscal\s+(?:years?|(?:19|20)\d\d)|(?:the|its)\s+(?:full\s+|whole\s+|current\s+)?(?:financial\s+|business\s+|fiscal\s+)?year|(?:fourth|4th)\s+(?:fiscal\s+)?(?:quarter|qtr))\s*,?\s+(?:that\s+|which\s+)?(?:also\s+|will\s+)?(?:ends?|end|ended|ending|runs?\s+to|closes?|to)\s+(?:in\s+|on\s+|at\s+the\s+end\s+of\s+)?(${alternation(Object.keys(MONTH_INDEX))})\b`,
  "i",
);
const FISCAL_END_ALL = new RegExp(FISCAL_END.source, "gi");
/**
 * The first place the text says where a company's year ends. A bare "the year to January" counts only in a
 * sentence of takings or results: "house prices rose 2.5% in the year to January" is an index's year, no company's.
 */
function fiscalEndIn(text: string): RegExpExecArray | null {
  for (const m of text.matchAll(FISCAL_END_ALL)) {
    if (!/^the\s+year\b/i.test(m[0])) return m as RegExpExecArray;
    // (Only the 300 characters each side are searched for the sentence's ends: a text of no stops stays linear.)
    const start = Math.max(0, m.index - 300);
    const before = text.slice(start, m.index);
    const from = start + Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n"));
    const after = text.slice(m.index, m.index + 300);
    const to = after.indexOf(". ");
    const sentence = text.slice(Math.max(from + 1, start), to === -1 ? m.index + after.length : m.index + to);
    if (
      /\b(?:sales|revenues?|turnover|profits?|earnings|results|loss|sold|sells|shipped|delivered|it|its|their)\b/i.test(
        sentence,
      )
    )
      return m as RegExpExecArray;
  }
  return null;
}
/** "ACME CO LTD <ACM.T> YEAR TO MARCH 31": a wire headline's ticker, then the year and the month it ends in. */
const HEADLINE_YEAR_TO = new RegExp(
  String.raw`<[^<>]{1,20}>\s+year\s+(?:to|ended|ending)\s+(${alternation(Object.keys(MONTH_INDEX))})\b`,
  "i",
);

/**
 * The month an article says its company's fiscal year ends in, else December; a fourth quarter ends with the year
 * ("the fourth quarter ended January 31").
 */
export function fiscalYearEndIn(text: string): number {
  // The patterns below each need one of these words, looked for once, in lower case, before any runs on the whole
  // text ("quarter" for all but the first two).
  const lower = text.toLowerCase();
  const quarter = lower.includes("quarter");
  const mayEnd = quarter || lower.includes("year") || lower.includes("fiscal") || lower.includes("qtr");
  const m = mayEnd ? (fiscalEndIn(text) ?? HEADLINE_YEAR_TO.exec(text.slice(0, 300).split("\n")[0])) : null;
  if (m) return MONTH_INDEX[m[1].toLowerCase()];
  // "ACME CORP <ACM> 3RD QTR JAN 31 NET": a wire headline's quarter and the month it ended in.
  const headline = mayEnd ? HEADLINE_QUARTER.exec(text.slice(0, 300).split("\n")[0]) : null;
  if (headline) {
    const n = Number(headline[1]);
    return ((MONTH_INDEX[headline[2].toLowerCase()] + 3 * (4 - n) - 1) % 12) + 1;
  }
  // "the first half of its financial year, the six months to September": the year ends six months after the half.
  const half = mayEnd ? HALF_OF_FISCAL_YEAR.exec(text) : null;
  if (half) {
    const end = MONTH_INDEX[half[2].toLowerCase()];
    return half[1].toLowerCase() === "first" ? ((end + 5) % 12) + 1 : end;
  }
  if (!quarter) return 12;
  // "its fiscal first quarter, which ended in December", "the fourth quarter, the three months ended January 31":
  // the year ends where the quarters say.
  const dated = DATED_FISCAL_QUARTER.exec(text);
  if (dated) {
    const n = ORDINALS.indexOf(dated[1].toLowerCase()) + 1;
    return ((MONTH_INDEX[dated[2].toLowerCase()] + 3 * (4 - n) - 1) % 12) + 1;
  }
  // "the first quarter of its financial year" and "the three months to June": the same, said apart; so are "its
  // fiscal third quarter" and "the quarter, which ended March 29".
  const named = NAMED_FISCAL_QUARTER.exec(text) ?? FISCAL_ORDINAL_QUARTER.exec(text);
  const months = named ? (MONTHS_TO.exec(text) ?? QUARTER_ENDED.exec(text)) : null;
  if (!named || !months) return 12;
  const n = ORDINALS.indexOf(named[1].toLowerCase()) + 1;
  return ((MONTH_INDEX[months[1].toLowerCase()] + 3 * (4 - n) - 1) % 12) + 1;
}

/** The day the article's fiscal year ends on, when it names one after the month ("ended February 1"). */
export function fiscalYearEndDay(text: string): number | null {
  const quarter = DATED_FISCAL_QUARTER.exec(text);
  // Only a fourth quarter ends with the year.
  const m = fiscalEndIn(text) ?? (quarter && /^fourth$/i.test(quarter[1]) ? quarter : null);
  if (!m) return null;
  const day = /^\.?\s+(\d{1,2})\b/.exec(text.slice(m.index + m[0].length));
  return day ? Number(day[1]) : null;
}

const ORDINALS = ["first", "second", "third", "fourth"];
const HEADLINE_QUARTER = new RegExp(
  String.raw`<[^<>]{1,20}>\s+([1-4])(?:ST|ND|RD|TH)\s+(?:QTR|QUARTER)\s+(?:TO\s+|ENDED\s+|ENDING\s+)?(${alternation(Object.keys(MONTH_INDEX))})\b`,
  "i",
);
/** "the three months", "the 13 weeks": how a quarter's span is said before the day it ended. */
const QUARTER_SPAN = String.raw`(?:(?:three|3)\s+months|(?:13|thirteen|14|fourteen)\s+weeks)`;
const DATED_FISCAL_QUARTER = new RegExp(
  String.raw`\b(?:fiscal\s+)?(first|second|third|fourth)[- ]quarter(?:\s+of\s+(?:fiscal|financial)\s+(?:19|20)\d\d)?,?\s+(?:which\s+(?:[a-z]+\s+){0,8}?(?:and\s+)?|the\s+${QUARTER_SPAN}\s+(?:that\s+|which\s+)?)?(?:ended|ends|ending|through|(?<=months\s+)to)\s+(?:in\s+|on\s+)?(${alternation(Object.keys(MONTH_INDEX))})\b`,
  "i",
);
const HALF_OF_FISCAL_YEAR = new RegExp(
  String.raw`\b(first|second)\s+half\s+of\s+(?:its|the|their)\s+(?:financial|fiscal)\s+year,?\s+(?:the\s+)?(?:six|6)[- ]months?\s+(?:that\s+|which\s+)?(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(${alternation(Object.keys(MONTH_INDEX))})\b`,
  "i",
);
const NAMED_FISCAL_QUARTER =
  /\b(first|second|third|fourth)\s+quarter\s+of\s+(?:its|the|their)\s+(?:financial|fiscal)\s+year\b/i;
const FISCAL_ORDINAL_QUARTER = /\bfiscal\s+(first|second|third|fourth)[- ]quarter\b/i;
const QUARTER_ENDED = new RegExp(
  String.raw`\bthe\s+quarter,?\s+(?:which\s+|that\s+)?(?:ended|ending)\s+(?:on\s+|in\s+)?(${alternation(Object.keys(MONTH_INDEX))})\b`,
  "i",
);
const MONTHS_TO = new RegExp(
  String.raw`\b(?:three|3)[- ]months?\s+(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(${alternation(Object.keys(MONTH_INDEX))})\b`,
  "i",
);
const MONTH_PERIOD = new RegExp(
  String.raw`^(?:the\s+)?(?:(three|3|six|6)[- ]months?|(?:fiscal\s+)?quarter)\s+(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(${alternation(Object.keys(MONTH_INDEX))})\b`,
  "i",
);

/**
 * "the three months to June", in an article whose year ends in March: the first quarter of that year. Quarters
 * and halves named by the month they end in take the company's label once the article says where its year ends.
 */
export function inFiscalQuarters(times: TimeExpr[], fiscalEnd: number): TimeExpr[] {
  if (fiscalEnd === 12) return times;
  return times.map((t) => {
    const m = MONTH_PERIOD.exec(t.text);
    if (!m) return t;
    const into = (((MONTH_INDEX[m[2].toLowerCase()] - fiscalEnd) % 12) + 12) % 12;
    // "the six months ended December 31", in a year that ends in June: the first half.
    if (m[1] && /^(?:six|6)$/i.test(m[1])) {
      const half: Period | null = into === 6 ? "H1" : into === 0 ? "H2" : null;
      return half ? { ...t, period: half } : t;
    }
    const q = Math.floor(into / 3);
    return { ...t, period: q === 0 ? "Q4" : (`Q${q}` as Period) };
  });
}

const ENDED_AFTER = new RegExp(
  String.raw`^[\s,]*(?:(?:which|that)\s+(?:[a-z]+\s+){0,8}?(?:and\s+)?|the\s+(?:(?:three|3|six|6|nine|9|twelve|12)\s+months|(?:13|thirteen|14|fourteen|26|52|53)\s+weeks)\s+(?:that\s+|which\s+)?)?(?:ended|ending|ends|will\s+end|to|through|runs?\s+(?:through|to|until))\s+(?:in\s+|on\s+)?(?:late\s+|early\s+|mid-)?(${alternation(Object.keys(MONTH_INDEX))})\b\.?(?:\s+(\d{1,2}))?`,
  "i",
);
/**
 * "the first half of fiscal 2026" ("the first quarter of fiscal 2026"), in a year that ends in June: the half (the
 * quarter) ended in 2025, and a part of a year takes the year it ends in.
 */
function inEndYear(t: TimeExpr, fiscalEnd: number): TimeExpr {
  if (t.year === null || !t.period || !LABELLED_PART.test(t.period) || !FISCAL_YEAR_OF.test(t.text)) return t;
  return fiscalEndOf(t.period, fiscalEnd) > fiscalEnd ? { ...t, year: t.year - 1 } : t;
}
const LABELLED_PART = /^(?:H[12]|Q[1-4])$/;
const FISCAL_YEAR_OF = /\bof\s+(?:fiscal|financial)\s+(?:19|20)\d\d\b/i;
/** "which ends in January", "that runs through January": a period said to end still, not one that has ended. */
const STILL_TO_END = /\b(?:ends|will\s+end|runs?\s+(?:through|to|until))\s/i;
const OTHER_CLAUSE = /,\s+(?:and|but)\b/i;
const JUST_ENDED = /^\s*,?\s*(?:that\s+|which\s+)?(?:has\s+)?(?:just\s+)?(?:ended|finished|closed|completed)\b/i;
const FORWARD_BEFORE = new RegExp(
  String.raw`\b(?:${FORECAST_CUES.concat(TARGET_CUES).map(escapeRegExp).join("|")})\b`,
  "i",
);

/**
 * "sales in the six months to 31 December fell 2%", in an article known only to be of 2005: a December reported on
 * is the one before the article's year, since no result for a December comes out within it.
 */
function decemberBefore(t: TimeExpr, year: number, sentence: string): TimeExpr {
  // A year the sentence names ("against the same period of 2003") dates the period through its base instead.
  if (t.year !== null || t.relative !== null || t.role === "base" || /\b(?:19|20)\d\d\b/.test(sentence)) return t;
  const end = t.month ?? (t.period ? MONTH.exec(t.text) : null)?.[1];
  const month = typeof end === "string" ? MONTH_INDEX[end.toLowerCase()] : end;
  if (month !== 12 || FORWARD_BEFORE.test(sentence.slice(Math.max(0, t.start - 80), t.end + 60))) return t;
  return { ...t, year: year - 1 };
}

/** "for the year", "in the year", "full-year", "annual": a year named by no number and no "this", "last" or "next". */
const BARE_YEAR =
  /^(?:(?:for|over|during|in)\s+the\s+(?:whole\s+|full\s+)?(?:fiscal\s+|financial\s+)?year|full[- ]year|annual|whole[- ]year)$/i;

/**
 * "NOTE: Corvan said shipments for the year totalled 402,000 tonnes", under a results table: the year is the one
 * whose column the table just gave, however the publication date alone would have dated it.
 */
export function inTableYear(times: TimeExpr[], tableYear: number | null, sentence: string): TimeExpr[] {
  if (tableYear === null) return times;
  return times.map((t) =>
    t.period === "FY" &&
    t.relative === null &&
    t.year !== tableYear &&
    BARE_YEAR.test(t.text) &&
    !lookedForward(sentence, t)
      ? { ...t, year: tableYear }
      : t,
  );
}

/** A forecast's or a target's word before the time, or after it in its own clause ("expects full-year sales"). */
function lookedForward(sentence: string, t: TimeExpr): boolean {
  // ("had sales of $2m in the year, it said, and will open ...": a cue past "and" or "but" is another clause's.)
  const other = OTHER_CLAUSE.exec(sentence.slice(t.end));
  const until = other ? Math.min(t.start + 60, t.end + other.index) : t.start + 60;
  return FORWARD_BEFORE.test(sentence.slice(Math.max(0, t.start - 80), until));
}
