import { describe, expect, test } from "vitest";
import { endAnchored } from "../../importers/lexicons/regex";

describe("endAnchored", () => {
  test("tells the same texts as the pattern it rewrites", () => {
    const patterns = [
      /\b(?:compared\s+(?:with|to)|versus)\s+(?:(?:just|only|about)\s+)?$/i,
      /(?:\b(?:stores|plants)\s+in|\b(?:across|near))\s+(?:the\s+)?(?:[A-Z][\w-]*\s+and\s+)?$/,
      /\b(?:founded|set\s+up)\b(?:\s+[\w-]+){0,10}?\s+(?:in|since)\s+$/i,
      /(?<!\bbased\s)on\s+$/,
    ];
    const texts = [
      "sales were 4% higher compared with just ",
      "compared  to ",
      "48 hotels across the Midlands and ",
      "its stores in ",
      "the firm, founded by two brothers in ",
      "set up in 1978, ",
      "based on ",
      "bets on ",
      "",
    ];
    for (const re of patterns) for (const text of texts) expect(endAnchored(re).test(text)).toBe(re.test(text));
  });

  test("refuses a pattern whose end anchor is not the whole pattern's", () => {
    expect(() => endAnchored(/sales\s+of\s+$|revenues?\s+of\s+$/i)).toThrow();
    expect(() => endAnchored(/^by\s+$/)).toThrow();
    expect(() => endAnchored(/\$/)).toThrow();
    expect(() => endAnchored(/of\s+$/g)).toThrow();
  });
});
