import { BASE_FIGURE_BEFORE, BASE_FIGURE_JUST_BEFORE, MONTH_INDEX, ORDINAL_QUARTERS } from "../lexicons/periods";
import { allMatches, alternation, endAnchored } from "../lexicons/regex";
import type { Period } from "../types";

export type TimeRole = "point" | "base" | "target";

export interface TimeExpr {
  start: number;
  end: number;
  year: number | null;
  period: Period | null;
  /** A span of several years ("over the next three years"): no single year can be given. */
  open?: boolean;
  /** Year relative to publication (-1 = last year), resolved later when the publication year is known. */
  relative: number | null;
  /** "the quarter" with nothing more: the latest quarter ended before the article, resolved from its date. */
  latest?: boolean;
  /** "the current quarter": the quarter under way when the article was written, resolved from its date. */
  current?: boolean;
  /** A single month ("in February", "for the month of March"): a period no label fits, so none is given. -1 is
   * "last month", counted back from the article's date. */
  month?: number;
  /** A run of part of a year that no label fits ("the year to date", "the first five months"): never a full year. */
  partial?: boolean;
  role: TimeRole;
  text: string;
}

const MONTHS = Object.keys(MONTH_INDEX).join("|");
const FISCAL_LABEL_BEFORE = /\b(first|second|third|fourth)[- ](?:fiscal\s+)?quarter\b[^.;\d]{0,30}$/i;
const FISCAL_LABEL_AFTER =
  /^,?\s+(?:its|the)\s+(?:fiscal\s+)?(first|second|third|fourth|last|final)(?:\s+(?:fiscal\s+)?quarter\b|\s+of\s+its\s+(?:fiscal|financial)\s+year\b)/i;
/** "31 March", "March 31,", "the end of March". */
const DAY_BEFORE = String.raw`(?:\d{1,2}(?:st|nd|rd|th)?(?!\d)\s+)?`;
const DAY_AFTER = String.raw`(?:\.?\s+\d{1,2}(?:st|nd|rd|th)?(?!\d),?)?`;
const YEAR = String.raw`(?:19|20)\d\d`;

function halfEndingIn(month: number): Period {
  return [6, 7, 8, 9].includes(month) ? "H1" : "H2";
}

function quarterOfMonth(month: number): Period {
  return `Q${Math.ceil(month / 3)}` as Period;
}

interface Rule {
  /**
   * A cheap test that the sentence can match at all; most sentences fail it for most rules. Words (in lower case)
   * are looked for in the lower-cased sentence, which is several times faster than a case-insensitive regex.
   */
  hint: string[] | RegExp;
  re: RegExp;
  make(m: RegExpExecArray): Omit<TimeExpr, "start" | "end" | "role" | "text"> | null;
}

const yearOf = (s: string | undefined) => (s ? Number(s) : null);

/** Fiscal years written "2004/05" or "2004-05" end in the second year. */
function fiscalEnd(first: string, second: string): number {
  const a = Number(first);
  const b = Number(second.length === 2 ? first.slice(0, 2) + second : second);
  return b === a + 1 ? b : a;
}

const MONTHS_IN_RUN: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  ten: 10,
  eleven: 11,
};

const SAID_BEFORE = endAnchored(
  /\b(?:said|says|announced|reported|disclosed|told\s+\w+|confirmed)\s+(?:on\s+|in\s+)?$/i,
);

const BARE_SAME_PERIOD = /^(?:the\s+)?same\s+(?:period|quarter|months?)$/i;

