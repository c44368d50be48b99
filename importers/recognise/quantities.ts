import { CURRENCY_PREFIXES, CURRENCY_SUFFIXES, DOLLAR_NATIONS } from "../lexicons/currencies";
import { FRACTION_WORDS, HEDGES, NUMBER_WORDS, SCALES } from "../lexicons/numbers";
import { allMatches, alternation, endAnchored, escapeRegExp } from "../lexicons/regex";

export type QuantityKind = "money" | "percent" | "count";

export interface Quantity {
  kind: QuantityKind;
  low: number;
  high: number;
  /** ISO code for money, "percent" for percentages, null for a bare count (the extractor names the thing). */
  unit: string | null;
  approximate: boolean;
  /** Offsets within the sentence. */
  start: number;
  end: number;
  text: string;
  /** A bare 4-digit number between 1900 and 2099: read as a year, never as a count. */
  isYear: boolean;
  /** Written as a fraction word ("a third"), which is only a figure for shares and stakes. */
  fraction: boolean;
}

const PREFIX_RE = alternation(Object.keys(CURRENCY_PREFIXES));
const SUFFIX_RE = alternation(Object.keys(CURRENCY_SUFFIXES));
const SCALE_RE = alternation(Object.keys(SCALES));
const WORD_RE = Object.keys(NUMBER_WORDS)
  .filter((w) => w !== "a" && w !== "an")
  .sort((a, b) => b.length - a.length)
  .join("|");
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const WORDNUM = String.raw`(?:${WORD_RE})(?:[- ](?:${WORD_RE}))?|an?(?=\s(?:${SCALE_RE})\b)`;
const PCT = String.raw`%|[\s-]?(?:per[ -]?cent|percent|pct|percentage points?)\b|pc\b`;

const COMPARED_WITH_BEFORE = endAnchored(
  /\b(?:compared\s+(?:with|to)|versus)\s+(?:(?:just|only|about|around|some)\s+)?$/i,
);

/** One figure: optional currency, a number, optional scale, optional percent sign or currency word. */
const ATOM = new RegExp(
  String.raw`(?<![\w.$€£¥])(?:(?<pre>${PREFIX_RE})\s?)?(?<num>${DIGITS}|\b(?:${WORDNUM}))` +
    String.raw`(?:\s?(?<scale>${SCALE_RE})\b)?(?:(?<pct>${PCT})|\s(?<suf>${SUFFIX_RE})(?![\w]))?`,
  "gi",
);

// "sales in the half", "the first half", "half-year": a period, not a fraction of anything.
const HALF_YEAR_BEFORE = endAnchored(/\b(?:the|first|second|this|that|latest|same|previous|prior|each)\s+$/i);
const FRACTION = new RegExp(String.raw`\b(?<frac>${alternation(Object.keys(FRACTION_WORDS))})\b`, "gi");

const HEDGE_BEFORE = endAnchored(
  new RegExp(String.raw`\b(?:${HEDGES.map(escapeRegExp).join("|")})\s+(?:of\s+)?$`, "i"),
);
const DOLLAR_NATION_BEFORE = new RegExp(
  String.raw`\b(${Object.keys(DOLLAR_NATIONS).map(escapeRegExp).join("|")})\s+$`,
  "i",
);

interface Atom {
  start: number;
  end: number;
  value: number;
  scale: number | null;
  currency: string | null;
  percent: boolean;
  wordNumber: boolean;
}

function parseNumber(raw: string): { value: number; word: boolean } | null {
  const lower = raw.toLowerCase();
  if (/^[\d.,]+$/.test(lower)) return { value: Number(lower.replace(/,/g, "")), word: false };
  let total = 0;
  for (const part of lower.split(/[- ]/)) {
    const v = NUMBER_WORDS[part];
    if (v === undefined) return null;
    total += v;
  }
  return { value: total, word: true };
}

function currencyOf(pre: string | undefined, suf: string | undefined, before: string): string | null {
  if (pre) return CURRENCY_PREFIXES[pre] ?? CURRENCY_PREFIXES[pre.toUpperCase()] ?? null;
  if (!suf) return null;
  const lower = suf.toLowerCase();
  if (lower.startsWith("dollar")) {
    const nation = DOLLAR_NATION_BEFORE.exec(before)?.[1]?.toLowerCase();
    if (nation) return DOLLAR_NATIONS[nation];
  }
  return CURRENCY_SUFFIXES[lower] ?? null;
}

