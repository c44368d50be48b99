import type { Token } from "./tokens";

/**
 * A piece is what one `{NAME}` of a rule stands for: a word list (phrases of one or more words, from the
 * lexicons) or a test on one token (a money figure, a company mention).
 */
/** A token test sees its neighbours: "in Corvan, which owns" makes Corvan a subject after all. */
export type TokenTest = (t: Token, before: Token | undefined, tokens: readonly Token[], at: number) => boolean;

/**
 * A token test may name what a sentence must hold for it to pass at all ("quantity:percent", "mention",
 * "person"): a pattern whose pieces a sentence cannot satisfy is not tried on it.
 */
export type Piece = { phrases: readonly string[] } | { test: TokenTest; needs?: readonly string[] };

type Element =
  | {
      kind: "phrases";
      label: string | null;
      optional: boolean;
      /** The phrases by their first word, longest first: a token is looked up, not compared with every phrase. */
      byFirst: ReadonlyMap<string, string[][]>;
      name: string;
    }
  | {
      kind: "test";
      label: string | null;
      optional: boolean;
      test: TokenTest;
      name: string;
    }
  | { kind: "gap"; max: number; label: string | null; afterHolder: boolean };

export interface CompiledPattern {
  source: string;
  elements: Element[];
  /** `^` first: the match must open the sentence; `$` last: it must close it (a final stop aside). */
  anchoredStart: boolean;
  anchoredEnd: boolean;
  /** How much the pattern pins down: each word or piece counts, optional parts do not, long gaps count against. */
  specificity: number;
  /** For each required element, what a sentence must hold for it (any one of the words or features). */
  requires: Array<ReadonlySet<string>>;
}

/** "quantity:percent" and the like, made once per kind rather than once per figure. */
const QUANTITY_FEATURES = new Map<string, string>();
function quantityFeature(kind: string): string {
  let feature = QUANTITY_FEATURES.get(kind);
  if (feature === undefined) {
    feature = `quantity:${kind}`;
    QUANTITY_FEATURES.set(kind, feature);
  }
  return feature;
}

/** What a sentence holds, for the quick test of whether a pattern can match it at all. */
export function sentenceFeatures(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    out.add(t.lower);
    if (t.type === "quantity") out.add(quantityFeature(t.quantity.kind));
    else if (t.type !== "word") out.add(t.type);
  }
  return out;
}

/** Whether a sentence holds something for every element the pattern requires. */
export function mayMatch(p: CompiledPattern, features: ReadonlySet<string>): boolean {
  for (const any of p.requires) if (!intersects(any, features)) return false;
  return true;
}

/** Whether two sets share an element, walking the smaller one. */
function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size > b.size) return intersects(b, a);
  for (const x of a) if (b.has(x)) return true;
  return false;
}

export interface Match {
  /** Token indices: the first matched and one past the last. */
  from: number;
  to: number;
  captures: Record<string, Token[]>;
  specificity: number;
}

const splitWords = (phrase: string) => phrase.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Compiles "holder:{COMPANY} said? it? {OWN_VERB} ...3 figure:{PERCENT} of held:{COMPANY}" against named
 * pieces. `?` makes an element optional, `a|b` is a choice of words, `...N` skips up to N tokens (4 if N is
 * left out) and `label:` keeps what an element (or a skip) matched. An unknown piece is an error at start-up, not a rule that
 * silently never fires.
 */
