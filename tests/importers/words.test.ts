import { describe, expect, test } from "vitest";
import { wordBounds } from "../../importers/rules/words";

/** The pattern the scan stands in for: the scan must find exactly its matches. */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&'’.-]*[\p{L}\p{N}])?\.?|[^\s\p{L}\p{N}]/gu;
const byRegex = (s: string) => [...s.matchAll(WORD)].flatMap((m) => [m.index, m.index + m[0].length]);

describe("word bounds", () => {
  test("match the word pattern on abbreviations, joiners, marks and other scripts", () => {
    for (const s of [
      "Corvan's U.S. unit sold 3.5bn. units, up 4%in 2005 (vs. 3.1 mln).",
      "A-B & C - D -- e.. f' ’g h’s <ACME.PA> ~x",
      "Orbán's Société Générale, Ж-Банк, 三菱 and ٣٤ shares\u00a0rose\u2003today",
      "emoji 😀 and a letter 𝐀 outside the basic plane",
      "",
      "   ",
    ])
      expect(wordBounds(s)).toEqual(byRegex(s));
  });

  test("match the word pattern on random strings", () => {
    const alphabet = ["a", "Z", "9", " ", "\u00a0", ".", "-", "&", "'", "’", "é", "Ж", "😀", ",", "$", "\t", "\n", "_"];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 5000; n++) {
      let s = "";
      for (let k = Math.floor(random() * 14); k > 0; k--) s += alphabet[Math.floor(random() * alphabet.length)];
      expect(wordBounds(s)).toEqual(byRegex(s));
    }
  });
});
