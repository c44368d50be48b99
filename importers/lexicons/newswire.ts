import type { Period } from "../types";

/** Row labels of an earnings table whose figures are the company's revenue ("Revs 12.3 mln vs 10.1 mln"). */
export const REVENUE_ROW_LABELS = [
  "revs",
  "revenues",
  "revenue",
  "sales",
  "net sales",
  "total sales",
  "total revenues",
  "total revenue",
  "operating revenues",
  "gross revenues",
  "turnover",
  "net turnover",
  "group turnover",
  "group sales",
  "consolidated sales",
];

/** Words of a table heading or a headline that name the period a table reports ("Nine mths", "4TH QTR"). */
export const TABLE_PERIOD_WORDS: Record<string, Period> = {
  "1st qtr": "Q1",
  "2nd qtr": "Q2",
  "3rd qtr": "Q3",
  "4th qtr": "Q4",
  "first qtr": "Q1",
  "second qtr": "Q2",
  "third qtr": "Q3",
  "fourth qtr": "Q4",
  "half year": "H1",
  "half-year": "H1",
  "1st half": "H1",
  "first half": "H1",
  "2nd half": "H2",
  "second half": "H2",
  "six mths": "H1",
  "six months": "H1",
  "6 mths": "H1",
  "nine mths": "9M",
  "nine months": "9M",
  "9 mths": "9M",
  "12 mths": "FY",
  "twelve mths": "FY",
  year: "FY",
  "fiscal year": "FY",
};

/** The month a calendar period ends in, for tables that do not say ("4th qtr" of a calendar year ends in December). */
export const CALENDAR_END_MONTH: Record<Period, number> = {
  Q1: 3,
  Q2: 6,
  Q3: 9,
  Q4: 12,
  H1: 6,
  H2: 12,
  "9M": 9,
  FY: 12,
};

/** Words of a newswire headline that end the company's name ("ACME GROUP NET UP 17.6 PCT": the name is ACME GROUP). */
export const HEADLINE_NAME_ENDS = [
  "NET",
  "LOSS",
  "PROFIT",
  "EARNINGS",
  "SALES",
  "REVENUES",
  "REVS",
  "TURNOVER",
  "RESULTS",
  "UP",
  "DOWN",
  "RAISES",
  "CUTS",
  "SEES",
  "SAYS",
  "SETS",
  "HAS",
  "TO",
  "IN",
  "OPER",
  "SHR",
  "DIVIDEND",
  "DIV",
  "PAYOUT",
];