const RULES: Rule[] = [
  {
    hint: ["same"],
    re: new RegExp(
      String.raw`\b(?:the\s+)?same\s+(?:(${YEAR})\s+)?(?:period|quarter|months?|time)(?:\s+(?:of|in|a year earlier|last year)\s*(${YEAR})?)?`,
      "gi",
    ),
    make: (m) => ({ year: yearOf(m[1] ?? m[2]), period: null, relative: m[1] || m[2] ? null : -1 }),
  },
  {
    // "for the year to date", "year-to-date sales", "since the beginning of the year", "so far this year".
    hint: ["date", "beginning", "start", "so far"],
    re: /\b(?:(?:the\s+)?year[- ]to[- ]date|since\s+the\s+(?:beginning|start)\s+of\s+the\s+year|so\s+far\s+this\s+year)\b/gi,
    make: () => ({ year: null, period: null, relative: 0, partial: true }),
  },
  {
    hint: ["nine"],
    re: new RegExp(
      String.raw`\b(?:(?:first|1st)\s+nine|nine)[- ]months?(?:\s+(?:(?:that|which)\s+)?(?:to|ending|ended)\s+${DAY_BEFORE}(?:${MONTHS})${DAY_AFTER}(?:\s+(${YEAR}))?)?(?:\s+of\s+(?:(${YEAR})|(this|last|the\s+current)\s+year))?`,
      "gi",
    ),
    make: (m) => ({
      year: yearOf(m[1] ?? m[2]),
      period: "9M",
      relative: m[3] ? (/last/i.test(m[3]) ? -1 : 0) : null,
    }),
  },
  {
    // "the first five months of the year", "the first two months of 1987": a run from January (or from the start
    // of a fiscal year) that is a period only when it is three or six months long.
    hint: ["months"],
    re: new RegExp(
      String.raw`\b(?:the\s+)?first\s+(two|three|four|five|six|seven|eight|ten|eleven|\d{1,2})\s+months(?:\s+of\s+(?:(?:fiscal|financial)\s+)?(?:(${YEAR})|(this|last|the|the\s+current)\s+year))?`,
      "gi",
    ),
    make: (m) => {
      const n = /^\d/.test(m[1]) ? Number(m[1]) : MONTHS_IN_RUN[m[1].toLowerCase()];
      if (!n || n < 2 || n > 11) return null;
      const period: Period | null = n === 3 ? "Q1" : n === 6 ? "H1" : n === 9 ? "9M" : null;
      const relative = m[3] ? (/last/i.test(m[3]) ? -1 : 0) : null;
      return period
        ? { year: yearOf(m[2]), period, relative }
        : { year: yearOf(m[2]), period, relative, partial: true };
    },
  },
  {
    hint: ["month", "quarter"],
    re: new RegExp(
      String.raw`\b(?:(first|1st|second|2nd|third|3rd|fourth|4th)[- ](?:fiscal\s+)?)?(?:(?:three|3)[- ]months?|(?:fiscal\s+|financial\s+)?quarter)\s+(?:(?:that|which)\s+)?(?:to|ending|ended|through)\s+(?:in\s+)?(?:the\s+end\s+of\s+)?${DAY_BEFORE}(${MONTHS})${DAY_AFTER}(?:\s+(${YEAR}))?`,
      "gi",
    ),
    // "the third quarter ended December 31": a fiscal quarter keeps the label the text gives it, also when it
    // names the quarter just before ("third quarter sales, for the three months ended January 31").
    make: (m) => {
      // ("the three months to March, the last quarter of its financial year": the label said after it.)
      const named =
        m[1] ??
        FISCAL_LABEL_BEFORE.exec(m.input.slice(Math.max(0, m.index - 50), m.index))?.[1] ??
        FISCAL_LABEL_AFTER.exec(m.input.slice(m.index + m[0].length, m.index + m[0].length + 60))?.[1];
      return {
        year: yearOf(m[3]),
        period: named ? ORDINAL_QUARTERS[named.toLowerCase()] : quarterOfMonth(MONTH_INDEX[m[2].toLowerCase()]),
        relative: null,
      };
    },
  },
  {
    hint: ["six", "6", "half"],
    re: new RegExp(
      String.raw`\b(?:(?:six|6)[- ]months?|half[- ]year)\s+(?:(?:that|which)\s+)?(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?${DAY_BEFORE}(${MONTHS})${DAY_AFTER}(?:\s+(${YEAR}))?`,
      "gi",
    ),
    // Six months reported on their own are the interim, whatever month they end in: a company reports its second
    // half inside its full year ("six months to 31 March" of an October year is its first half).
    // The month it ends in dates it when no year is said, as for a span of months.
    make: (m) => ({ year: yearOf(m[2]), period: "H1", relative: null, month: MONTH_INDEX[m[1].toLowerCase()] }),
  },
  {
    hint: ["year"],
    re: new RegExp(
      String.raw`(?<!\bof\s+(?:its|the|their)\s+(?:(?:financial|fiscal|business)\s+)?|\bhalf[- ])\b(?:(?:financial|fiscal|full|business)\s+)?year(?:,?\s+(?:which|that)\s+(?:ends|ended|will\s+end)\s+(?:in\s+|on\s+)?|\s+(?:to|ending|ended|through)\s+(?:in\s+)?)(?:the\s+end\s+of\s+|end-)?${DAY_BEFORE}(?:${MONTHS})${DAY_AFTER}(?:\s+(${YEAR}))?`,
      "gi",
    ),
    make: (m) => ({ year: yearOf(m[1]), period: "FY", relative: null }),
  },
  {
    hint: ["12", "twelve"],
    // "the 12 months to the end of June 2004": a year however it is counted.
    re: new RegExp(
      String.raw`\b(?:12|twelve)[- ]months?\s+(?:(?:that|which)\s+)?(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?${DAY_BEFORE}(?:${MONTHS})${DAY_AFTER}(?:\s+(${YEAR}))?`,
      "gi",
    ),
    make: (m) => ({ year: yearOf(m[1]), period: "FY", relative: null }),
  },
  {
    hint: ["quarter", "period", "months", "half"],
    // "the July-September quarter", "the April-to-December period": named by the months it spans, which say
    // whether it is a quarter, a half, nine months or a year.
    re: new RegExp(
      String.raw`\b(${MONTHS})\s*(?:[-–]|-to-|\s+to\s+|\s+through\s+)\s*(${MONTHS})(?:\s+(${YEAR}))?\s+(?:quarter|period|months|half)\b`,
      "gi",
    ),
    make: (m) => {
      const from = MONTH_INDEX[m[1].toLowerCase()];
      const to = MONTH_INDEX[m[2].toLowerCase()];
      const span = ((to - from + 12) % 12) + 1;
      // "the October-to-December period, its fiscal third quarter": the label the text gives a quarter.
      const fiscal =
        span === 3 ? FISCAL_LABEL_AFTER.exec(m.input.slice(m.index + m[0].length, m.index + m[0].length + 50)) : null;
      const period: Period | null = fiscal
        ? ORDINAL_QUARTERS[fiscal[1].toLowerCase()]
        : span === 3
          ? quarterOfMonth(to)
          : span === 6
            ? halfEndingIn(to)
            : span === 9
              ? "9M"
              : span === 12
                ? "FY"
                : null;
      // The month it ends in dates it when no year is said: nine months to December end in December.
      return period ? { year: yearOf(m[3]), period, relative: null, month: to } : null;
    },
  },
  {
    hint: /(?:January|February|March|April|May|June|July|August|September|October|November|December)/,
    // "between July and September 2004", "in July-September 2004": the months a quarter or half spans, with no
    // noun after them; only a span of three, six, nine or twelve months is a period.
    re: new RegExp(
      String.raw`\b(?:between\s+(${MONTHS})\s+and\s+(${MONTHS})|(${MONTHS})\s*[-–]\s*(${MONTHS}))(?:\s+(${YEAR}))?(?!\s*(?:quarter|period|months|half)\b)`,
      "gi",
    ),
    make: (m) => {
      const from = MONTH_INDEX[(m[1] ?? m[3]).toLowerCase()];
      const to = MONTH_INDEX[(m[2] ?? m[4]).toLowerCase()];
      const span = ((to - from + 12) % 12) + 1;
      const period: Period | null =
        span === 3 ? quarterOfMonth(to) : span === 6 ? halfEndingIn(to) : span === 9 ? "9M" : span === 12 ? "FY" : null;
      return period ? { year: yearOf(m[5]), period, relative: null, month: to } : null;
    },
  },
  {
    hint: ["quarter"],
    re: new RegExp(
      String.raw`\b(first|1st|second|2nd|third|3rd|fourth|4th|final)[- ]quarter(?:\s+of\s+(?:(?:fiscal\s+|financial\s+)?(${YEAR})|(this|last|next)\s+year))?(?!\s+(?:in\s+a\s+row|running)\b)`,
      "gi",
    ),
    // "for the third quarter in a row", "the fourth quarter running": a count of quarters, not a period.
    make: (m) => ({
      year: yearOf(m[2]),
      period: ORDINAL_QUARTERS[m[1].toLowerCase()],
      relative: m[3] ? { this: 0, last: -1, next: 1 }[m[3].toLowerCase()]! : null,
    }),
  },
  {
    hint: /Q[1-4]/,
    re: new RegExp(String.raw`\b(Q[1-4])\s*(?:'?(\d\d)\b|(${YEAR}))?`, "g"),
    make: (m) => ({
      year: m[3] ? Number(m[3]) : m[2] ? 2000 + Number(m[2]) : null,
      period: m[1] as Period,
      relative: null,
    }),
  },
  {
    hint: /H[12]/,
    re: new RegExp(String.raw`\b(H[12])\s*(?:'?(\d\d)\b|(${YEAR}))?`, "g"),
    make: (m) => ({
      year: m[3] ? Number(m[3]) : m[2] ? 2000 + Number(m[2]) : null,
      period: m[1] as Period,
      relative: null,
    }),
  },
  {
    hint: ["months"],
    // "the first three months of 2005", "the first six months of the year": a quarter or a half by its length.
    re: new RegExp(
      String.raw`\b(first|second|third|last|final)\s+(three|six)\s+months\s+of\s+(?:(${YEAR})|(this|last|next|the)\s+year)`,
      "gi",
    ),
    make: (m) => {
      const which = m[1].toLowerCase();
      const half = m[2].toLowerCase() === "six";
      const last = which === "last" || which === "final";
      const period: Period = half ? (last || which === "second" ? "H2" : "H1") : last ? "Q4" : ORDINAL_QUARTERS[which];
      const relative = m[4]
        ? ({ this: 0, last: -1, next: 1 } as Record<string, number>)[m[4].toLowerCase()]
        : undefined;
      return { year: yearOf(m[3]), period, relative: relative ?? null };
    },
  },
  {
    hint: ["half"],
    re: new RegExp(
      String.raw`\b(first|second)[- ]half(?:\s+of\s+(?:(?:fiscal\s+|financial\s+)?(${YEAR})|(this|last|next)\s+year))?`,
      "gi",
    ),
    make: (m) => ({
      year: yearOf(m[2]),
      period: m[1].toLowerCase() === "first" ? "H1" : "H2",
      relative: m[3] ? { this: 0, last: -1, next: 1 }[m[3].toLowerCase()]! : null,
    }),
  },
  {
    hint: ["half", "interim"],
    re: /\b(?:half[- ]year(?:ly)?|interim)\b/gi,
    make: () => ({ year: null, period: "H1", relative: null }),
  },
  {
    hint: ["fiscal", "financial", "fy"],
    re: new RegExp(String.raw`\b(?:fiscal|financial\s+year|FY)\s*'?(${YEAR}|\d\d)\b`, "gi"),
    make: (m) => ({ year: m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]), period: "FY", relative: null }),
  },
  {
    hint: /\d\s*[/-]\s*\d/,
    re: new RegExp(String.raw`\b(${YEAR})\s*[/-]\s*(\d\d(?:\d\d)?)\b`, "g"),
    make: (m) => ({ year: fiscalEnd(m[1], m[2]), period: "FY", relative: null }),
  },
  {
    hint: ["years"],
    // "over the next three years": a rate for several years, which no single year can carry.
    re: /\b(?:over|in|during|for)\s+the\s+(?:next|coming|past|last)\s+(?:two|three|four|five|ten|\d+|few|several)\s+years\b|\bin\s+(?:the\s+)?coming\s+years\b/gi,
    make: () => ({ year: null, period: "FY", relative: null, open: true }),
  },
  {
    hint: ["year", "annual"],
    re: /\b(?:full[- ]year|annual|whole[- ]year|yearly)\b|\b(?:for|over|during|in)\s+the\s+(?:whole\s+|full\s+)?(?:fiscal\s+|financial\s+)?year\b(?!\s+(?:(?:to|ending|ended)\s+(?:\d|the\s+end|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|before|earlier|ago)|-(?:ago|earlier|before|on)\b)/gi,
    make: () => ({ year: null, period: "FY", relative: null }),
  },
  {
    hint: ["year"],
    re: /\ba\s+year\s+(?:earlier|ago|before)\b|\b(this|last|next|the\s+previous|the\s+past|the\s+current)\s+(?:(?:financial|fiscal|business)\s+)?year(?:'s)?|\byear[- ](?:earlier|ago|before)\b|\bprevious\s+year\b|\byear[- ]on[- ]year\b/gi,
    make: (m) => {
      const w = m[0].toLowerCase();
      if (/^(a|the past) year$/.test(w)) return null;
      if (/earlier|ago|before|previous|on[- ]year/.test(w)) return { year: null, period: null, relative: -1 };
      if (/^(this|the current)/.test(w)) return { year: null, period: null, relative: 0 };
      if (/^next/.test(w)) return { year: null, period: null, relative: 1 };
      return { year: null, period: null, relative: -1 };
    },
  },
  {
    // "sold 1,815 cars in February", "for the month of March", "late-March": one month, a period of its own.
    hint: /(?:January|February|March|April|May|June|July|August|September|October|November|December)/,
    re: new RegExp(
      String.raw`(?:(?<=\b(?:in|during|for|of)\s+)(?:the\s+month\s+of\s+|late[- ]|early[- ]|mid-)?|\b(?=(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:sales|deliveries|shipments)\b))(January|February|March|April|May|June|July|August|September|October|November|December)(?!\s+\d{1,2}\b)(?:\s+(?:of\s+)?(${YEAR}))?\b`,
      "g",
    ),
    // "the third quarter, which ends in late June": the month a named period ends in, not a month of its own; "a
    // cola that launched in March": a month of the company's history.
    make: (m) =>
      PERIOD_ENDS_IN.test(m.input.slice(Math.max(0, m.index - 30), m.index)) ||
      (!m[2] && FOUNDED_BEFORE.test(m.input.slice(Math.max(0, m.index - 90), m.index)))
        ? null
        : { year: yearOf(m[2]), period: null, relative: null, month: MONTH_INDEX[m[1].toLowerCase()] },
  },
  {
    // "in the 12 weeks to 10 October": a run of weeks, dated by the month it ends in; no period label fits it.
    hint: ["weeks"],
    re: new RegExp(
      String.raw`\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|sixteen|seventeen|eighteen|twenty)\s+weeks\s+(?:to|ending|ended|through)\s+${DAY_BEFORE}(${MONTHS})${DAY_AFTER}(?:\s+(${YEAR}))?`,
      "gi",
    ),
    // A retailer's year of 52 or 53 weeks is its full year; 13 weeks are a quarter, named by the month they end in;
    // 26 weeks its half.
    make: (m) => {
      const weeks = Number(m[1]);
      const month = MONTH_INDEX[m[2].toLowerCase()];
      if (weeks === 52 || weeks === 53) return { year: yearOf(m[3]), period: "FY", relative: null, month };
      // "the 13 weeks to 25 December, its fiscal third quarter": the label the text gives it.
      const fiscal = FISCAL_LABEL_AFTER.exec(m.input.slice(m.index + m[0].length, m.index + m[0].length + 50));
      if (weeks === 13 || weeks === 14)
        return {
          year: yearOf(m[3]),
          period: fiscal ? ORDINAL_QUARTERS[fiscal[1].toLowerCase()] : (`Q${Math.ceil(month / 3)}` as Period),
          relative: null,
          month,
        };
      // 26 weeks are a retailer's half, reported as the interim is, as six months are.
      if (weeks === 26 || weeks === 27) return { year: yearOf(m[3]), period: "H1", relative: null, month };
      return { year: yearOf(m[3]), period: null, relative: null, month };
    },
  },
  {
    // "62% at the end of 2003": a point in time, at which a share or stake is held; the month (December) keeps it
    // from reading as the whole year.
    hint: ["end of", "end-", "year end", "year-end"],
    re: new RegExp(String.raw`\b(?:end(?:[- ]of\s+|-)(${YEAR})|year[- ]end\s+(${YEAR}))\b`, "g"),
    make: (m) => ({ year: yearOf(m[1] ?? m[2]), period: null, relative: null, month: 12 }),
  },
  {
    // "stood at 14.2% at the end of the year": the December the article speaks of, dated as any December is.
    hint: ["end of the year"],
    re: /\bat\s+the\s+end\s+of\s+the\s+year\b/gi,
    make: () => ({ year: null, period: null, relative: null, month: 12 }),
  },
  {
    // "by December 2004", "as of June 30, 2025", "at 30 September": a point in a month; without a year, the
    // article's date settles which.
    hint: /\b(?:by|at|of)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i,
    re: new RegExp(
      String.raw`\b(?:by|at|as\s+of)\s+(?:the\s+end\s+of\s+)?${DAY_BEFORE}(${MONTHS})${DAY_AFTER}(?:\s+(${YEAR}))?\b`,
      "gi",
    ),
    make: (m) => ({ year: yearOf(m[2]), period: null, relative: null, month: MONTH_INDEX[m[1].toLowerCase()] }),
  },
  {
    // "sales for all of last month": the month before the article's (month -1, dated from the article's date).
    hint: ["month"],
    re: /\b(?:last|previous|past)\s+month\b/gi,
    make: () => ({ year: null, period: null, relative: null, month: -1 }),
  },
  {
    // "For the current quarter, it forecast revenue of ...": the quarter under way, dated once the article's date is
    // known.
    hint: ["quarter"],
    re: /\b(?:the\s+current|this)\s+(?:fiscal\s+)?quarter\b(?!\s+of\b)/gi,
    make: () => ({ year: null, period: null, relative: null, current: true }),
  },
  {
    // "revenue for the December quarter": the quarter that ends in that month.
    hint: ["quarter"],
    re: new RegExp(String.raw`\bthe\s+(${MONTHS})(?:\s+(${YEAR}))?\s+quarter\b`, "gi"),
    // "the December quarter, its fiscal third quarter": the label the text gives it, as for "ended December 31".
    make: (m) => {
      const fiscal = FISCAL_LABEL_AFTER.exec(m.input.slice(m.index + m[0].length, m.index + m[0].length + 50));
      return {
        year: yearOf(m[2]),
        period: fiscal ? ORDINAL_QUARTERS[fiscal[1].toLowerCase()] : quarterOfMonth(MONTH_INDEX[m[1].toLowerCase()]),
        relative: null,
        month: MONTH_INDEX[m[1].toLowerCase()],
      };
    },
  },
  {
    // "For the quarter, revenue rose 12%": the quarter just ended, dated once the article's date is known.
    hint: ["quarter"],
    re: /\bthe\s+(?:latest\s+|recent\s+|most\s+recent\s+|just[- ]ended\s+|past\s+)?quarter\b(?!\s+(?:of|ended|ending|to|through)\b|['’]s)/gi,
    make: () => ({ year: null, period: null, relative: null, latest: true }),
  },
  {
    hint: /(?:19|20)\d\d/,
    re: new RegExp(
      String.raw`(?<![\d$€£.,/-])(${YEAR})(?![\d%]|s\b|['’]s\b|\s*(?:/|-)\s*\d|\s?(?:bn|m|million|billion)\b)`,
      "g",
    ),
    // "founded in 1952", "which he started in a garage in 1978": a company's history, no period of a figure.
    make: (m) =>
      FOUNDED_BEFORE.test(m.input.slice(Math.max(0, m.index - 90), m.index))
        ? null
        : { year: Number(m[1]), period: null, relative: null },
  },
];

const PERIOD_ENDS_IN = endAnchored(/\b(?:ends?|ended|ending)\s+in\s+(?:late\s+|early\s+|mid-)?$/i);

// ("its US business, bought in 2002, had sales of $142m": a purchase told in an aside is history too.)
const FOUNDED_BEFORE = endAnchored(
  /(?:\b(?:founded|established|started|set\s+up|launched|created|formed|incorporated|born|floated|listed|privatised|privatized)\b(?:\s+[\w-]+){0,10}?\s+(?:in|since)|,\s+(?:bought|acquired|purchased)(?:\s+[\w-]+){0,4}?\s+in)\s+$/i,
);

const BASE_BEFORE = endAnchored(
  /\b(?:compared\s+(?:with|to)|(?:in\s+)?line\s+with|from|against|versus|vs\.?|over|(?<!(?:more|less|fewer|rather|higher|lower|better|worse)\s)than(?:\s+in)?|(?:more|less|fewer|higher|lower)\s+than\s+in|(?<!\bbased\s)on|since|above|below)\s+(?:the\s+|a\s+|its\s+)?(?:same\s+)?(?:period\s+(?:in|of)\s+)?$/i,
);
/** "over the first nine months", "over the quarter": a span the figure covers, not a base ("up 4% over 2003"). */
const OVER_BEFORE = endAnchored(/\bover\s+(?:the\s+)?$/i);
const SPAN_TEXT =
  /^(?:the\s+)?(?:first|past|full|whole|latest|last\s+(?:three|six|nine|twelve)|(?:three|six|nine|twelve|\d+)[- ](?:months?|weeks?)|quarter|half|(?:fiscal\s+|financial\s+)?year\s+(?:to|ended|ending))/i;
const TARGET_BEFORE = endAnchored(
  /\b(?:by|until|through|before|by\s+the\s+end\s+of|by\s+end[- ]|in\s+time\s+for)\s+(?:the\s+)?$/i,
);

/** Whether a rule's hint holds. A case-insensitive regex only ever matches ASCII letters to ASCII letters, so any
 * sentence it matches has the hint word in its lower-cased form. */
function mayMatch(hint: Rule["hint"], sentence: string, present: ReadonlySet<string>): boolean {
  if (!Array.isArray(hint)) return hint.test(sentence);
  for (const word of hint) if (present.has(word)) return true;
  return false;
}

/** Every hint word of the rules, and for each the hint words it starts with ("year end": "year"). */
const HINT_WORDS = [...new Set(RULES.flatMap((r) => (Array.isArray(r.hint) ? r.hint : [])))];
const STARTING: ReadonlyMap<string, string[]> = new Map(
  HINT_WORDS.map((w) => [w, HINT_WORDS.filter((u) => w.startsWith(u))]),
);
/**
 * At each place, the longest hint word that starts there. Words that overlap are all seen because the scan goes on
 * from the place after each match's start, not its end; a plain alternation finds the same word at the same place
 * as a look-ahead did, and irregexp finds its first letters faster.
 */
const HINT_AT = new RegExp(`(${alternation(HINT_WORDS)})`, "g");

/**
 * The hint words a lower-cased sentence holds, found in one scan rather than searched for one by one (a word found
 * at a place is the longest there; any shorter one there starts it).
 */
function hintWordsIn(lower: string): Set<string> {
  const present = new Set<string>();
  HINT_AT.lastIndex = 0;
  for (let m = HINT_AT.exec(lower); m; m = HINT_AT.exec(lower)) {
    for (const w of STARTING.get(m[1])!) present.add(w);
    HINT_AT.lastIndex = m.index + 1;
  }
  return present;
}

/** Time expressions in a sentence, longest first where they overlap, with the role their context gives them. */
export function findTimes(sentence: string): TimeExpr[] {
  const found: TimeExpr[] = [];
  const lower = sentence.toLowerCase();
  // Where two readings overlap, the longer wins ("the first nine months of fiscal 2026" over "fiscal 2026"); of two
  // as long, the rule listed first.
  const candidates: Array<{ order: number; rule: Rule; m: RegExpMatchArray }> = [];
  const present = hintWordsIn(lower);
  for (const [order, rule] of RULES.entries()) {
    if (!mayMatch(rule.hint, sentence, present)) continue;
    for (const m of allMatches(rule.re, sentence)) candidates.push({ order, rule, m });
  }
  candidates.sort((a, b) => b.m[0].length - a.m[0].length || a.order - b.order);
  for (const { rule, m } of candidates) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (found.some((t) => t.start < end && start < t.end)) continue;
    const made = rule.make(m as unknown as RegExpExecArray);
    if (!made) continue;
    const before = sentence.slice(Math.max(0, start - 40), start);
    const text = m[0];
    // "Its rival sold 300,000 in the same period": the period just spoken of, which the finders of time carry;
    // only "from the same period", "the same period a year earlier" compare with the year before.
    if (BARE_SAME_PERIOD.test(text) && !BASE_BEFORE.test(before) && /\b(?:in|during|over)\s+$/i.test(before)) continue;
    // "said last month that turnover had risen 9% in 2004": when it was said, not when the figure was.
    if (SAID_BEFORE.test(before) && /^\s*,?\s*that\b/i.test(sentence.slice(end, end + 8))) continue;
    let role: TimeRole = "point";
    const clauseBefore = sentence.slice(Math.max(0, start - 90), start);
    if (
      /same|earlier|ago|before|previous|on[- ]year/i.test(text) ||
      (BASE_BEFORE.test(before) && !(OVER_BEFORE.test(before) && SPAN_TEXT.test(text))) ||
      BASE_FIGURE_BEFORE.test(clauseBefore) ||
      BASE_FIGURE_JUST_BEFORE.test(before)
    )
      role = "base";
    // "by the end of March 2005" read whole: the deadline's words are inside the expression ("by December 2004"
    // alone stays a point, as it always read: "slipped to 12.1% by December 2004").
    else if (TARGET_BEFORE.test(before) || /^by\s+the\s+end\s+of\s/i.test(text)) role = "target";
    const expr: TimeExpr = { year: made.year, period: made.period, relative: made.relative, start, end, role, text };
    if (made.open) expr.open = made.open;
    if (made.latest) expr.latest = true;
    if (made.current) expr.current = true;
    if (made.month) expr.month = made.month;
    if (made.partial) expr.partial = true;
    found.push(expr);
  }
  return sameQuarterSpelledOut(
    sentence,
    found.sort((a, b) => a.start - b.start),
  );
}

// "its fiscal second quarter, the three months ended in September": the months say when the quarter named ends.
const APPOSITION = /^\s*,\s*(?:the|which\s+(?:is|was|were|are))\s+$/i;

/**
 * A quarter spelled out as a span of time. Top-level functions rather than closures per call: tsx, which runs the
 * importers, names every closure it creates, and that cost more than the whole step.
 */
const spelledQuarter = (t: TimeExpr | undefined) =>
  t !== undefined && /^(?:(?:three|3)\s+months|1[34]\s+weeks)\b/i.test(t.text);

/** A quarter named by its place in a fiscal year; 13 weeks beside any named quarter are that quarter. */
const namedQuarter = (sentence: string, t: TimeExpr | undefined, other: TimeExpr) =>
  t?.period?.startsWith("Q") &&
  /\bquarter\b/i.test(t.text) &&
  (/^1[34]\s+weeks/i.test(other.text) ||
    /\bfiscal\s+\w+\s+quarter\b/i.test(sentence.slice(Math.max(0, t.start - 8), t.end)));

function sameQuarterSpelledOut(sentence: string, times: TimeExpr[]): TimeExpr[] {
  const out = [...times];
  for (let i = out.length - 1; i >= 0; i--) {
    const t = out[i];
    if (!spelledQuarter(t) || !t.period?.startsWith("Q")) continue;
    // "its fiscal second quarter, the three months ended in September"; "the 13 weeks to 28 May, the first quarter".
    const before = out[i - 1];
    const after = out[i + 1];
    const at =
      before && namedQuarter(sentence, before, t) && APPOSITION.test(sentence.slice(before.end, t.start))
        ? i - 1
        : after && namedQuarter(sentence, after, t) && APPOSITION.test(sentence.slice(t.end, after.start))
          ? i + 1
          : -1;
    if (at < 0) continue;
    // The quarter keeps the month it ends in, which dates it.
    out[at] = { ...out[at], year: out[at].year ?? t.year, ...(t.month ? { month: t.month } : {}) };
    out.splice(i, 1);
  }
  return out;
}
