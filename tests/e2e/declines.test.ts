import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, SCREENSHOT_DIR, VIEWPORTS } from "./browser";

/**
 * From the home page to a two-company decline comparison by clicks and choices only, on the declines fixtures:
 * Corvane's changes for 2005, 2006, 2008 (none for 2007) and a forecast for 2009; Tellbrook's for 2007 and for
 * 2008 against 2006.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The x positions of a chart's time-axis ticks, by label. */
async function tickPositions(page: Page, chart: string): Promise<Record<string, number>> {
  const ticks = page.locator(`${chart} .recharts-xAxis .recharts-cartesian-axis-tick-value`);
  const out: Record<string, number> = {};
  for (const tick of await ticks.all()) out[(await tick.textContent()) ?? ""] = Number(await tick.getAttribute("x"));
  return out;
}

describe.each(VIEWPORTS)("declines at %s size", (size, width, height) => {
  test("home → largest declines of 2008 → compare the two: a gap on the time axis where Corvane has no 2007", async () => {
    const { page, errors } = await openPage(browser, "/", width, height);
    await page.locator("nav").getByRole("link", { name: "Largest revenue declines" }).click();
    await page.waitForURL(/\/declines$/);
    // The address changes before a client-side navigation renders: wait for the page itself.
    await page.locator("h1", { hasText: "Largest revenue declines" }).waitFor();

    // Full years of 2008 only.
    const filters = page.locator("form.declines-form");
    await filters.locator('select[name="periods"]').selectOption("year");
    await filters.locator('select[name="year"]').selectOption("2008");
    await filters.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/\/declines\?periods=year&year=2008$/);
    await page.locator("h2", { hasText: "Full years in 2008" }).waitFor();
    const rows = page.locator("table.declines-table tbody tr");
    await expect(rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-company")))).resolves.toEqual([
      "tellbrook",
      "corvane",
    ]);
    const first = (await rows.first().textContent()) ?? "";
    expect(first).toContain("−15 %");
    expect(first).toContain("vs 2006");

    // The comparison form comes filled with the two largest declines and the change metric.
    const form = page.locator("form.compare-form");
    await expect(form.getByRole("combobox", { name: "Companies, separated by commas" }).inputValue()).resolves.toBe(
      "Tellbrook, Corvane",
    );
    await expect(form.locator('select[name="metric"]').inputValue()).resolves.toBe("revenue_change");
    await form.getByRole("button", { name: "Compare these companies" }).click();
    await page.waitForURL(/\/compare\?.*metric=revenue_change/);

    const chart = "#compare-percent";
    await page.locator(`${chart} .recharts-line.line-actual`).first().waitFor();
    await expect(page.locator(`${chart} .recharts-legend-item-text`).allTextContents()).resolves.toEqual([
      "Tellbrook",
      "Corvane",
    ]);
    // A real time axis: every year has its tick, evenly spaced, 2007 included though Corvane gives none.
    const x = await tickPositions(page, chart);
    expect(Object.keys(x)).toEqual(["2005", "2006", "2007", "2008", "2009"]);
    expect(Math.abs(x["2008"] - x["2007"] - (x["2007"] - x["2006"]))).toBeLessThan(1);
    // Corvane's points at 2005, 2006 and 2008; nothing at 2007, and its solid line is two pieces, none across 2007.
    const corvane = page.locator(`${chart} .line-actual circle.compare-point[data-company="corvane"]`);
    await expect(corvane.evaluateAll((cs) => cs.map((c) => c.getAttribute("data-t")))).resolves.toEqual([
      "2005",
      "2006",
      "2008",
    ]);
    const d = (await page.locator(`${chart} path.recharts-line-curve[name="Corvane"]`).getAttribute("d")) ?? "";
    const moves = [...d.matchAll(/M\s*([\d.]+)/g)].map((m) => Number(m[1]));
    expect(moves).toHaveLength(2);
    // The second piece starts at 2008, so no stroke covers 2007's slot.
    expect(Math.abs(moves[1] - x["2008"])).toBeLessThan(1);
    // Corvane's 2009 forecast is dashed and hollow; Tellbrook's 2008 is against 2006, labelled so, off its line.
    await expect(
      page
        .locator(`${chart} .line-projected circle.compare-point[data-company="corvane"][data-t="2009"]`)
        .getAttribute("fill"),
    ).resolves.toBe("#ffffff");
    await expect(page.locator(`${chart} .line-apart .recharts-label`).allTextContents()).resolves.toContain("vs 2006");
    await expect(page.locator(`${chart} .base-link`).count()).resolves.toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/declines-compare-${size}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
