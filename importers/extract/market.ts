import { PLACES } from "../lexicons/companies";
import { allMatches, escapeRegExp } from "../lexicons/regex";

const PLACE_RE = new RegExp(
  String.raw`\b(${Object.keys(PLACES)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})\b`,
  "i",
);

/** Names a market from the words around "market": a place if one is said, else the words before it. */
export function marketName(phrase: string): string | null {
  const whole = phrase.trim().toLowerCase();
  if (PLACES[whole]) return PLACES[whole];
  const place = PLACE_RE.exec(phrase);
  if (place) return PLACES[place[1].toLowerCase()];
  const words = phrase
    .replace(/\b(?:the|its|their|a|an|of|in|market|share|total|overall)\b/gi, " ")
    .trim()
    .replace(/\s+/g, " ");
  return words || null;
}

/** The market phrase after a share: "of the Russian market", "of the UK mobile phone market", "in Europe". */
export function marketAfter(text: string): string | null {
  const of = /^\s*(?:share\s+)?(?:of|in)\s+(?:the\s+)?([A-Za-z\s'’-]{0,40}?)\s*market\b/i.exec(text);
  // "in 1986 and has 18 pct of the Nordic market": a clause of its own, not the words of one market.
  if (of && !/\b(?:of|and|has|have|had|is|was)\b/i.test(of[1])) return marketName(of[1]) ?? "total";
  const inPlace = /^[^.;]{0,30}?\bin\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)/.exec(text);
  if (inPlace) {
    const key = inPlace[1].toLowerCase();
    if (PLACES[key]) return PLACES[key];
  }
  return null;
}

const IN_PLACE = /\b[Ii]n\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)/g;

/** A place named with "in" anywhere in a clause ("In China, ...", "... in Europe"). */
export function placeIn(text: string): string | null {
  for (const m of allMatches(IN_PLACE, text)) {
    const key = m[1].toLowerCase();
    if (PLACES[key]) return PLACES[key];
    const first = key.split(" ")[0];
    if (PLACES[first]) return PLACES[first];
  }
  return null;
}
