import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, test } from "vitest";
import { extractArticle } from "../../importers/pipeline";
import { CompanyRegistry } from "../../importers/recognise/companies";
import { findQuantities } from "../../importers/recognise/quantities";
import { findTimes } from "../../importers/recognise/time";
import { cleanArticle } from "../../importers/text/clean";
import { htmlToText } from "../../importers/text/html";
import { splitSentences } from "../../importers/text/sentences";

/**
 * Work linear in the text: each stage is timed on an adversarial input of 200 KB and of 800 KB in the same run, and
 * the ratio of the two times must stay under 6 (linear is 4, quadratic 16). Comparing sizes within one run, rather
 * than against a fixed time, keeps the check meaningful on a slow or busy machine. Both sizes sit above the knee
 * where a string stops fitting the processor's caches (between 100 and 200 KB on this machine, where the same
 * linear scan takes 8 to 15 times as long for 4 times the text), so the ratio measures the code, not the cache.
 * Every text is invented here. LINEAR_TEXT_VERBOSE=1 prints every ratio.
 */
const SMALL = 200_000;
const LARGE = 800_000;
const MAX_RATIO = 6;

// ---------------------------------------------------------------- adversarial texts

const CONSONANTS = "bcdfghjklmnprstvz";
const VOWELS = "aeiou";

/**
 * Distinct invented names: a counter scrambled by an odd multiplier (a bijection mod 2^32), spelt in syllables.
 * Each seed has names of its own, so that no cache kept across articles (the shapes of name spans) favours one.
 */
function namer(seed: number): () => string {
  let i = seed * 2 ** 22;
  return () => {
    let n = Math.imul(++i, 0x9e3779b1) >>> 0;
    let word = "";
    do {
      word += CONSONANTS[n % 17] + VOWELS[Math.floor(n / 17) % 5];
      n = Math.floor(n / 85);
    } while (n > 0 || word.length < 6);
    return word[0].toUpperCase() + word.slice(1);
  };
}

/** Pieces from `next` joined by `separator` until the text is `size` characters long. */
function fill(size: number, next: (i: number) => string, separator = " "): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = next(i);
    parts.push(part);
    length += part.length + separator.length;
  }
  return parts.join(separator);
}

const SUFFIXES = ["Corp", "Ltd", "Group", "Holdings", "Plc"];

/** Texts of about `size` characters; each seed gives a different one. */
const TEXTS: Record<string, (size: number, seed: number) => string> = {
  // Stakes between ever new companies, some dated: the registry and the refiners grow with every sentence.
  "dense figures": (size, seed) => {
    const name = namer(seed);
    return `Stakes\n\n${fill(size, (i) => {
      const year = i % 3 === 0 ? ` in ${1990 + (i % 30)}` : "";
      return `${name()} ${SUFFIXES[i % 5]} owns ${1 + (i % 60)}% of ${name()} ${SUFFIXES[(i + 2) % 5]}${year}.`;
    })}`;
  },
  // Revenues, changes and stakes in short paragraphs, as a long results digest would give them.
  "dense figures in paragraphs": (size, seed) => {
    const name = namer(seed);
    return `Results\n\n${fill(
      size,
      (i) => {
        const a = name();
        return `${a} Corp said revenue rose ${1 + (i % 40)}% to $${1 + (i % 9)}.${i % 10}bn in ${1995 + (i % 20)}. ${a} owns ${1 + (i % 60)}% of ${name()} Ltd.`;
      },
      "\n\n",
    )}`;
  },
  "many capitalised names": (size, seed) => {
    const name = namer(seed);
    return `Names\n\n${fill(size, () => `${name()} ${name()} met ${name()} and ${name()} Holdings at ${name()}.`)}`;
  },
  // Long names and their first words ("Acme Motor", "Acme"), acronyms, people with titles, groups of firms.
  "names and their short forms": (size, seed) => {
    const name = namer(seed);
    return `Names\n\n${fill(size, (i) => {
      const a = name();
      const b = name();
      return `${a} Motor owns ${1 + (i % 60)}% of ${b} Bank (${a[0]}${b[0]}B). ${a} and Mr ${name()} said the combined firm and the two companies grew ${1 + (i % 9)}%.`;
    })}`;
  },
  // A run of stops with no space after them: a sentence boundary tried at every mark rescans the run.
  "a run of stops": (size, seed) => `Stops\n\nOh${"!".repeat(size)} Then ${seed}.`,
  "figures without end": (size, seed) =>
    `Figures\n\n${fill(size, (i) => `${(i + seed) % 10} ${i % 7}.${i % 3} $ 1,${(i + seed) % 1000} bn`)}`,
  "dates without end": (size, seed) =>
    `Dates\n\n${fill(size, (i) => `in ${1990 + ((i + seed) % 30)} the first quarter of fiscal ${1991 + (i % 30)} and the year to March rose ${i % 50}%`)}`,
};

