import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, SCREENSHOT_DIR, VIEWPORTS } from "./browser";

/**
 * Issue 12's "a selector picks the period type and the year range", in the browser at both sizes, on the declines
 * fixtures: Corvane's full-year changes for 2005, 2006, 2008 and a 2009 forecast (none for 2007); Tellbrook's for
 * 2007, 2008 against 2006, and the first half of 2008.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Text as read, with the non-breaking spaces that keep a label on one line as plain ones. */
const plain = (t: string | null) => (t ?? "").replace(/\u00a0/g, " ");

/** A chart's time-axis labels (the ticks a narrow chart leaves unlabelled are left out) and its bars' figures. */
async function drawn(page: Page, chart: string) {
  const figure = page.locator(`figure#${chart}`);
  await figure.locator(".recharts-xAxis .recharts-cartesian-axis-tick-value").first().waitFor();
  return {
    ticks: (await figure.locator(".recharts-xAxis .recharts-cartesian-axis-tick-value").allTextContents())
      .map(plain)
      .filter(Boolean),
    figures: (await figure.locator("text.bar-value").allTextContents()).map(plain),
  };
}

describe.each(VIEWPORTS)("the period selector at %s size", (size, width, height) => {
  test("a range of years: 2006 to 2008, with 2007 an empty slot, chosen in the form", async () => {
    const { page, errors } = await openPage(browser, "/companies/corvane", width, height);
    const form = page.locator("form.period-form");
    await form.locator('input[name="from"]').fill("2006");
    await form.locator('input[name="to"]').fill("2008");
    await form.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/\/companies\/corvane\?periods=year&from=2006&to=2008$/);
    // The address changes before the page renders: wait for the range's chart (two bars, not the four before).
    await page.waitForFunction(
      () => document.querySelectorAll("figure#revenue-change-year text.bar-value").length === 2,
    );
    const { ticks, figures } = await drawn(page, "revenue-change-year");
    expect(figures).toEqual(["−4 %", "−9 %"]);
    // Every year of the range keeps its tick (2007 among them, on the phone perhaps unlabelled); none outside it.
    const all = await page.locator("figure#revenue-change-year .recharts-xAxis .recharts-cartesian-axis-tick").count();
    expect(all).toBe(3);
    expect(ticks[0]).toBe("2006");
    expect(ticks.every((t) => ["2006", "2007", "2008"].includes(t))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/periods-range-${size}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a kind of period: Tellbrook's half years on their own axis, kinds it lacks marked (none)", async () => {
    const { page, errors } = await openPage(browser, "/companies/tellbrook", width, height);
    const select = page.locator('form.period-form select[name="periods"]');
    await expect(select.locator("option").allTextContents()).resolves.toEqual([
      "Full years",
      "Half years",
      "Quarters",
      "Nine months (none)",
    ]);
    await select.selectOption("half");
    await page.locator("form.period-form").getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/\/companies\/tellbrook\?periods=half/);
    await page.locator("figure#revenue-change-half").waitFor();
    const { ticks, figures } = await drawn(page, "revenue-change-half");
    // The first half of 2008 alone, against the first half of 2007, to which the axis reaches back (its base, joined
    // by a dashed line); no full year shares the axis.
    expect(figures).toEqual(["−11 %"]);
    expect(ticks).toEqual(["H1 2007", "H2 2007", "H1 2008"]);
    await expect(page.locator("figure#revenue-change-half .base-link").textContent().then(plain)).resolves.toBe(
      "vs H1 2007",
    );
    await expect(page.locator("figure#revenue-change-year").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
