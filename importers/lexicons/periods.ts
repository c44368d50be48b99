import type { Period } from "../types";

export const ORDINAL_QUARTERS: Record<string, Period> = {
  first: "Q1",
  "1st": "Q1",
  second: "Q2",
  "2nd": "Q2",
  third: "Q3",
  "3rd": "Q3",
  fourth: "Q4",
  "4th": "Q4",
  final: "Q4",
  last: "Q4",
};

/** The quarter or half a calendar period ends in ("three months to September" -> Q3). */
export const MONTH_INDEX: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Words that open the figure a new one is compared with ("up from 1.5 mln", "after 980,000 last year"). */
export const BASE_WORDS = ["from", "against", "compared", "versus", "vs", "vs.", "after"];

/** "from a loss of 210m euros in 2010", "from £2.1bn ($3.4bn) in 2010", "after 6.3bn euros in 2004": a base year after a base figure. */
// "from a year earlier to 298 million units in the quarter": after "to", the figure is the new level, not the base.
export const BASE_FIGURE_BEFORE =
  /(?:\b(?:from|compared\s+(?:with|to)|against|(?<!(?:more|less|fewer|rather|higher|lower|better|worse)\s)than|versus)\s+(?:(?:a|an|the|its|their)\s+)?(?:(?!to\s)[\w-]+\s+){0,3}?|\bafter\s+)(?:of\s+)?(?:[A-Z]{0,3}[$€£¥]|Rs\.?\s?)?\d[\d.,]*\s*(?:bn|m|mn|million|billion|tn|%|per\s?cent)?\s*(?:\([^)]*\)\s*)?(?:[a-z]+\s+){0,2}?(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth|final|last|same)\s+(?:half|quarter|(?:three|six|nine)\s+months|period)\s+of\s+)?$/i;

/** "rose to 102.1 mln dlrs from 1.5 mln dlrs last year": a time said right after the base figure is the base's. */
export const BASE_FIGURE_JUST_BEFORE =
  /\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:about\s+)?(?:[A-Z]{0,3}[$€£¥])?\d[\d.,]*\s*(?:bn|m|mn|mln|bln|million|billion|tn|%|pct|per\s?cent)?(?:\s+(?:dlrs|stg|yen|crowns|marks|francs|guilders|euros|pounds|dollars))?\s+$/i;

/** Month names as written, January first. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
