import { allMatches } from "../lexicons/regex";

/** Clause boundaries: a figure's subject, metric and time are looked for inside its clause. */
// "... and both companies broke even in 2003": "and" opening a new subject opens a new clause.
const CLAUSE_BREAK =
  /;|,?\s(?:but|while|whereas|although|though|however|meanwhile)\b|,?\s+and\s+(?=(?:both|it|its|they|their|the\s+(?:company|firm|group))\b)|\.\s/gi;

/** Breaks inside brackets ("(£600m; $1.1bn)") do not end a clause. */
function insideBrackets(text: string, pos: number): boolean {
  const open = text.lastIndexOf("(", pos);
  return open >= 0 && text.lastIndexOf(")", pos) < open;
}

export function clauseAround(text: string, pos: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of allMatches(CLAUSE_BREAK, text)) {
    if (insideBrackets(text, m.index)) continue;
    const bStart = m.index;
    const bEnd = m.index + m[0].length;
    if (bEnd <= pos) start = bEnd;
    else if (bStart >= pos) {
      end = bStart;
      break;
    }
  }
  return { start, end };
}
