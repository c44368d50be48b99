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
    expect(html).toContain("Nissan, Renault to start new alliance, sources say");
    expect(html).toContain("€40.68 bn");
    expect(html).toContain("Renault posted revenues of €40.68 billion for 2007 and €37.79 billion in 2008.");
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
    // One company (Renault) has a revenue change in the seeds: one bar, drawn as a decline.
    const bars = page.locator(".recharts-bar-rectangle path");
    await expect(bars.count()).resolves.toBe(1);
    await expect(bars.first().getAttribute("fill")).resolves.toBe("#c0392b");
    await expect(page.locator(".recharts-cartesian-axis-tick-value").allTextContents()).resolves.toContain(
      "Renault 9M 2009",
    );
    await expect(page.locator("text=Renault + Nissan + AvtoVAZ").first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/home-${name}.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});
