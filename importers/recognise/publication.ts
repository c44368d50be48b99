import { BASE_FIGURE_BEFORE } from "../lexicons/periods";
import { allMatches } from "../lexicons/regex";
/**
 * Infers the year an article was written from its body (see docs/decisions/002-publication-year.md).
 * Every year the body speaks of gives a lower bound: a year mentioned in the past is at most the year of writing;
 * a whole year (or its last quarter) reported as finished means the article is from the year after.
 */
export interface PublishedYear {
  year: number | null;
  source: "option" | "date-line" | "same-period" | "completed-year" | "latest-year" | null;
}

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const YEAR = /(?<![\d$€£.,/-])((?:19|20)\d\d)(?![\d%]|s\b|\s*[/-]\s*\d)/g;
const FUTURE_BEFORE = new RegExp(
  // "the three months to 31 December 2011" ends a period; "to 2010" on its own looks ahead.
  String.raw`\b(?:by|until|till|through|before|in time for|(?<!\b(?:months?|year|quarter|weeks|period|half)\s)to|from|between|and|expected in|due in|next|for the|target(?:ed)? for)\s+(?:the\s+end\s+of\s+|end-|early\s+|late\s+|mid-)?(?:\d{1,2}\s+)?(?:(?:${MONTHS})\s+)?(?:\d{1,2},?\s+)?$`,
  "i",
);
const DEADLINE_BEFORE = /\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+|end-)?$/i;
/** "a strong finish to 2004", "the close of 2004": the year is over, whatever the sentence then forecasts. */
const FINISHED_BEFORE = /\b(?:finish|close)\s+(?:to|of)\s+$/i;
/** "the current year, which ends in March 2006": a year still running, not one written about as past. */
const STILL_RUNNING_BEFORE = new RegExp(
  String.raw`\b(?:ends|will\s+end)\s+(?:in\s+|on\s+)?(?:(?:${MONTHS})\s+)?(?:\d{1,2},?\s+)?$`,
  "i",
);
const FORWARD_LOOKING =
  /\b(?:will|would|could|should|may|might|expects?|expected|forecasts?|forecasting|predicts?|predicted|project(?:s|ed|ing)|set to|likely|hop(?:es?|ed|ing)|expecting|anticipat\w*|look(?:ing)?\s+forward|on the way|well for|beyond|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|target(?:s|ed)?|outlook|budget(?:ed)?|guid(?:ance|ed|es|ing)|bracing|is due|are due|due to|wants?|wanted|seeks?|intends?|goal|ambition|options?\s+to|right\s+to|on\s+(?:course|track))\b/i;
/** Whole-year phrasings: "in 2011", "for 2011", "the whole of 2011", "the last three months of 2011", "2011 profits". */
const WHOLE_YEAR_BEFORE =
  /(?:\b(?:in|for|during|throughout|over)\s+(?:all\s+of\s+|the\s+whole\s+of\s+)?(?:calendar\s+)?|\bthe\s+(?:whole|end|back-end|(?:last|final)\s+(?:three\s+months|quarter)|fourth\s+quarter|second\s+half)\s+of\s+|\blate\s+)$/i;
const SAME_PERIOD =
  /\bsame\s+((?:19|20)\d\d)\s+(?:period|quarter|months)|\bsame\s+(?:period|quarter|months)\s+(?:of|in)\s+((?:19|20)\d\d)/gi;
const BASE_BEFORE =
  /(?:\b(?:from|than(?:\s+(?:in|during))?|compared\s+(?:with|to)|against|over|ahead\s+of|behind|(?:up|down)\s+on)|(?:%|\bpct|\bper\s?cent)\s+on)\s+(?:its\s+|their\s+|the\s+)?$/i;
/** "a record 2004", "Christmas 2004 had been tough": a year or season told as a whole, so over. */
const TOLD_AS_OVER_BEFORE =
  /\b(?:(?:a|an|its|their)\s+(?:record|bumper|strong|difficult|tough|good|bad|poor|miserable|disappointing|challenging|successful|solid|dismal|weak|turbulent)|Christmas|festive\s+season\s+of)\s+$/i;