function findAtoms(sentence: string): Atom[] {
  const atoms: Atom[] = [];
  for (const m of allMatches(ATOM, sentence)) {
    const g = m.groups ?? {};
    const parsed = parseNumber(g.num);
    if (!parsed || Number.isNaN(parsed.value)) continue;
    // Part of a model name or code ("777-200LR", "A321", "4G"): not a figure.
    const rest = sentence.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // A per-cent sign ends a figure whatever follows: "4%in" is a figure glued to the next word by a scraper.
    if (!m[0].endsWith("%") && (/^[A-Za-z]/.test(rest) || /^[-–]\d+[A-Za-z]/.test(rest))) continue;
    // A currency code or scale glued to a following word ("EURO", "Mr") is not a figure.
    if (parsed.word && !g.scale && !g.pct && !g.suf) {
      atoms.push({
        start: m.index,
        end: m.index + m[0].length,
        value: parsed.value,
        scale: null,
        currency: null,
        percent: false,
        wordNumber: true,
      });
      continue;
    }
    const scale = g.scale ? SCALES[g.scale.toLowerCase()] : null;
    // "m" and "b" alone are scales only when glued to the number or after a currency ("$5m", "5bn").
    if (g.scale && /^[mbk]$/i.test(g.scale) && !g.pre && !g.suf && /\s/.test(m[0].slice(0, -1))) continue;
    atoms.push({
      start: m.index,
      end: m.index + m[0].length,
      value: parsed.value * (scale ?? 1),
      scale,
      currency: currencyOf(g.pre, g.suf, sentence.slice(0, m.index)),
      percent: Boolean(g.pct),
      wordNumber: parsed.word,
    });
  }
  return atoms;
}

const RANGE_JOIN = /^\s*(?:to|-|–|—|and|or)\s*$/i;
const PLUS_OR_MINUS = /^\s*,?\s*(?:plus\s+or\s+minus|give\s+or\s+take|±|\+\/-)\s*$/i;

/** Finds money, percentages and counts, joining ranges and dropping a second currency in brackets. */
/** Cheap test that a sentence can hold a figure at all, before the full scan. */
const MAY_HOLD_FIGURE_WORD = new RegExp(
  String.raw`\b(?:${WORD_RE}|${alternation(Object.keys(FRACTION_WORDS))}|${SCALE_RE})\b`,
  "i",
);
// A digit is found far faster alone than by a pattern that tries the number words at every place on the way.
const mayHoldFigure = (sentence: string) => /\d/.test(sentence) || MAY_HOLD_FIGURE_WORD.test(sentence);

