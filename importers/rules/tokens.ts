import type { Mention } from "../analyse/mentions";
import type { Quantity } from "../recognise/quantities";
import type { TimeExpr } from "../recognise/time";
import { wordBounds } from "./words";

/**
 * One token of a sentence, as every rule sees it. Words are laid down once per sentence; the recognisers' typed
 * tokens (figures, times, company mentions) then cover the words they span, so that a rule asks "a money figure"
 * or "a company" rather than re-reading the characters.
 */
export type Token =
  | { type: "word"; start: number; end: number; text: string; lower: string }
  | { type: "quantity"; start: number; end: number; text: string; lower: string; quantity: Quantity }
  | { type: "time"; start: number; end: number; text: string; lower: string; time: TimeExpr }
  | { type: "mention"; start: number; end: number; text: string; lower: string; mention: Mention }
  | { type: "person"; start: number; end: number; text: string; lower: string; person: string };

/** A person the article names, who may hold a stake ("Tom Keane", with the full name when only the family name is written). */
export interface PersonSpan {
  start: number;
  end: number;
  name: string;
}

const ABBREVIATION = /^(?:[\p{L}\p{N}]+\.)*[\p{L}\p{N}]\.$|\.[\p{L}].*\.$|^[A-Z][a-z]{0,3}\.$|^[Vv]s\.$/u;

/** A typed token waiting to be laid over the words: plain data, no closure per span (closures cost under tsx). */
type Span =
  | { start: number; end: number; type: "person"; person: string }
  | { start: number; end: number; type: "quantity"; quantity: Quantity }
  | { start: number; end: number; type: "time"; time: TimeExpr }
  | { start: number; end: number; type: "mention"; mention: Mention };

function tokenOf(span: Span, text: string): Token {
  const { start, end } = span;
  const lower = text.toLowerCase();
  switch (span.type) {
    case "person":
      return { type: "person", start, end, text, lower, person: span.person };
    case "quantity":
      return { type: "quantity", start, end, text, lower, quantity: span.quantity };
    case "time":
      return { type: "time", start, end, text, lower, time: span.time };
    case "mention":
      return { type: "mention", start, end, text, lower, mention: span.mention };
  }
}

/**
 * Lays the typed tokens over the words. Where two typed tokens overlap, the longer one stays: a year inside a
 * time expression is the time, "$3bn" inside nothing else is the figure.
 */
export function tokenize(
  sentence: string,
  quantities: Quantity[],
  times: TimeExpr[],
  mentions: Mention[],
  people: PersonSpan[] = [],
): Token[] {
  const spans: Span[] = [];
  for (const p of people) spans.push({ start: p.start, end: p.end, type: "person", person: p.name });
  for (const q of quantities) if (!q.isYear) spans.push({ start: q.start, end: q.end, type: "quantity", quantity: q });
  for (const t of times) spans.push({ start: t.start, end: t.end, type: "time", time: t });
  for (const m of mentions) spans.push({ start: m.start, end: m.end, type: "mention", mention: m });
  spans.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Span[] = [];
  for (const s of spans) {
    const last = kept.at(-1);
    if (!last || s.start >= last.end) kept.push(s);
    else if (s.end - s.start > last.end - last.start) kept[kept.length - 1] = s;
  }
  const tokens: Token[] = [];
  let k = 0;
  const bounds = wordBounds(sentence);
  for (let w = 0; w < bounds.length; w += 2) {
    const start = bounds[w];
    const end = bounds[w + 1];
    while (k < kept.length && kept[k].end <= start) k++;
    const span = kept[k];
    if (span && span.start < end && start < span.end) {
      // The typed token is emitted once, at its first word; the words it covers are skipped.
      if (tokens.at(-1)?.start !== span.start || tokens.at(-1)?.type === "word")
        tokens.push(tokenOf(span, sentence.slice(span.start, span.end)));
      continue;
    }
    const word = sentence.slice(start, end);
    // The angle brackets around a newswire name or ticker ("<Acme Corp>") are no words of the sentence.
    if (word === "<" || word === ">") continue;
    // A closing stop stays on an abbreviation ("U.S.", "Corp.", "vs.") and is its own token after any other word.
    if (word.length > 1 && word.endsWith(".") && !ABBREVIATION.test(word)) {
      const bare = word.slice(0, -1);
      tokens.push({ type: "word", start, end: end - 1, text: bare, lower: bare.toLowerCase() });
      tokens.push({ type: "word", start: end - 1, end, text: ".", lower: "." });
      continue;
    }
    tokens.push({ type: "word", start, end, text: word, lower: word.toLowerCase() });
  }
  return tokens;
}

/** The figure a token stands for, if it is one. */
export const quantityOf = (t: Token | undefined): Quantity | null => (t?.type === "quantity" ? t.quantity : null);
