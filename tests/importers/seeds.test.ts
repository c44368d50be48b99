import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { type GoldArticle, goldFields } from "../../importers/eval/score";
import { extractArticle } from "../../importers/pipeline";
import { splitSentences } from "../../importers/text/sentences";

const GOLD = "tests/gold/seeds";
const cases = readdirSync(GOLD)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(GOLD, f), "utf8")) as GoldArticle);

const order = (a: { kind: string; low: number }, b: { kind: string; low: number }) =>
  a.kind.localeCompare(b.kind) || a.low - b.low;

describe("seed articles give exactly their expected facts", () => {
  test.each(cases.map((c) => [c.file, c] as const))("%s", (file, gold) => {
    const result = extractArticle(readFileSync(join("seeds", file)), file);
    expect(result.facts.map(goldFields).sort(order)).toEqual(gold.facts.map(goldFields).sort(order));
    if (gold.publishedYear !== null) expect(result.publishedYear).toBe(gold.publishedYear);
    for (const f of result.facts) {
      expect(result.cleanedText.slice(f.start, f.end)).toBe(f.quote);
    }
  });

  test("the double-encoded seed is repaired and quoted with the euro sign", () => {
    const result = extractArticle(readFileSync("seeds/000_c0781cebfd980f41.txt"), "000");
    const revenue = result.facts.find((f) => f.kind === "revenue" && f.year === 2007);
    expect(revenue?.quote).toBe("Renault posted revenues of €40.68 billion for 2007 and €37.79 billion in 2008.");
    expect(result.cleanedText).toContain("Germany’s Daimler");
    expect(result.cleanedText).not.toMatch(/Ôé¼|ÔÇÖ/);
  });

  test("teasers and bios below an article are not part of its text", () => {
    const teasers = extractArticle(readFileSync("seeds/004_0aa2b29ea3453f24.txt"), "004");
    expect(teasers.cleanedText).not.toContain("Rutland Square");
    expect(teasers.cleanedText).not.toContain("crores");
    const bio = extractArticle(readFileSync("seeds/001_027ae69c3d8632c6.txt"), "001");
    expect(bio.cleanedText).not.toContain("Best Video Journalism Award");
    expect(bio.cleanedText).toContain("global small-car alliance");
  });
});

describe("run-on text", () => {
  test("a page on one line is cut into bounded sentences whose offsets still point into the text", () => {
    const clause = (i: number) =>
      `Norvale Motors said sales rose ${i % 50}% to $${(i % 9) + 1}.2bn in 2004, and its stake in Tamsin Auto was ${(i % 40) + 1}%`;
    const line = Array.from({ length: 400 }, (_, i) => clause(i)).join(" and ");
    const text = `One line\n\n${line}.\n`;
    const sentences = splitSentences(text);
    expect(Math.max(...sentences.map((s) => s.text.length))).toBeLessThanOrEqual(1500);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    const result = extractArticle(Buffer.from(text), "one-line.txt");
    expect(
      result.facts.some(
        (f) => f.kind === "stake" && f.company === "Norvale Motors" && f.counterparty === "Tamsin Auto",
      ),
    ).toBe(true);
  });
});

describe("page furniture between paragraphs", () => {
  test.each([
    "Image source, Getty Images",
    "Image caption, The plant in Lyon",
    "Story continues below advertisement",
    "Sign up for our daily business newsletter",
    "Advertisement",
    "(Reporting by Jane Porter; Editing by Tom Keane)",
  ])("%s is dropped and the body around it kept", (line) => {
    const text = `Corvan results\n\nCorvan Motors said revenue rose 4% to €9bn in 2022.\n${line}\nCorvan sold 1.1 million cars in 2022.\n`;
    const cleaned = extractArticle(Buffer.from(text), "page.txt").cleanedText;
    expect(cleaned).not.toContain(line);
    expect(cleaned).toContain("Corvan sold 1.1 million cars in 2022.");
  });
});