export function findQuantities(sentence: string): Quantity[] {
  if (!mayHoldFigure(sentence)) return [];
  const atoms = findAtoms(sentence);
  const out: Quantity[] = [];
  for (let i = 0; i < atoms.length; i++) {
    let a = atoms[i];
    let b: Atom | null = null;
    const next = atoms[i + 1];
    if (next) {
      const gap = sentence.slice(a.end, next.start);
      const before = sentence.slice(Math.max(0, a.start - 12), a.start);
      const isBetween = /\bbetween\s+$/i.test(before) && /^\s*and\s*$/i.test(gap);
      const isFromTo = /\bfrom\s+$/i.test(before);
      const joins = isBetween || (RANGE_JOIN.test(gap) && !/^\s*(and|or)\s*$/i.test(gap));
      // "in 2010 to £1.9bn": a year never opens a range of money.
      const yearLike =
        a.scale === null &&
        !a.currency &&
        !a.percent &&
        Number.isInteger(a.value) &&
        a.value >= 1900 &&
        a.value <= 2099;
      const compatible =
        !yearLike &&
        (a.currency === null || next.currency === null || a.currency === next.currency) &&
        (!a.percent || next.percent) &&
        !(a.currency && next.percent);
      // "slipped three percentage points to 24%": a move in points, then the level it moved to, not a range.
      const points = /\bpoints?$/i.test(sentence.slice(a.start, a.end));
      if (joins && compatible && !isFromTo && !points) {
        b = next;
        i++;
      } else if (
        PLUS_OR_MINUS.test(gap) &&
        !yearLike &&
        ((compatible && (a.currency !== null || a.percent)) || (a.currency !== null && next.percent))
      ) {
        // "$6.4 billion, plus or minus $150 million": a range around the figure; "$21 billion, plus or minus 2%":
        // the margin a share of the figure.
        const half = a.currency !== null && next.percent ? (a.value * next.value) / 100 : next.value;
        out.push(
          makeQuantity(
            sentence,
            a.start,
            next.end,
            a.value - half,
            a.value + half,
            a.currency ?? next.currency,
            a.percent,
          ),
        );
        i++;
        continue;
      }
    }
    if (b) {
      // Units and scales written once apply to both ends ("17 to 18 per cent", "seven to eight million", "4.6 to 4.8
      // billion"), but not to a figure written in full ("1,200 to 1.5 million").
      if (a.scale === null && b.scale !== null && a.value < 1000) a = { ...a, value: a.value * b.scale };
      const currency = a.currency ?? b.currency;
      const percent = a.percent || b.percent;
      out.push(
        makeQuantity(
          sentence,
          a.start,
          b.end,
          Math.min(a.value, b.value),
          Math.max(a.value, b.value),
          currency,
          percent,
        ),
      );
    } else {
      // "ten" alone is mostly prose, but "compared with just ten" sets a figure beside another.
      if (
        a.wordNumber &&
        a.scale === null &&
        !a.percent &&
        !a.currency &&
        !COMPARED_WITH_BEFORE.test(sentence.slice(Math.max(0, a.start - 40), a.start))
      )
        continue;
      // "sold -5,000 cars": a minus sign glued to a plain count makes it negative (validation then rejects it);
      // a dash between two figures is a range, and signs of money and percentages are read from words.
      const negative =
        !a.currency && !a.percent && /(?:^|[\s(])[-−]$/.test(sentence.slice(Math.max(0, a.start - 2), a.start));
      const value = negative ? -a.value : a.value;
      out.push(makeQuantity(sentence, negative ? a.start - 1 : a.start, a.end, value, value, a.currency, a.percent));
    }
    // "$1.13bn (£600m; €800m)": conversions in brackets are the same figure, not others.
    const last = out.at(-1);
    if (last?.kind === "money" && /^\s*\(/.test(sentence.slice(last.end))) {
      const close = sentence.indexOf(")", last.end);
      while (close > 0 && atoms[i + 1] && atoms[i + 1].start < close && atoms[i + 1].currency) i++;
    }
  }
  for (const m of allMatches(FRACTION, sentence)) {
    const v = FRACTION_WORDS[m.groups!.frac.toLowerCase()];
    if (out.some((q) => q.start < m.index + m[0].length && m.index < q.end)) continue;
    if (
      HALF_YEAR_BEFORE.test(sentence.slice(Math.max(0, m.index - 12), m.index)) ||
      /^[- ]year/i.test(sentence.slice(m.index + m[0].length))
    )
      continue;
    const q = makeQuantity(sentence, m.index, m.index + m[0].length, v * 100, v * 100, null, true);
    q.fraction = true;
    out.push(q);
  }
  return inheritCurrency(
    sentence,
    out.sort((x, y) => x.start - y.start),
  );
}

/**
 * "rose to 412.6 mln stg from 377.1 mln", "9.8 billion crowns in 1987 against 8.7 billion": the figure a sum is
 * compared with is in the sum's currency.
 */
const FROM_GAP =
  /^\s*,?\s*(?:(?:in|for)\s+(?:19|20)\d\d\s*,?\s*)?(?:(?:up|down)\s+)?(?:from|against|compared\s+with|versus|vs\.?|after|making)\s+(?:about\s+|around\s+)?$/i;
const BASE_BEFORE = endAnchored(/\b(?:from|against|compared\s+with|versus|vs\.?)\s+(?:about\s+|around\s+)?$/i);
const SCALED = /(?:\d\s*(?:mln|million|billion|bln|bn|m|trillion)|\d{1,3}(?:,\d{3}){2,})\b/i;

function inheritCurrency(sentence: string, qs: Quantity[]): Quantity[] {
  // In order, so a chain inherits ("2.40 billion stg vs 2.11 billion, making 7.01 billion vs 6.16 billion").
  const out: Quantity[] = [];
  for (const q of qs) {
    // A year between the two ("in 1987") is no figure of its own.
    const prev = out.findLast((x) => !x.isYear);
    const inherits =
      q.kind === "count" &&
      !q.isYear &&
      prev?.kind === "money" &&
      SCALED.test(q.text) &&
      FROM_GAP.test(sentence.slice(prev.end, q.start));
    // "rose 4.8 pct to 1,284 bln yen in the year to March from 1,225 bln": past a change and a time, the base of
    // the same size as the sum is in its currency too.
    const sum = out.findLast((x) => x.kind === "money");
    const base =
      !inherits &&
      q.kind === "count" &&
      !q.isYear &&
      sum !== undefined &&
      (prev === sum || prev?.kind === "percent" || !SCALED.test(prev?.text ?? "")) &&
      SCALED.test(q.text) &&
      BASE_BEFORE.test(sentence.slice(Math.max(sum.end, q.start - 30), q.start)) &&
      q.low >= sum.low / 2 &&
      q.low <= sum.low * 2;
    out.push(inherits || base ? { ...q, kind: "money", unit: (sum ?? prev)!.unit } : q);
  }
  return out;
}

function makeQuantity(
  sentence: string,
  start: number,
  end: number,
  low: number,
  high: number,
  currency: string | null,
  percent: boolean,
): Quantity {
  const text = sentence.slice(start, end);
  const kind: QuantityKind = currency ? "money" : percent ? "percent" : "count";
  const isYear = kind === "count" && /^(19|20)\d\d$/.test(text);
  return {
    kind,
    low: roundFigure(low),
    high: roundFigure(high),
    unit: currency ?? (percent ? "percent" : null),
    approximate: HEDGE_BEFORE.test(sentence.slice(Math.max(0, start - 24), start)),
    start,
    end,
    text,
    isYear,
    fraction: false,
  };
}

/** Removes float noise from scaling (40.68 * 1e9 = 40680000000.000004). */
function roundFigure(v: number): number {
  return Math.abs(v) >= 1000 ? Math.round(v) : Math.round(v * 1e6) / 1e6;
}
