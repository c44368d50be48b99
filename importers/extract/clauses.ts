import { allMatches } from "../lexicons/regex";

/**
 * Clause boundaries: a figure's subject, metric and time are looked for inside its clause. The stop of an
 * abbreviation ("Sept. 30", "Corvan Inc. said", "U.S. sales") ends no clause.
 */
// "... and both companies broke even in 2003": "and" opening a new subject opens a new clause. ("Turnover, however,
// rose 2%": "however" set off by commas is an aside inside the clause.)
const CLAUSE_BREAK =
  /;|,?\s(?:but|while|whereas|although|though|however(?!\s*,)|meanwhile)\b|,?\s+and\s+(?=(?:both|it|its|they|their|the\s+(?:company|firm|group))\b)|(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|St|No|vs|[A-Z]))\.\s/gi;

/** Breaks inside brackets ("(£600m; $1.1bn)") do not end a clause. */
function insideBrackets(text: string, pos: number): boolean {
  const open = text.lastIndexOf("(", pos);
  return open >= 0 && text.lastIndexOf(")", pos) < open;
}

interface ClauseBreak {
  start: number;
  end: number;
}

// Every figure and time of a sentence asks for its clause, several times over: the sentence is scanned once.
let scannedText = "";
let scannedBreaks: ClauseBreak[] = [];

/** The clause breaks of a text that stand outside brackets, in order. */
function clauseBreaks(text: string): ClauseBreak[] {
  if (text === scannedText) return scannedBreaks;
  const out: ClauseBreak[] = [];
  for (const m of allMatches(CLAUSE_BREAK, text)) {
    if (!insideBrackets(text, m.index)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  scannedText = text;
  scannedBreaks = out;
  return out;
}

export function clauseAround(text: string, pos: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const b of clauseBreaks(text)) {
    if (b.end <= pos) start = b.end;
    else if (b.start >= pos) {
      end = b.start;
      break;
    }
  }
  return { start, end };
}

const RELATIVE_OPEN = /,\s*(?:which|who)\s[^,]*$/i;

/**
 * "Corvan, which had turnover of £23bn last year, wants ...": where a relative clause opened between `from` and
 * `at` closes, the first comma at or after `after`; -1 when no such clause is open at `at`, or it never closes.
 */
export function relativeClauseEnd(text: string, from: number, at: number, after: number): number {
  return RELATIVE_OPEN.test(text.slice(from, at)) ? text.indexOf(",", after) : -1;
}
