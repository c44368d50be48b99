import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, SCREENSHOT_DIR } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("home page", () => {
  test("the server sends the seed articles, their facts and a drawn chart", async () => {
    const html = await (await fetch(inject("baseURL"))).text();
    expect(html).toMatch(/<svg[^>]*recharts-surface/);
    expect(html).toContain('href="/companies/renault"');
    // The home page lists only the latest articles (the browser tests import more after the seeds); the company
    // page lists every article of the company.
    const renault = await (await fetch(new URL("/companies/renault", inject("baseURL")))).text();
    expect(renault).toContain("Nissan, Renault to start new alliance, sources say");
    // The headline chart ranks full years only: Renault's forecast for 2009, not its nine-month figure.
    expect(html).toContain("Latest full-year revenue change by company, %");
    expect(html).toContain("−17 to −18 %");
    expect(html).toContain("Renault's revenue in 2009 could experience a drop of 17 to 18 per cent");
    expect(html).not.toContain("Renault's revenue for the first nine months of this year was down 20 per cent");
  });

  test.each([
    ["desktop", 1280, 800],
    ["phone", 390, 844],
  ])("renders in Chromium at %s size", async (name, width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(inject("baseURL"));
    await expect(page.locator("h1").textContent()).resolves.toBe("Financial figures from the news");
    // Horizontal bars, a name per line: Renault's full-year forecast (the largest decline) first, the declines
    // fixtures' two companies, and the one company that grew last, each in its own colour and with its figure.
    const chart = page.locator("#latest-revenue-changes");
    const bars = chart.locator(".recharts-bar-rectangle path");
    await expect(bars.count()).resolves.toBe(4);
    const names = await chart.locator(".recharts-yAxis .recharts-cartesian-axis-tick-value").allTextContents();
    expect(names).toEqual(["Renault", "Tellbrook", "Corvane", "Ostrel"]);
    await expect(chart.locator("text.bar-value").allTextContents()).resolves.toEqual([
      "−17 to −18 %",
      "−15 %",
      "−10 to −12 %",
      "5 %",
    ]);
    await expect(bars.nth(0).getAttribute("stroke")).resolves.toBe("#c0392b");
    await expect(bars.nth(3).getAttribute("fill")).resolves.toBe("#1e8449");
    await expect(page.locator("text=Renault + Nissan + AvtoVAZ").first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/home-${name}.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});
