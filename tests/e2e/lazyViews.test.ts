import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, openPage } from "./browser";

/**
 * Pages of many charts draw each chart's Table and Sources views, and the stakes table each figure's sources, only
 * when a reader opens them (docs/decisions/039): with scripts they are loaded in place, without scripts the panel
 * is a link to a page that has them in full. Either way the same figures, sentences and links are reached.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const url = (path: string) => `${inject("baseURL")}${path}`;
const RENAULT_2007 = "Renault posted revenues of €40.68 billion";

describe("with scripts, views load where they are opened", () => {
  test("a company chart's Table shows its figures and sentences' links; Sources lists the sentences", async () => {
    const { page, errors } = await openPage(browser, "/companies/renault");
    const chart = page.locator("#revenue-eur-year");
    // Nothing of the table is on the page until it is opened.
    await expect(chart.locator(".chart-panel-table table").count()).resolves.toBe(0);
    await chart.locator("label", { hasText: /^Table$/ }).click();
    const rows = chart.locator(".chart-panel-table tbody tr");
    await rows.first().waitFor();
    await expect(rows.locator('td[data-label="When"]').allTextContents()).resolves.toEqual(["2007", "2008"]);
    await expect(rows.locator('td[data-label="Figure"]').allTextContents()).resolves.toEqual([
      "€40.68 bn",
      "€37.79 bn",
    ]);
    const link = rows.first().locator("td.quote a").first();
    await expect(link.getAttribute("href")).resolves.toMatch(/^\/articles\/\d+#fact-\d+$/);
    await expect(link.getAttribute("title")).resolves.toContain(RENAULT_2007);
    await chart.locator("label", { hasText: /^Sources$/ }).click();
    await expect(chart.locator(".chart-panel-sources .quote a").first().textContent()).resolves.toContain(RENAULT_2007);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a stake chart's Table and Sources load from the pair's page; a figure's sources open in the table", async () => {
    const { page, errors } = await openPage(browser, "/companies/harlow");
    const chart = page.locator("#stake-harlow-velmora");
    await chart.locator("label", { hasText: /^Table$/ }).click();
    const rows = chart.locator(".chart-panel-table tbody tr");
    await rows.first().waitFor();
    await expect(rows.locator('td[data-label="When"]').allTextContents()).resolves.toEqual(["2005", "2022"]);
    await expect(rows.locator('td[data-label="Figure"]').allTextContents()).resolves.toEqual(["44 %", "43 %"]);
    await chart.locator("label", { hasText: /^Sources$/ }).click();
    const sources = chart.locator(".chart-panel-sources .quote a");
    await sources.first().waitFor();
    await expect(sources.allTextContents()).resolves.toContain(
      "“Harlow Group holds 44% of Velmora, the company said.”",
    );
    // The stakes table above lists a figure's sources when its count is opened.
    const row = page.locator('tr[data-pair="harlow>velmora"][data-year="2005"]');
    await row.locator("details.lazy-sources > summary").click();
    const item = row.locator("details.lazy-sources li");
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain("Harlow Group holds 44% of Velmora, the company said.");
    await expect(item.locator("a").getAttribute("href")).resolves.toMatch(/^\/articles\/\d+#fact-\d+$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("without scripts, views link to a page that has them in full", () => {
  test("a company chart's Table and Sources panels lead to the chart's own page, with the table and sentences", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url("/companies/renault"));
    const chart = page.locator("#revenue-eur-year");
    await chart.locator("label", { hasText: /^Table$/ }).click();
    const link = chart.locator(".chart-panel-table a", { hasText: "The table of this chart" });
    await expect(link.isVisible()).resolves.toBe(true);
    await expect(link.getAttribute("href")).resolves.toBe("/companies/renault/charts/revenue-eur-year");
    await link.click();
    await page.waitForURL(/\/companies\/renault\/charts\/revenue-eur-year$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Renault");
    const own = page.locator("#revenue-eur-year");
    await own.locator("label", { hasText: /^Table$/ }).click();
    await expect(own.locator('.chart-panel-table td[data-label="Figure"]').allTextContents()).resolves.toEqual([
      "€40.68 bn",
      "€37.79 bn",
    ]);
    await own.locator("label", { hasText: /^Sources$/ }).click();
    await expect(own.locator(".chart-panel-sources").textContent()).resolves.toContain(RENAULT_2007);
    await expect(page.locator("a", { hasText: "Back to Renault's page" }).getAttribute("href")).resolves.toBe(
      "/companies/renault",
    );
    await context.close();
  });

  test("/stakes: a figure's sources open to a link to the pair's page, which lists every one", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url("/stakes"));
    const row = page.locator('tr[data-pair="renault>nissan"]').first();
    await row.locator("details.lazy-sources > summary").first().click();
    const link = row.locator("details.lazy-sources a").first();
    await expect(link.textContent()).resolves.toBe("The sources, on the page of Renault's stake in Nissan");
    await link.click();
    await page.waitForURL(/\/stakes\?holder=renault&held=nissan#stake-renault-nissan$/);
    const rows = page.locator('tr[data-pair="renault>nissan"]');
    await expect(rows.locator("li").count()).resolves.toBe(2);
    await expect(rows.allTextContents().then((t) => t.join(" "))).resolves.toContain("sell down its 43% stake");
    // The pair's own page draws its chart's table and sources too.
    await context.close();
  });
});
