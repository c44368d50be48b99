import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, SCREENSHOT_DIR, VIEWPORTS } from "./browser";

/**
 * Issue 12's check "no chart text under 11 px on the phone", at a laptop's size and a phone's, over every page
 * with charts: each chart is drawn again at its panel's width (not a 720 px drawing shrunk), and every piece of
 * its text, SVG or legend, measures at least 11 px on screen.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PAGES = [
  ["home", "/", 1],
  ["company", "/companies/renault", 2],
  ["compare", "/compare?companies=Tellbrook,Corvane&metric=revenue_change", 1],
  ["stakes", "/stakes", 1],
  ["declines", "/declines?periods=year&year=2008", 1],
] as const;

interface ChartReport {
  id: string;
  panelWidth: number;
  drawnWidth: number;
  texts: number;
  smallest: { text: string; px: number } | null;
  legendIcon: number;
}

/** Each chart's panel and drawing widths, and the on-screen size of its smallest text (SVG scaling included). */
function measureCharts(page: Page): Promise<ChartReport[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("figure.chart")].map((figure) => {
      const panel = figure.querySelector<HTMLElement>(".chart-panel-chart")!;
      const svg = panel.querySelector<SVGSVGElement>(".recharts-wrapper > svg.recharts-surface")!;
      let smallest: { text: string; px: number } | null = null;
      let texts = 0;
      for (const el of panel.querySelectorAll<Element>("svg text, .recharts-legend-item-text")) {
        const text = el.textContent?.trim() ?? "";
        if (!text || el.getBoundingClientRect().width === 0) continue;
        texts++;
        let px = Number.parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGGraphicsElement) {
          const m = el.getScreenCTM()!;
          px *= Math.hypot(m.a, m.b);
        }
        if (!smallest || px < smallest.px) smallest = { text, px };
      }
      const icons = [...panel.querySelectorAll(".recharts-legend-item svg")].map(
        (i) => i.getBoundingClientRect().width,
      );
      return {
        id: figure.id,
        panelWidth: panel.clientWidth,
        drawnWidth: Number(svg.getAttribute("width")),
        texts,
        smallest,
        legendIcon: Math.max(0, ...icons),
      };
    }),
  );
}

describe.each(VIEWPORTS)("charts at %s size", (size, width, height) => {
  test.each(PAGES)("%s: every chart fills its width and no chart text is under 11 px", async (name, path, least) => {
    const { page, errors } = await openPage(browser, path, width, height);
    // Drawn again after hydration at the panel's width: wait for the drawing to match it.
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>("figure.chart .chart-panel-chart")].every(
        (p) => Number(p.querySelector("svg.recharts-surface")?.getAttribute("width")) === p.clientWidth,
      ),
    );
    const charts = await measureCharts(page);
    expect(charts.length).toBeGreaterThanOrEqual(least);
    for (const c of charts) {
      expect(c.drawnWidth, c.id).toBe(c.panelWidth);
      expect(c.panelWidth, c.id).toBeLessThanOrEqual(width);
      // Full width: the chart takes its column (the page's main column, at most 1100 px), not 720 px of it.
      expect(c.panelWidth, c.id).toBeGreaterThan(Math.min(width, 1100) - 60);
      expect(c.texts, c.id).toBeGreaterThan(3);
      expect(c.smallest!.px, `${c.id}: "${c.smallest!.text}"`).toBeGreaterThanOrEqual(11);
      // Legend icons keep their 14 px (styles.css once stretched every recharts SVG to the chart's width).
      expect(c.legendIcon, c.id).toBeLessThanOrEqual(20);
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chart-text-${name}-${size}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("chart views and keyboard", () => {
  test("a chart's Table and Sources views; a bar reached with Tab opens its sentence on Enter", async () => {
    const { page, errors } = await openPage(browser, "/companies/renault");
    const chart = page.locator("#revenue-eur-year");
    await chart.locator("label", { hasText: /^Sources$/ }).click();
    const sources = chart.locator(".chart-panel-sources");
    await sources.waitFor({ state: "visible" });
    await expect(chart.locator(".chart-panel-chart").isVisible()).resolves.toBe(false);
    await expect(sources.locator(".quote a").first().textContent()).resolves.toContain(
      "Renault posted revenues of €40.68 billion",
    );
    await chart.locator("label", { hasText: /^Table$/ }).click();
    await expect.poll(() => chart.locator(".chart-panel-table tbody tr").count()).toBe(2);
    await chart.locator("label", { hasText: /^Chart$/ }).click();

    // The bars are links in the tab order, named by their period and figure.
    const bar = chart.locator('.recharts-bar-rectangle path[role="link"]').first();
    await expect(bar.getAttribute("aria-label")).resolves.toBe("2007: €40.68 bn, open its sentence");
    await bar.focus();
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-label"))).resolves.toBe("2007");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/articles\/\d+#fact-\d+$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a comparison's points take focus and name company, period and figure", async () => {
    const { page, errors } = await openPage(browser, "/compare?companies=Tellbrook,Corvane&metric=revenue_change");
    const points = page.locator('#compare-percent circle.compare-point[role="link"]');
    await expect(points.count()).resolves.toBeGreaterThan(3);
    await expect(points.evaluateAll((cs) => cs.map((c) => c.getAttribute("aria-label")))).resolves.toContain(
      "Corvane, 2006: −4 %, open its sentence",
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