/** Web pages that open a tag, comment or script and never close it. */
const PAGES: Record<string, (size: number, seed: number) => string> = {
  "'<' without '>'": (size) => `<html><body>${"<".repeat(size)}`,
  "'<br' without '>'": (size) => `<html><body>${"<br".repeat(size / 3)}`,
  "'<!--' without '-->'": (size) => `<html><body>${"<!--".repeat(size / 4)}`,
  "'<a' without '>'": (size) => `<html><body>${"<a".repeat(size / 2)}`,
  "an unclosed '<script'": (size) => `<html><body>${"<script".repeat(size / 7)}`,
  "'<title>' without '</title>'": (size) => `<html><body>${"<title>".repeat(size / 7)}`,
};

// ---------------------------------------------------------------- timing

/** The garbage collector, made callable, so that one measurement does not pay for the garbage of the last. */
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** Milliseconds for running `f` on each of `inputs`. */
function clock<T>(f: (input: T) => unknown, inputs: T[]): number {
  collect();
  const t0 = performance.now();
  for (const input of inputs) f(input);
  return performance.now() - t0;
}

/**
 * The time on large inputs over the time on small ones, the best of three each, taken alternately. Every run reads
 * an input made for it (a new seed), so that no cache kept across calls favours either size; a stage that is fast
 * on the small input is run on several, so that no measurement is under about 20 ms.
 */
function sizeRatio<T>(run: (input: T) => unknown, make: (size: number, seed: number) => T): number {
  let seed = 1;
  const inputs = (size: number, count: number) => Array.from({ length: count }, () => make(size, seed++));
  run(make(SMALL, seed++)); // compiled and warm before anything is timed
  const once = clock(run, inputs(SMALL, 1));
  const runs = Math.max(1, Math.min(50, Math.ceil(20 / Math.max(once, 0.01))));
  let bestSmall = Number.POSITIVE_INFINITY;
  let bestLarge = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    bestSmall = Math.min(bestSmall, clock(run, inputs(SMALL, runs)));
    bestLarge = Math.min(bestLarge, clock(run, inputs(LARGE, runs)));
  }
  return bestLarge / bestSmall;
}

/** A stage given the sentences of a text, as the pipeline gives them. */
function perSentence(stage: (sentence: string) => unknown): (sentences: string[]) => void {
  return (sentences) => {
    for (const s of sentences) stage(s);
  };
}

const sentencesOf = (text: string) => splitSentences(cleanArticle(text).text).map((s) => s.text);

/**
 * A busy machine only ever stretches one measurement against the other, so a ratio over the bound is measured again
 * (up to three times) and the smallest kept: a quadratic stage stays near 16 however often it is timed.
 */
function expectLinear<T>(run: (input: T) => unknown, make: (size: number, seed: number) => T): void {
  let ratio = sizeRatio(run, make);
  for (let attempt = 1; attempt < 3 && ratio >= MAX_RATIO; attempt++) ratio = Math.min(ratio, sizeRatio(run, make));
  if (process.env.LINEAR_TEXT_VERBOSE) console.log(expect.getState().currentTestName, ratio.toFixed(2));
  expect(ratio, `800 KB took ${ratio.toFixed(1)} times as long as 200 KB`).toBeLessThan(MAX_RATIO);
}

/** A stage that reads sentences, timed on the sentences of a text (split beforehand, not timed). */
function expectLinearOnSentences(
  run: (sentences: string[]) => unknown,
  make: (size: number, seed: number) => string,
): void {
  expectLinear(run, (size, seed) => sentencesOf(make(size, seed)));
}

// ---------------------------------------------------------------- the checks

const TIMEOUT = 60_000;

describe("work linear in the size of an article (800 KB within 6 times 200 KB)", () => {
  describe("the HTML cleaner", () => {
    test.each(Object.keys(PAGES))("on %s", (name) => expectLinear(htmlToText, PAGES[name]), TIMEOUT);
  });

  describe("the sentence splitter", () => {
    test.each(["a run of stops", "many capitalised names", "dense figures"])(
      "on %s",
      (name) => expectLinear((t) => splitSentences(cleanArticle(t).text), TEXTS[name]),
      TIMEOUT,
    );
  });

  describe("the recognisers", () => {
    test.each(["figures without end", "dense figures", "a run of stops"])(
      "quantities on %s",
      (name) => expectLinearOnSentences(perSentence(findQuantities), TEXTS[name]),
      TIMEOUT,
    );
    test.each(["dates without end", "dense figures in paragraphs"])(
      "times on %s",
      (name) => expectLinearOnSentences(perSentence(findTimes), TEXTS[name]),
      TIMEOUT,
    );
    test.each(["dense figures", "many capitalised names", "names and their short forms"])(
      "companies on %s",
      (name) => expectLinearOnSentences((sentences) => CompanyRegistry.build(sentences), TEXTS[name]),
      TIMEOUT,
    );
  });

  describe("the whole pipeline", () => {
    test.each([...Object.keys(TEXTS), ...Object.keys(PAGES)])(
      "on %s",
      (name) => expectLinear((t) => extractArticle(Buffer.from(t), "x.txt"), TEXTS[name] ?? PAGES[name]),
      TIMEOUT,
    );
  });
});