export function compilePattern(
  source: string,
  pieces: Record<string, Piece>,
  /** Whether a gap right after the holder may skip an apposition whole (the stake rules'). */
  options: { appositions?: boolean } = {},
): CompiledPattern {
  const elements: Element[] = [];
  const requires: Array<ReadonlySet<string>> = [];
  let specificity = 0;
  const words = source.trim().split(/\s+/);
  const anchoredStart = words[0] === "^";
  const anchoredEnd = words.at(-1) === "$";
  for (const raw of words.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined)) {
    const gap = /^(?:([a-z]\w*):)?\.\.\.(\d*)$/.exec(raw);
    if (gap) {
      const max = gap[2] ? Number(gap[2]) : 4;
      const last = elements.at(-1);
      // ("Corvan's, which was founded in 1921, is still 14% owned by": the company held may open the sentence too.)
      const afterHolder =
        Boolean(options.appositions) && last?.kind !== "gap" && (last?.label === "holder" || last?.label === "held");
      elements.push({ kind: "gap", max, label: gap[1] ?? null, afterHolder });
      // A long skip pins the match down less than a word does: "revenue ...16 $5bn" is the broadest of readings.
      if (max >= LONG_GAP) specificity--;
      continue;
    }
    const m = /^(?:([a-z]\w*):)?(\{([A-Z_]+)\}|[^{}?]+)(\?)?$/.exec(raw);
    if (!m) throw new Error(`rule pattern "${source}": cannot read "${raw}"`);
    const [, label = null, body, pieceName, q] = m;
    const optional = q === "?";
    if (!optional) specificity++;
    const piece = pieceName ? pieces[pieceName] : null;
    if (pieceName && !piece) throw new Error(`rule pattern "${source}": no piece {${pieceName}}`);
    if (piece && "test" in piece) {
      elements.push({ kind: "test", label, optional, test: piece.test, name: pieceName });
      if (!optional && piece.needs) requires.push(new Set(piece.needs));
      continue;
    }
    const phrases = (piece ? piece.phrases : body.split("|")).map(splitWords);
    elements.push({ kind: "phrases", label, optional, byFirst: byFirstWord(phrases), name: pieceName ?? body });
    if (!optional) requires.push(new Set(phrases.map((w) => w[0])));
  }
  // An anchor pins the match down as much as a word does.
  return {
    source,
    elements,
    anchoredStart,
    anchoredEnd,
    specificity: specificity + +anchoredStart + +anchoredEnd,
    // The narrowest requirement first: a sentence without a percentage fails at once.
    requires: requires.sort((a, b) => a.size - b.size),
  };
}

/** Skips this long or longer make a pattern less specific. */
const LONG_GAP = 16;

/** Lengths (in tokens) an element can match at position i, longest first. */
const NONE: number[] = [];
const ONE = [1];

function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const words of [...phrases].sort((a, b) => b.length - a.length)) {
    const list = out.get(words[0]) ?? [];
    list.push(words);
    out.set(words[0], list);
  }
  return out;
}