/** "after a strong performance from its gum business in 2004": a year whose showing is judged is over. */
const JUDGED_BEFORE =
  /\b(?:after|following|thanks\s+to|despite)\s+(?:a|an|its|their)\s+(?:record|strong|difficult|tough|good|bad|poor|weak|disappointing|solid|dismal)\s+(?:performance|showing|year|trading|run)\b(?:\s+[\w'’-]+){0,6}\s+in\s+$/i;
const LAST_YEAR = /\blast\s+year\b(?!\s+(?:to|of|in)\b)/i;
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTHS})\s+(?:\d{1,2},?\s+)?$`, "i");
const RESULTS_AFTER = /^\s*(?:results|profits?|sales|revenues?|turnover|earnings|figures|losses|growth)\b/i;
/**
 * "its 2011 dividend", "based on 2011 figures", "NOTE: 2011 year includes a gain": what is paid or counted for a
 * year comes once it is over.
 */
const CLOSED_YEAR_AFTER =
  /^\s*(?:full[- ]year\s+)?(?:dividends?|payout|figures|results|accounts|financial\s+statements|(?:4th|fourth)\s+(?:qtr|quarter)|(?:qtr\s+and\s+)?year\s+(?:includes?|net|loss|results))\b/i;
const PAST_TENSE =
  /\b(?:was|were|had|rose|fell|grew|made|reached|posted|reported|increased|decreased|dropped|jumped|climbed|totalled|totaled|slumped|shrank|expanded|contracted|saw|earned|sold|lost|gained|doubled|tripled|halved|helped|boosted|lifted|fuelled|fueled|drove|dented|hurt|spent|paid|cost|picked|revised|recorded|slowed|widened|narrowed|ended|finished|amounted|improved|declined|dipped|slipped|soared|surged|plunged|tumbled|edged|came|hit|won|shipped|delivered|showed|shown|accounted|took|captured|generated|produced|booked|topped|exceeded|outsold|overtook|received)\b/i;

/** "-ed" words that name a state rather than tell of something done ("a Leeds-based firm", "listed shares"). */
const ADJECTIVE_ED =
  /^(?:based|listed|limited|related|owned|named|called|united|advanced|detailed|concerned|interested|expected|planned|proposed|scheduled|needed|aimed|intended|hoped|forecasted|projected|anticipated|seasoned|skilled|renewed|integrated|diversified|dedicated|estimated|adjusted|combined|unaudited|audited)$/;
/** Any regular past tense counts, not only the verbs of figures PAST_TENSE lists ("complained in 2011"). */
function toldInPast(s: string): boolean {
  if (PAST_TENSE.test(s)) return true;
  // "For 2027, it guided to growth of 5%": in a sentence that looks ahead, a past verb tells of the forecast.
  if (FORWARD_LOOKING.test(s)) return false;
  // "the chief executive said carmakers faced a hard market in 2012": reported speech shifts the present back.
  const reported = /\b(?:said|says|told|warned|argued|believes?|thinks?)\b/.exec(s);
  const end = reported ? reported.index : s.length;
  for (const m of s.slice(0, end).matchAll(/\b([a-z]{3,}ed)\b/g)) if (!ADJECTIVE_ED.test(m[1])) return true;
  return false;
}

/**
 * "founded in 1921", "opened its first shop in Leeds in 1923", "has grown every year since 2001": a year of the
 * company's history dates no article ("since June 2004", a month named, is recent enough to).
 */
const HISTORY_BEFORE =
  /\b(?:founded|set\s+up|established|opened|started|created|formed|incorporated|began|built)\b(?:\s+[\w'’-]+){0,8}\s+in\s+$|\bdat(?:ing|es)\s+back\s+to\s+$|\b(?:ever\s+)?since\s+$/i;

/**
 * "an option to buy the rest from 2011" (or "in 2011"), "the right to sell from 2012": when a right may first be used says
 * neither that a year is over nor which year it is now.
 */
const RIGHT_FROM_BEFORE = /\b(?:option|right|entitled|free)\s+to\s+(?:[\w'’-]+\s+){1,8}(?:from|in|after)\s+$/i;

/** The year's last quarter reported with no year of its own ("profits for the three months to December"). */
const UNDATED_LAST_QUARTER =
  /\b(?:three\s+months\s+to\s+(?:the\s+end\s+of\s+|31\s+)?December|(?:fourth|final|last)\s+quarter|October(?:\s+to\s+|-)December|quarter\s+to\s+December)\b(?!,?\s+(?:of\s+)?(?:19|20)\d\d)/i;

/** "the fourth quarter of its financial year, the three months to March": a last quarter that ends no December. */
const FISCAL_LAST_QUARTER = new RegExp(
  String.raw`\bof\s+(?:its|the)\s+(?:financial|fiscal)\s+year\b|\bthree\s+months\s+to\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(?:${MONTHS.replace("|december", "")})\b`,
  "i",
);
const FIRST_HALF_MONTHS = "january|february|march|april|may|june";
/** "turnover for the year to March 2005": a company's year that ends in the first half of a calendar year. */
const EARLY_YEAR_END = new RegExp(
  String.raw`\b(?:year|12\s+months|5[23]\s+weeks)\s+(?:to|ending|ended|that\s+ends)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(${FIRST_HALF_MONTHS})\s+(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b`,
  "gi",
);
/** "sales in the six months to September rose": a part of a year, finished, ending in the month named. */
const PART_YEAR_TO = new RegExp(
  String.raw`\b(?:(?:three|six|nine|\d{1,2})\s+months|\d{1,2}\s+weeks)\s+(?:to|ended|ending)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(${MONTHS})\b(?:\s+\d{1,2}\b)?(?:,?\s+((?:19|20)\d\d))?`,
  "gi",
);
const MONTH_NUMBER = (name: string) => MONTHS.split("|").indexOf(name.toLowerCase()) + 1;

/**
 * "Sales in the six months to September rose 4%; it expects 8.3 trillion yen for the year to March 2005": a part
 * of the company's year ending in September is over and the year that ends the March after is not, so the
 * article is of the September's year (results come out within weeks, so before the new year). The year that would otherwise date it, less one; null when the text says
 * nothing of the kind.
 */
function beforeYearEnd(sentences: string[]): number | null {
  let end: { year: number; month: number } | null = null;
  // Only a year still to come, one forecast for: a year reported as done dates the article after its end.
  // (The year's end first: few sentences name one, and it is found faster than the forward-looking words are.)
  for (const s of sentences) {
    const ends = allMatches(EARLY_YEAR_END, s);
    if (ends.length && FORWARD_LOOKING.test(s))
      for (const m of ends) {
        const year = Number(m[2]);
        if (!end || year > end.year) end = { year, month: MONTH_NUMBER(m[1]) };
      }
  }
  if (!end) return null;
  let before = false;
  for (const s of sentences) {
    if (!PAST_TENSE.test(s)) continue;
    // "the strong start had continued into the new year": written after it.
    if (/\binto\s+the\s+new\s+year\b/i.test(s)) return null;
    for (const m of allMatches(PART_YEAR_TO, s)) {
      const year = m[2] ? Number(m[2]) : null;
      const month = MONTH_NUMBER(m[1]);
      // "sales in the ten weeks to 8 January": a part of the year's end's own year is over, so it dates the article.
      if (year === end.year || (year === null && month <= end.month)) return null;
      // A part ending in November or December is reported in the new year, which may be the year's end's.
      if (month > end.month && month <= 10 && (year === null || year === end.year - 1)) before = true;
    }
  }
  return before ? end.year - 1 : null;
}

/**
 * A forward-looking word near the year makes it a forecast, whatever tense the rest of the sentence is in. (Asked
 * only where the answer counts: most years are settled before it is.)
 */
function forwardNear(s: string, at: number): boolean {
  return FORWARD_LOOKING.test(
    s.slice(Math.max(0, at - 80), at + 4) + s.slice(at + 4, at + 24).split(/\b(?:and|but)\b|[,;]/)[0],
  );
}

export function inferPublishedYear(
  sentences: string[],
  explicit?: number | null,
  dateLine?: string | null,
): PublishedYear {
  if (explicit) return { year: explicit, source: "option" };
  const fromDate = dateLine ? /\b((?:19|20)\d\d)\b/.exec(dateLine) : null;
  if (fromDate) return { year: Number(fromDate[1]), source: "date-line" };
  let best: PublishedYear = { year: null, source: null };
  let earliestForward: number | null = null;
  const raise = (year: number, source: PublishedYear["source"]) => {
    if (best.year === null || year > best.year) best = { year, source };
  };
  let lastQuarterReported = false;
  let latestInPast = false;
  for (const s of sentences) {
    // Both patterns need a word most sentences lack; looking for it in the lower-cased sentence is far cheaper.
    const lower = s.toLowerCase();
    if (
      (lower.includes("quarter") || lower.includes("december")) &&
      UNDATED_LAST_QUARTER.test(s) &&
      !FISCAL_LAST_QUARTER.test(s) &&
      PAST_TENSE.test(s) &&
      !FORWARD_LOOKING.test(s)
    )
      lastQuarterReported = true;
    if (lower.includes("same"))
      for (const m of allMatches(SAME_PERIOD, s)) raise(Number(m[1] ?? m[2]) + 1, "same-period");
    // Asked once per sentence, however many years it names: a sentence of endless years stays linear.
    let pastTold: boolean | undefined;
    for (const m of allMatches(YEAR, s)) {
      const y = Number(m[1]);
      const before = s.slice(Math.max(0, m.index - 40), m.index);
      if (HISTORY_BEFORE.test(s.slice(Math.max(0, m.index - 70), m.index))) continue;
      const wider = s.slice(Math.max(0, m.index - 80), m.index);
      if (RIGHT_FROM_BEFORE.test(wider)) continue;
      if (
        FINISHED_BEFORE.test(before) ||
        (TOLD_AS_OVER_BEFORE.test(before) && PAST_TENSE.test(s)) ||
        JUDGED_BEFORE.test(wider)
      ) {
        raise(y + 1, "completed-year");
        continue;
      }
      if (STILL_RUNNING_BEFORE.test(before)) {
        if (earliestForward === null || y < earliestForward) earliestForward = y;
        continue;
      }
      // "up 19% from its 2010 performance": the year compared against is over, and so is the one reported; so is
      // the base of a forecast ("expects 17bn in 2004, compared with 15.8bn in 2003").
      const base = BASE_BEFORE.test(before) || BASE_FIGURE_BEFORE.test(s.slice(Math.max(0, m.index - 90), m.index));
      if (base && (PAST_TENSE.test(s) || FORWARD_LOOKING.test(s))) {
        // "sold 9,000 cars last year, 12% more than in 2008": last year came after the base, so this is a year on.
        raise(LAST_YEAR.test(s.slice(0, m.index)) ? y + 2 : y + 1, "completed-year");
        continue;
      }
      // ("will lift its 2004 dividend": the payment is to come, the year it is for is over.)
      if (CLOSED_YEAR_AFTER.test(s.slice(m.index + 4, m.index + 30)) && !FUTURE_BEFORE.test(before)) {
        raise(y + 1, "completed-year");
        continue;
      }
      if (FUTURE_BEFORE.test(before) || forwardNear(s, m.index)) {
        // "aims to sell 500,000 a year by 2008": a deadline is set years ahead, so it dates nothing.
        if (DEADLINE_BEFORE.test(before)) continue;
        if (earliestForward === null || y < earliestForward) earliestForward = y;
        continue;
      }
      // "jobs data for December 2004 were revised": figures for a December come out in the new year.
      if (/\bDecember\s+(?:\d{1,2},?\s+)?$/i.test(before) && PAST_TENSE.test(s)) {
        raise(y + 1, "completed-year");
        continue;
      }
      const after = s.slice(m.index + 4, m.index + 30);
      // "shares have lost half their value so far in 2004": the year is still running.
      const running = /\b(?:so\s+far|earlier|already)\s+(?:in|this)\s+$/i.test(before);
      const wholeYear =
        !running && ((WHOLE_YEAR_BEFORE.test(before) && !MONTH_BEFORE.test(before)) || RESULTS_AFTER.test(after));
      if (wholeYear && pastTold === undefined) pastTold = toldInPast(s);
      if (wholeYear && pastTold) raise(y + 1, "completed-year");
      else {
        raise(y, "latest-year");
        if (best.year === y) latestInPast = PAST_TENSE.test(s);
      }
    }
  }
  // A part of the company's year reported as done, before the year's end that would otherwise date the article.
  const before = best.year !== null || earliestForward !== null ? beforeYearEnd(sentences) : null;
  if (before !== null && (best.year ?? earliestForward) === before + 1) return { year: before, source: "latest-year" };
  // A December quarter reported as done, after events of a year said only in passing, closed that year.
  if (lastQuarterReported && latestInPast && best.source === "latest-year" && best.year !== null)
    return { year: best.year + 1, source: "completed-year" };
  // Only forecasts: they are usually made in the year they are for.
  if (best.year === null && earliestForward !== null) return { year: earliestForward, source: "latest-year" };
  return best;
}
