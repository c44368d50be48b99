import { describe, expect, test } from "vitest";
import { SCREENSHOT_DIR } from "./browser";
import { setUpE2e, signInOn, url } from "./session";

/**
 * An analyst confirms a figure in the review queue with the keyboard and sees it marked on the company's chart:
 * a check mark after the bar's figure, the legend line, the words in the tooltip, and the same mark in the SVG
 * export. Uses a company of its own (Ternvale), so the other browser tests' data stays as they expect it.
 */
const USER = "e2e-checker";
const PASSWORD = "checker-pass-e2e";

const e2e = setUpE2e({
  users: { [USER]: { role: "analyst", password: PASSWORD } },
  articles: {
    "ternvale.txt":
      "Ternvale revenue rises\n\nTernvale Optics posted revenues of €1.2 billion for 2019 and €1.4 billion in 2020.\n",
  },
});

describe("checked figures on the chart", () => {
  test("an analyst confirms a figure with the keyboard and the chart, its tooltip and its SVG mark it", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url("/companies/ternvale"));
    const chart = page.locator("#revenue-eur-year");
    await expect(chart.locator(".checked-glyph").count()).resolves.toBe(0);
    await expect(chart.textContent()).resolves.not.toContain("checked by an analyst");

    await signInOn(page, USER, PASSWORD, "/review?company=Ternvale");
    const item = page.locator(".review-item", { has: page.locator(".fact-figure", { hasText: "€1.4 billion" }) });
    const factId = await item.getAttribute("data-fact-id");
    // j moves to the next fact, a accepts (confirms) the focused one.
    await page.locator(".review-item").first().focus();
    for (
      let i = 0;
      i < 3 && (await page.evaluate(() => document.activeElement?.getAttribute("data-fact-id"))) !== factId;
      i++
    ) {
      await page.keyboard.press("j");
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-fact-id"))).toBe(factId);
    await page.keyboard.press("a");
    await page.locator(`.review-item[data-fact-id="${factId}"]`).waitFor({ state: "detached" });

    await page.goto(url("/companies/ternvale"));
    await page.waitForLoadState("networkidle");
    const bar2020 = chart.locator('path[data-label="2020"]');
    await expect(bar2020.getAttribute("data-checked")).resolves.toBe("confirmed");
    await expect(chart.locator('path[data-label="2019"]').getAttribute("data-checked")).resolves.toBeNull();
    await expect(bar2020.getAttribute("aria-label")).resolves.toBe(
      "2020: €1.4 bn, confirmed by an analyst, open its sentence",
    );
    // One mark after the 2020 figure, one in the legend.
    await expect(chart.locator(".recharts-label-list .checked-glyph").count()).resolves.toBe(1);
    await expect(chart.locator(".checked-legend").textContent()).resolves.toContain("checked by an analyst");
    await bar2020.hover();
    const tooltip = chart.locator(".chart-tooltip");
    await tooltip.waitFor();
    await expect(tooltip.textContent()).resolves.toContain("✓ Checked: confirmed by an analyst");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/checked-chart.png`, fullPage: false });
    // The table view says so too (drawn when opened, from the chart's own page).
    await chart.locator("label", { hasText: /^Table$/ }).click();
    await chart.locator(".chart-panel-table tbody tr").first().waitFor();
    await expect(chart.locator(".chart-panel-table .checked-mark").count()).resolves.toBe(1);

    const svg = await (await context.request.get(url("/export/revenue.svg?company=ternvale"))).text();
    expect(svg).toMatch(/data-label="2020" data-checked="confirmed"/);
    expect(svg).toContain(">checked by an analyst</text>");
    await context.close();
  });
});
