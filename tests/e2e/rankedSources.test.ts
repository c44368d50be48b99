import { describe, expect, test } from "vitest";
import { openPage, SCREENSHOT_DIR } from "./browser";
import { setUpE2e } from "./session";

/**
 * Two articles say Keswick Rail's revenue for the first half of 2011 fell 12%: the declines table lists both, with
 * their sentences, and so does the home chart's table view; before, only the newest was named ("and 1 more").
 * Half years, so the other tests' full-year and quarter rankings stay as they expect them.
 */
const QUOTE = "Keswick Rail said its revenue for the first half of 2011 fell 12%.";
const e2e = setUpE2e({
  articles: {
    "keswick-a.txt": `Keswick Rail interim results\n\nDate: 2011-08-01\n\n${QUOTE}\n`,
    "keswick-b.txt": `Keswick Rail trading update\n\nDate: 2011-09-01\n\n${QUOTE}\n`,
  },
});

describe("every source of a ranked figure", () => {
  test("the declines table lists both articles with their sentences", async () => {
    const { page, errors } = await openPage(e2e.browser, "/declines?periods=half&year=2011");
    const row = page.locator("table.declines-table tbody tr[data-company='keswick-rail']");
    const cell = row.locator("td[data-label='Sources']");
    await expect(cell.locator(".source-count").textContent()).resolves.toBe("2 sources:");
    await expect(cell.locator("li").allTextContents()).resolves.toEqual([
      `Keswick Rail trading update (2011): “${QUOTE}”`,
      `Keswick Rail interim results (2011): “${QUOTE}”`,
    ]);
    await expect(cell.locator("li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).resolves.toEqual([
      expect.stringMatching(/^\/articles\/\d+#fact-\d+$/),
      expect.stringMatching(/^\/articles\/\d+#fact-\d+$/),
    ]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/declines-sources.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the home chart's table lists both articles for the bar", async () => {
    const { page, errors } = await openPage(e2e.browser, "/?periods=half");
    await page.click("label[for='latest-revenue-changes-view-table']");
    const row = page.locator("#latest-revenue-changes .chart-panel-table tbody tr", { hasText: "Keswick Rail" });
    await expect(row.locator("td.quote a").allTextContents()).resolves.toEqual([
      "Keswick Rail trading update (2011)",
      "Keswick Rail interim results (2011)",
    ]);
    await expect(row.locator("td.quote").textContent()).resolves.not.toContain("more");
    expect(errors).toEqual([]);
    await page.close();
  });
});