/** Lengths (in tokens) an element can match at position i, longest first. */
function lengthsAt(e: Exclude<Element, { kind: "gap" }>, tokens: Token[], i: number): number[] {
  if (i >= tokens.length) return NONE;
  if (e.kind === "test") return e.test(tokens[i], tokens[i - 1], tokens, i) ? ONE : NONE;
  // A one-word typed token ("its", a pronoun mention) still reads as its word.
  const candidates = e.byFirst.get(tokens[i].lower);
  if (!candidates) return NONE;
  // Most words open one phrase of one word: that one matches, with no list to make.
  if (candidates.length === 1 && candidates[0].length === 1) return ONE;
  const out: number[] = [];
  for (const words of candidates) {
    if (i + words.length > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = tokens[i + k].lower === words[k];
    if (ok) out.push(words.length);
  }
  return out;
}

function matchFrom(
  p: CompiledPattern,
  tokens: Token[],
  e: number,
  i: number,
  captures: Record<string, Token[]>,
): number | null {
  if (e === p.elements.length) return !p.anchoredEnd || atEnd(tokens, i) ? i : null;
  const el = p.elements[e];
  if (el.kind === "gap") {
    // Shortest skip first, so a gap never swallows what the next element wants.
    for (let skip = 0; skip <= el.max && i + skip <= tokens.length; skip++) {
      if (el.label) captures[el.label] = tokens.slice(i, i + skip);
      const end = matchFrom(p, tokens, e + 1, i + skip, captures);
      if (end !== null) return end;
    }
    // "Ostrel, the country's second-biggest brewer, has agreed to buy": an apposition after the holder is skipped
    // whole, as one word, however long; its words are kept as the match's aside (its years are not the stake's).
    const past = el.afterHolder ? appositionEnd(tokens, i) : null;
    // Past a relative clause the verb follows at once ("who founded it, now owns"), or the clause was no aside.
    const most = past !== null && RELATIVE_OPENERS.has(tokens[i + 1].lower) ? 4 : el.max;
    if (past !== null)
      for (let skip = 0; skip < most && past + skip <= tokens.length; skip++) {
        if (el.label) captures[el.label] = tokens.slice(i, past + skip);
        captures[APPOSITION] = tokens.slice(i, past);
        const end = matchFrom(p, tokens, e + 1, past + skip, captures);
        if (end !== null) return end;
        captures[APPOSITION] = UNSET;
      }
    if (el.label) captures[el.label] = UNSET;
    return null;
  }
  for (const len of lengthsAt(el, tokens, i)) {
    if (el.label) captures[el.label] = tokens.slice(i, i + len);
    const end = matchFrom(p, tokens, e + 1, i + len, captures);
    if (end !== null) return end;
    if (el.label) captures[el.label] = UNSET;
  }
  if (el.optional) return matchFrom(p, tokens, e + 1, i, captures);
  return null;
}

/**
 * What a capture given up on is left as: read with `?.` or `??` as if it were absent. (A `delete` turned the object
 * into a slow dictionary, on the way of every match tried.)
 */
const UNSET = undefined as unknown as Token[];

/** The capture under which a match keeps the apposition it skipped. */
export const APPOSITION = "apposition";
// "Ostrel, which has worked with Corvan for years, holds 7%": a relative clause is skipped the same way.
const RELATIVE_OPENERS = new Set(["which", "who"]);
// (", one of the Gulf's biggest funds,": one of a kind is an apposition too.)
const APPOSITION_OPENERS = new Set(["the", "a", "an", "one", ...RELATIVE_OPENERS]);
const APPOSITION_MAX = 18;

/** Where an apposition opened at token i (", the ... ," or ", a ... ,", no verb of speech inside) ends, else null. */
function appositionEnd(tokens: Token[], i: number): number | null {
  if (tokens[i]?.text !== "," || !APPOSITION_OPENERS.has(tokens[i + 1]?.lower ?? "")) return null;
  for (let k = i + 2; k < Math.min(tokens.length, i + 2 + APPOSITION_MAX); k++) {
    if (tokens[k].text === ",") return k + 1;
    if (/^(?:said|says|told|according)$/.test(tokens[k].lower)) return null;
  }
  return null;
}

const atEnd = (tokens: Token[], i: number) =>
  i === tokens.length || (i === tokens.length - 1 && tokens[i].type === "word" && /^[.;:]$/.test(tokens[i].text));

/**
 * Every match of a pattern in a sentence's tokens, not overlapping unless asked (then a match may start on the last
 * token of the one before). Of matches that end at the same token, the one
 * that starts last wins: "Corvan Chairman Tom Keane said he owns 9%" gives the holder nearest the verb.
 */
export function matchAll(p: CompiledPattern, tokens: Token[], overlapping = false): Match[] {
  const out: Match[] = [];
  const starts = p.anchoredStart ? Math.min(1, tokens.length) : tokens.length;
  for (let i = 0; i < starts; i++) {
    if (!canStart(p, tokens, i)) continue;
    let captures: Record<string, Token[]> = {};
    const end = matchFrom(p, tokens, 0, i, captures);
    if (end === null || end <= i) continue;
    let from = i;
    for (let j = i + 1; j < end; j++) {
      if (!canStart(p, tokens, j)) continue;
      const tighter: Record<string, Token[]> = {};
      if (matchFrom(p, tokens, 0, j, tighter) === end) {
        from = j;
        captures = tighter;
      }
    }
    out.push({ from, to: end, captures, specificity: p.specificity });
    // The next match starts after this one, or, when matches may overlap, at its last token.
    i = overlapping ? Math.max(i, end - 2) : end - 1;
  }
  return out;
}

/** Most positions of most sentences cannot open a pattern: its first element says so before any search. */
function canStart(p: CompiledPattern, tokens: Token[], i: number): boolean {
  const first = p.elements[0];
  if (!first || first.kind === "gap" || first.optional) return true;
  return lengthsAt(first, tokens, i).length > 0;
}
