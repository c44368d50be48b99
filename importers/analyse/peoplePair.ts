import { FIRST_NAMES } from "../lexicons/people";
import { allMatches } from "../lexicons/regex";
import type { Mention } from "./mentions";

const PERSON_NAME = String.raw`(?:[A-Z][A-Za-z'’.-]*\s+){1,2}[A-Z][a-z][A-Za-z'’-]*`;
const PEOPLE_PAIR = new RegExp(String.raw`\b(${PERSON_NAME})\s+and\s+(${PERSON_NAME})\b`, "g");
/** "JP Keane": initials open a person's name. */
const PERSON_OPENER = /^(?:[A-Z]\.?){1,3}$/;

function looksLikePersonName(name: string, people: ReadonlyMap<string, string>): boolean {
  const words = name.split(/\s+/);
  return (
    FIRST_NAMES.has(words[0]) ||
    PERSON_OPENER.test(words[0]) ||
    // Full names are kept by family name: a full name among them has its family name among the keys.
    people.has(words.at(-1)!)
  );
}

/** "the tycoons Jane Porter and Tom Keane": two people a later "They own 29%" may mean. */
export function peoplePairIn(text: string, people: ReadonlyMap<string, string>): Mention | null {
  let found: Mention | null = null;
  // The pair is joined by "and": most sentences without it need no scan.
  if (!text.includes("and")) return null;
  for (const m of allMatches(PEOPLE_PAIR, text)) {
    if (looksLikePersonName(m[1], people) && looksLikePersonName(m[2], people))
      found = { start: 0, end: 0, company: `${m[1]} + ${m[2]}`, surfaces: [], how: "name", possessive: false };
  }
  return found;
}
