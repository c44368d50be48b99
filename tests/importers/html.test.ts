import { describe, expect, test } from "vitest";
import { extractArticle } from "../../importers/pipeline";
import { decodeEntities, htmlToText, looksLikeHtml } from "../../importers/text/html";

const page = `<!DOCTYPE html><html><head><title>Norvale results</title><script>alert("x")</script>
<style>p { color: red }</style></head><body><nav><a href="/">Home</a></nav>
<article><h1>Norvale results</h1><p>Norvale Motors said revenue rose 6% to &euro;2.1bn in 2010.</p>
<p>Tamsin Auto owns 20&#37; of Norvale Motors.</p></article><footer>&copy; 2011 News</footer></body></html>`;

describe("web pages given as articles", () => {
  test("are recognised as HTML, plain text is not", () => {
    expect(looksLikeHtml(page)).toBe(true);
    expect(looksLikeHtml("Norvale results\n\nRevenue rose 6% <to> €2.1bn.")).toBe(false);
  });

  test("give their text without script, style or markup", () => {
    const text = htmlToText(page);
    expect(text).toContain("Norvale Motors said revenue rose 6% to €2.1bn in 2010.");
    expect(text).not.toMatch(/alert|color: red|<|Home/);
  });

  // The headline says "Norvale", the shortest name the page uses, so that is the company's name.
  test("give the same facts as the plain article", () => {
    const facts = extractArticle(Buffer.from(page), "page.html").facts.map((f) => [
      f.kind,
      f.company,
      f.counterparty,
      f.low,
      f.unit,
    ]);
    // Facts come in reading order: "rose 6% to €2.1bn".
    expect(facts).toEqual([
      ["revenue_change", "Norvale", null, 6, "percent"],
      ["revenue", "Norvale", null, 2100000000, "EUR"],
      ["stake", "Tamsin Auto", "Norvale", 20, "percent"],
    ]);
  });

  test.each([
    ["&amp;&lt;&gt;", "&<>"],
    ["&#8364;5m and &#x20AC;6m", "€5m and €6m"],
    ["&rsquo;s &unknown;", "’s &unknown;"],
  ])("decodes %s", (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});
