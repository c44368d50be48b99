import { escapeRegExp } from "../lexicons/regex";
import { FORECAST_CUES, TARGET_CUES } from "../lexicons/status";
import type { Status } from "../types";

const TARGET_RE = new RegExp(String.raw`\b(?:${TARGET_CUES.map(escapeRegExp).join("|")})\b`, "i");
const FORECAST_RE = new RegExp(String.raw`\b(?:${FORECAST_CUES.map(escapeRegExp).join("|")})\b`, "i");

/** Reads the status from the clause up to a little past the figure; a year after publication is a forecast. */
export function statusOf(clauseText: string, year: number | null, publishedYear: number | null): Status {
  if (TARGET_RE.test(clauseText)) return "target";
  if (FORECAST_RE.test(clauseText)) return "forecast";
  if (year !== null && publishedYear !== null && year > publishedYear) return "forecast";
  return "actual";
}
