import { describe, expect, test } from "vitest";
import { extractArticle } from "../../importers/pipeline";

/** Fragments that have broken extractors elsewhere: odd numbers, control and bidi characters, markup, half phrases. */
const PIECES = [
  "Corvan",
  "owns",
  "50%",
  "of",
  "Ostrel",
  ".",
  "revenue",
  "rose",
  "$",
  "1e30",
  "NaN%",
  "150%",
  "stake",
  "-5 cars",
  "sold",
  "\u0000",
  "€",
  "bn",
  "(",
  ")",
  "2009",
  "Q4",
  "the three firms",
  "its",
  "\n\n",
  "Mr",
  "Dr.",
  "Co.",
  "'s",
  "by 2013",
  "between",
  "and",
  "to",
  "from",
  "a year earlier",
  "—",
  "…",
  "😀",
  "\u202e",
  "<script>alert(1)</script>",
  "&amp;",
  "%%%",
  "...",
  ",,,",
  "the",
  "It",
];

function* randomTexts(count: number): Generator<string> {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: 1 + Math.floor(next() * 60) }, () => PIECES[Math.floor(next() * PIECES.length)]);
    yield words.join(next() < 0.5 ? " " : "");
  }
}

describe("random jumbles of troublesome fragments", () => {
  test("never throw, and every fact they yield is well formed", () => {
    let facts = 0;
    for (const text of randomTexts(500)) {
      const result = extractArticle(Buffer.from(text), "jumble.txt");
      for (const f of result.facts) {
        facts++;
        expect(result.cleanedText.slice(f.start, f.end)).toBe(f.quote);
        expect(Number.isFinite(f.low) && Number.isFinite(f.high) && f.low <= f.high).toBe(true);
        if (f.kind === "stake" || f.kind === "market_share") expect(f.high).toBeLessThanOrEqual(100);
        if (f.kind === "revenue" || f.kind === "sales_volume") expect(f.low).toBeGreaterThan(0);
      }
    }
    // The jumbles are not articles: a handful of facts at most, never a flood.
    expect(facts).toBeLessThan(100);
  });
});

describe("a scraped page on one line", () => {
  test("naming thousands of capitalised words stays fast", () => {
    let seed = 7;
    // mulberry32: the linear generator above repeats itself too soon to yield this many distinct names.
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const letters = (from: string, n: number) =>
      Array.from({ length: n }, () => from[Math.floor(next() * from.length)]).join("");
    const names = Array.from(
      { length: 5000 },
      () => letters("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1) + letters("abcdefghij", 2 + Math.floor(next() * 5)),
    );
    const words: string[] = [];
    for (let length = 0; length < 200_000; ) {
      const word = next() < 0.05 ? `${Math.floor(next() * 99)}.5%` : names[Math.floor(next() * names.length)];
      words.push(word, next() < 0.2 ? "and" : "");
      length += word.length + 1;
    }
    const started = performance.now();
    extractArticle(Buffer.from(words.filter(Boolean).join(" ")), "one-line.txt");
    // Trying every pair of the thousands of names it yields took over ten seconds; it takes a fraction of one.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
