import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, openPage, SCREENSHOT_DIR, VIEWPORTS } from "./browser";

const RENAULT_REVENUE_QUOTE = "Renault posted revenues of €40.68 billion for 2007 and €37.79 billion in 2008.";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const open = (path: string, width?: number, height?: number) => openPage(browser, path, width, height);

describe("company page", () => {
  test("the revenue chart has bars for 2007 and 2008; hovering one shows its sentence; a click opens it", async () => {
    const { page, errors } = await open("/companies/renault");
    const chart = page.locator("#revenue-eur-year");
    const ticks = await chart.locator(".recharts-xAxis .recharts-cartesian-axis-tick-value").allTextContents();
    expect(ticks).toEqual(["2007", "2008"]);
    const bars = chart.locator(".recharts-bar-rectangle path");
    await expect(bars.count()).resolves.toBe(2);
    await bars.first().hover();
    const tooltip = chart.locator(".chart-tooltip");
    await tooltip.waitFor({ state: "visible" });
    await expect(tooltip.textContent()).resolves.toContain(RENAULT_REVENUE_QUOTE);
    await expect(tooltip.textContent()).resolves.toContain("€40.68 bn");
    await bars.first().click();
    await page.waitForURL(/\/articles\/\d+#fact-\d+$/);
    const target = page.locator("mark.fact-sentence:has(.anchor:target)");
    await expect(target.textContent()).resolves.toBe(RENAULT_REVENUE_QUOTE);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("forecasts are hatched and the table alternative lists every figure", async () => {
    const { page, errors } = await open("/companies/renault");
    const forecast = page.locator('#revenue-change-year .recharts-bar-rectangle path[data-status="forecast"]');
    await expect(forecast.getAttribute("fill")).resolves.toMatch(/^url\(#hatch-/);
    await page.locator("#revenue-change-year label", { hasText: /^Table$/ }).click();
    await page.locator("#revenue-change-year table").waitFor({ state: "visible" });
    const rows = await page.locator("#revenue-change-year table tbody tr").allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("−17 to −18 %");
    expect(rows[0]).toContain("forecast");
    expect(rows[0]).toContain("vs 2007");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an unknown company is a 404 page that says so", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${inject("baseURL")}/companies/daimler`);
    expect(response?.status()).toBe(404);
    await expect(page.locator(".error").textContent()).resolves.toContain('No company called "daimler"');
    await page.close();
  });
});

describe.each(VIEWPORTS)("exports at %s size", (size, width, height) => {
  test("Export → PNG on a company chart downloads the chart as a PNG named after it", async () => {
    const page = await browser.newPage({ acceptDownloads: true, viewport: { width, height } });
    await page.goto(`${inject("baseURL")}/companies/renault`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('#revenue-eur-year a[data-format="png"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe("renault-revenue-eur-2007-2008.png");
    const file = await readFile((await download.path())!);
    expect([...file.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(file.readUInt32BE(16)).toBe(2560);
    await page.close();
  });

  test("Export → PowerPoint: a native chart from zero, the range's two ends, the base in the footnote", async () => {
    const page = await browser.newPage({ acceptDownloads: true, viewport: { width, height } });
    await page.goto(`${inject("baseURL")}/companies/renault`);
    await page.waitForLoadState("networkidle");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('#revenue-change-year a[data-format="pptx"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^renault-revenue-change.*\.pptx$/);
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    const chart = await zip.file("ppt/charts/chart1.xml")!.async("string");
    const slide = await zip.file("ppt/slides/slide1.xml")!.async("string");
    // −17 to −18 %: both ends written, never the middle; the axis holds zero; the base named.
    const values = [...chart.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    expect(values).toEqual(expect.arrayContaining(["-17", "-18"]));
    expect(values).not.toContain("-17.5");
    expect(Number(/<c:valAx>[\s\S]*?<c:max val="([^"]+)"/.exec(chart)?.[1])).toBeGreaterThanOrEqual(0);
    expect(slide).toMatch(/Each change against: [^<]*vs 2007/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/exports-${size}.png` });
    await page.close();
  });
});

describe("exports being prepared", () => {
  test("the deck link says it is preparing the deck until the file comes, then saves it under its name", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${inject("baseURL")}/companies/renault`);
    await page.waitForLoadState("networkidle");
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/export/deck.pptx?**", async (route) => {
      await held;
      await route.continue();
    });
    const link = page.getByRole("link", { name: "All charts as a PowerPoint deck" });
    const downloaded = page.waitForEvent("download");
    await link.click();
    await page.getByRole("status").filter({ hasText: "Preparing the deck…" }).waitFor();
    await expect(link.getAttribute("aria-busy")).resolves.toBe("true");
    release();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe("renault-deck.pptx");
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 2).toString()).toBe("PK");
    await expect(link.getAttribute("aria-busy")).resolves.toBeNull();
    await page.close();
  });

  test("an export refused (too many at once) says why beside its link, and saves no file", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${inject("baseURL")}/companies/renault`);
    await page.waitForLoadState("networkidle");
    const message = "Too many exports are being made at once: try again in 5 s.";
    await page.route("**/export/revenue.pptx?**", (route) =>
      route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ message }) }),
    );
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.locator('#revenue-eur-year a[data-format="pptx"]').click();
    await page.locator("#revenue-eur-year .download-status.failed", { hasText: message }).waitFor();
    expect(downloads).toBe(0);
    await page.close();
  });
});

describe("stakes page", () => {
  test("shows Renault -> Nissan 43 % with its two sources, one row per as-of year", async () => {
    const { page, errors } = await open("/stakes");
    const rows = page.locator('tr[data-pair="renault>nissan"]');
    await expect(rows.count()).resolves.toBe(2);
    const text = (await rows.allTextContents()).join(" ");
    expect(text).toContain("43 %");
    expect(text).toContain("2022, from the article's date");
    // A page of many pairs lists a figure's sources when its "N sources" is opened (docs/decisions/039).
    await expect(rows.locator("li").count()).resolves.toBe(0);
    for (const summary of await rows.locator("details.lazy-sources > summary").all()) await summary.click();
    await expect.poll(() => rows.locator("li").count()).toBe(2);
    const items = await rows.locator("li").allTextContents();
    expect(items.join(" ")).toContain("sell down its 43% stake");
    const hrefs = await rows.locator("li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const href of hrefs) expect(href).toMatch(/^\/articles\/\d+#fact-\d+$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("compare page", () => {
  test("two companies draw two series on one chart, with a legend naming both", async () => {
    const { page, errors } = await open("/compare?companies=renault,nissan&metric=revenue&mode=absolute");
    await expect(page.locator(".recharts-line.line-actual").count()).resolves.toBe(2);
    const legend = await page.locator(".recharts-legend-item-text").allTextContents();
    expect(legend).toEqual(["Renault", "Nissan"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a bogus parameter is a 400 page with the reason", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${inject("baseURL")}/compare?companies=renault&metric=bogus`);
    expect(response?.status()).toBe(400);
    await expect(page.locator(".error").textContent()).resolves.toContain("metric is revenue or revenue_change");
    await page.close();
  });

  test("filters live in the URL: submitting the form changes it, and back returns", async () => {
    const { page } = await open("/compare?companies=renault,nissan&metric=revenue&mode=absolute");
    await page.locator('select[name="mode"]').selectOption("indexed");
    await page.locator('form.filters button[type="submit"]').click();
    await page.waitForURL(/mode=indexed/);
    await page.locator("figure h3", { hasText: "indexed" }).waitFor();
    await page.goBack();
    await page.waitForURL(/mode=absolute/);
    await page.close();
  });
});

describe("article page", () => {
  test("markup in an article is shown as text: no script runs and no element is injected", async () => {
    const { page, errors } = await open("/facts?company=ostrel");
    const link = page.locator('td[data-label="Source sentence"] a').first();
    await link.click();
    await page.waitForURL(/\/articles\/\d+/);
    await expect(
      page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
    ).resolves.toBeUndefined();
    await expect(page.locator(".article-text img, .article-text script").count()).resolves.toBe(0);
    await expect(page.locator(".article-text").textContent()).resolves.toContain("<img src=x");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("layout", () => {
  const pages = [
    ["company", "/companies/renault"],
    ["stakes", "/stakes"],
    ["compare", "/compare?companies=renault,nissan&metric=revenue"],
    ["facts", "/facts"],
  ];
  test.each([
    ["desktop", 1280, 800],
    ["phone", 390, 844],
  ])("reads at %s size without sideways scrolling or script errors", async (name, width, height) => {
    for (const [label, path] of pages) {
      const { page, errors } = await open(path, width, height);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${label} is wider than the screen`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${label}-${name}.png`, fullPage: true });
      expect(errors, label).toEqual([]);
      await page.close();
    }
  });
});
