import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, openPage, SCREENSHOT_DIR, VIEWPORTS } from "./browser";

let browser: Browser;
/** Chart text keeps its words together with no-break spaces. */
const spaces = (s: string) => s.replace(/\u00a0/g, " ");
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
    // Each company's latest full year differs, so each bar names its year. Test files that run before this one
    // may import companies of their own, anywhere in the ranking (another test's 48 % fall comes first, the phone
    // test's long name, which grew 12.5 %, last): the seeds' and fixtures' four keep this order among themselves, one
    // bar each, and only theirs are compared.
    const names = (await chart.locator(".recharts-yAxis .recharts-cartesian-axis-tick-value").allTextContents()).map(
      spaces,
    );
    await expect(bars.count()).resolves.toBe(names.length);
    const ours = names.flatMap((n, i) => (/^(?:Renault|Tellbrook|Corvane|Ostrel),/.test(n) ? [i] : []));
    expect(ours.map((i) => names[i])).toEqual(["Renault, 2009", "Tellbrook, 2008", "Corvane, 2009", "Ostrel, 2008"]);
    const values = await chart.locator("text.bar-value").allTextContents();
    expect(ours.map((i) => values[i])).toEqual(["−17 to −18 %", "−15 %", "−10 to −12 %", "5 %"]);
    await expect(bars.nth(ours[0]).getAttribute("stroke")).resolves.toBe("#c0392b");
    await expect(bars.nth(ours[3]).getAttribute("fill")).resolves.toBe("#1e8449");
    await expect(page.locator("text=Renault + Nissan + AvtoVAZ").first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/home-${name}.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(VIEWPORTS)("the home chart's kind of period, at %s size", (size, width, height) => {
  test("an analyst picks quarters: the page says it is loading, then ranks each company's latest quarter", async () => {
    const { page, errors } = await openPage(browser, "/", width, height);
    // The page's data is slowed down, as a large database would, so the loading states can be seen.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (url) => url.searchParams.has("_data"),
      async (route) => {
        await held;
        await route.continue();
      },
    );
    const form = page.getByRole("form", { name: "Periods ranked" });
    const periods = form.locator('select[name="periods"]');
    await expect(periods.inputValue()).resolves.toBe("year");
    await periods.selectOption("quarter");
    const show = form.getByRole("button", { name: "Show" });
    await show.click();

    // While the quarters load: the header says so, the page is marked busy, the button is disabled and says why.
    await page.locator(".pending-status", { hasText: "Loading…" }).waitFor();
    await expect(page.locator("main").getAttribute("aria-busy")).resolves.toBe("true");
    const sending = form.locator('button[type="submit"]');
    await expect(sending.textContent()).resolves.toBe("Showing…");
    await expect(sending.isDisabled()).resolves.toBe(true);
    await expect(sending.getAttribute("aria-busy")).resolves.toBe("true");
    // The other forms' buttons cannot send a second request meanwhile.
    await expect(page.locator("form.compare-form button[type=submit]").isDisabled()).resolves.toBe(true);
    release();

    await page.waitForURL(/\/\?periods=quarter$/);
    const chart = page.locator("#latest-revenue-changes");
    await chart.locator("h3", { hasText: "Latest quarterly revenue change by company, %" }).waitFor();
    // Each bar, a link, is named by its company and period (a phone clips the longest name on the axis).
    const bars = chart.locator(".recharts-bar-rectangle path");
    await expect(bars.evaluateAll((ps) => ps.map((p) => p.getAttribute("aria-label")))).resolves.toEqual([
      "Tellbrook, Q1 2009: −14 %, open its sentence",
      "Halvane, Q3 2009: −8 %, open its sentence",
      "Morvath, Q4, year unknown: −3 %, open its sentence",
    ]);
    const names = await chart.locator(".recharts-yAxis .recharts-cartesian-axis-tick-value").allTextContents();
    expect(names.map(spaces)[0]).toBe("Tellbrook, Q1 2009");
    await expect(chart.locator("text.bar-value").allTextContents()).resolves.toEqual(["−14 %", "−8 %", "−3 %"]);
    // The table view says the same, and what each is measured against.
    await chart.getByText("Table", { exact: true }).click();
    await chart.locator("table tbody tr").first().waitFor();
    const rows = await chart.locator("table tbody tr").allTextContents();
    expect(rows[0]).toContain("Q1 2009 vs Q1 2008");
    expect(rows[1]).toContain("Q3 2009 vs Q3 2008");

    // Loaded: nothing busy, the button back, the choice kept in the form.
    await expect(page.locator("main").getAttribute("aria-busy")).resolves.toBeNull();
    await expect(page.locator(".pending-status").textContent()).resolves.toBe("");
    await expect(form.getByRole("button", { name: "Show" }).isEnabled()).resolves.toBe(true);
    await expect(form.locator('select[name="periods"]').inputValue()).resolves.toBe("quarter");
    // The largest declines are a click away, of quarters too.
    await expect(
      page.locator("p.subtle").getByRole("link", { name: "The largest revenue declines" }).getAttribute("href"),
    ).resolves.toBe("/declines?periods=quarter");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/home-quarters-${size}.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("suggestions on their way", () => {
  test('the header\'s search says "Searching…" until the companies come, then lists them', async () => {
    const { page, errors } = await openPage(browser, "/");
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/companies?**", async (route) => {
      await held;
      await route.continue();
    });
    const search = page.getByRole("combobox", { name: "Search companies" });
    await search.pressSequentially("ren");
    const status = page.locator("header .combobox [role=status]");
    await status.filter({ hasText: "Searching…" }).waitFor();
    await expect(status.isVisible()).resolves.toBe(true);
    await expect(page.locator("header [role=listbox]").getAttribute("aria-busy")).resolves.toBe("true");
    release();
    await page.locator("header [role=option]", { hasText: "Renault" }).first().waitFor();
    await expect(page.locator("header [role=listbox]").getAttribute("aria-busy")).resolves.toBeNull();
    await expect(status.textContent()).resolves.toMatch(/companies found|company found/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
