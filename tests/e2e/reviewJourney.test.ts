import { appendFileSync as append } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { openTable, SCREENSHOT_DIR } from "./browser";
import { importPaths, setUpE2e, signInOn, url } from "./session";

/**
 * The issue's whole path in one browser session: sign in, review facts with the keyboard (correct one, confirm
 * three), add a missed fact by selecting its words, see the company page change, import the article again (a
 * changed file) and see the correction, the confirmations and the added fact still applied, sign out. Uses a
 * company of its own (Garrow), so the other browser tests' data stays as they expect it.
 */
const PASSWORD = "journey-pass-e2e";
const ARTICLE =
  "Garrow results\n\nDate: 2020-03-02\n\n" +
  "Garrow Tools posted revenues of €1.1 billion for 2016 and €1.3 billion in 2017.\n" +
  "In 2018 Garrow Tools reported revenue of €1.6 billion.\n" +
  "Garrow Tools said revenue reached €1.8 billion in 2019.\n" +
  "The firm said demand from builders held up.\n";

const e2e = setUpE2e({
  users: { "e2e-journey": { role: "analyst", password: PASSWORD } },
  articles: { "garrow.txt": ARTICLE },
});

/** The revenue figures on Garrow's page (its chart's Table view, opened), and how many carry the checked mark. */
async function garrowRevenue(page: Page): Promise<{ text: string; checked: number }> {
  await page.goto(url("/companies/garrow"));
  const section = page.locator("section", { has: page.locator("h2", { hasText: /^Revenue$/ }) });
  const table = await openTable(section);
  return { text: (await table.textContent()) ?? "", checked: await table.locator(".checked-mark").count() };
}

test("sign in, review with the keys, add a fact by selecting it, re-import: every decision holds; sign out", async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInOn(page, "e2e-journey", PASSWORD, "/review?company=Garrow");
  const items = page.locator(".review-item");
  // A client-side navigation changes the address before it renders: wait for the queue itself.
  await items.first().waitFor();
  await expect(items.count()).resolves.toBe(4);
  expect((await garrowRevenue(page)).text).toContain("€1.8 bn");
  await page.goBack();
  await page.waitForLoadState("networkidle");

  // e on the 2019 figure opens its correction form; the figure was 1.85 billion; Enter saves it.
  const wrong = page.locator(".review-item", { has: page.locator(".fact-figure", { hasText: "€1.8 billion" }) });
  await wrong.focus();
  await page.keyboard.press("e");
  await wrong.locator("input[name=low]").fill("1850000000");
  await wrong.locator("input[name=high]").fill("1850000000");
  await wrong.locator("input[name=high]").press("Enter");
  await expect.poll(() => items.count()).toBe(3);
  // a confirms the focused fact, three times.
  for (const left of [2, 1, 0]) {
    await page.waitForLoadState("networkidle");
    await items.first().focus();
    await page.keyboard.press("a");
    await expect.poll(() => items.count()).toBe(left);
  }

  // A fact the extractor missed, added by selecting its sentence in the article.
  const facts = await (await context.request.get(url("/api/facts?company=garrow"))).json();
  await page.goto(url(`/articles/${facts.facts[0].articleId}`));
  await page.waitForLoadState("networkidle");
  const sentence = "The firm said demand from builders held up.";
  await page.evaluate((words) => {
    const root = document.querySelector(".article-text") as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(words) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      document.dispatchEvent(new MouseEvent("mouseup"));
      return;
    }
    throw new Error("sentence not found");
  }, sentence);
  await page.locator("details.add-fact summary").click();
  const form = page.locator("details.add-fact form");
  await form.locator("select[name=kind]").selectOption("sales_volume");
  await form.locator("input[name=company]").fill("Garrow");
  await form.locator("input[name=year]").fill("2019");
  await form.locator("input[name=low]").fill("4200");
  await form.locator("input[name=high]").fill("4200");
  await form.locator("input[name=unit]").fill("lathes");
  await Promise.all([page.waitForURL(/#fact-\d+$/), form.locator("button", { hasText: "Add the fact" }).click()]);

  // The company page draws what was decided: 1.85 billion for 2019, four figures checked.
  const reviewed = await garrowRevenue(page);
  expect(reviewed.text).toContain("€1.85 bn");
  expect(reviewed.text).not.toContain("€1.8 bn");
  expect(reviewed.checked).toBe(4);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/journey-reviewed.png`, fullPage: true });

  // The article changes and is imported again: its facts are written anew, the decisions applied to them.
  append(join(e2e.dir, "garrow.txt"), "Shares in Garrow rose 2 per cent.\n");
  importPaths(e2e.dir);
  const again = await garrowRevenue(page);
  expect(again.text).toContain("€1.85 bn");
  expect(again.text).not.toContain("€1.8 bn");
  expect(again.checked).toBe(4);
  const volumes = await (await context.request.get(url("/api/facts?company=garrow&kind=sales_volume"))).json();
  expect(volumes.facts.map((f: { low: number; unit: string }) => [f.low, f.unit])).toEqual([[4200, "lathes"]]);
  await page.goto(url("/review?company=Garrow"));
  await expect(items.count()).resolves.toBe(0);

  // Signing out ends it: the header offers to sign in again, and the queue has no buttons.
  await page.waitForLoadState("networkidle");
  await page.click(".account-signout button");
  await page.locator(".account-signout").waitFor({ state: "detached" });
  await page.goto(url("/review"));
  await expect(page.locator(".account-signout").count()).resolves.toBe(0);
  await expect(page.locator("button[data-key=confirm]").count()).resolves.toBe(0);
  await context.close();
});
