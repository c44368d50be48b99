import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, openPage, SCREENSHOT_DIR, VIEWPORTS } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const open = (path: string, width?: number, height?: number) => openPage(browser, path, width, height);

describe.each(VIEWPORTS)("at %s size", (size, width, height) => {
  test("the header's search finds a company by an alias; arrows and Enter land on its page", async () => {
    const { page, errors } = await open("/", width, height);
    const box = page.getByRole("combobox", { name: "Search companies" });
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("false");
    await box.pressSequentially("ostrel foods");
    const listbox = page.locator(`[id="${await box.getAttribute("aria-controls")}"]`);
    const option = listbox.getByRole("option", { name: /Ostrel/ });
    await option.waitFor();
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("true");
    // The suggestion says which of the company's names matched.
    await expect(option.textContent()).resolves.toContain("“ostrel foods”");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/search-suggestions-${size}.png` });
    await box.press("ArrowDown");
    const active = await box.getAttribute("aria-activedescendant");
    expect(active).toBeTruthy();
    await expect(page.locator(`[id="${active}"]`).getAttribute("aria-selected")).resolves.toBe("true");
    await box.press("Enter");
    await page.waitForURL(/\/companies\/ostrel$/);
    // The address changes as the navigation commits; the page renders just after.
    await page.locator("main h1", { hasText: /^Ostrel$/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Escape closes the suggestions, and a second Escape clears the box", async () => {
    const { page } = await open("/stakes", width, height);
    const box = page.getByRole("combobox", { name: "Search companies" });
    await box.pressSequentially("nis");
    await page.getByRole("option", { name: /^Nissan/ }).waitFor();
    await box.press("Escape");
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(box.inputValue()).resolves.toBe("nis");
    await box.press("Escape");
    await expect(box.inputValue()).resolves.toBe("");
    await page.close();
  });

  test("a two-company comparison is built from the home page by typing names", async () => {
    const { page, errors } = await open("/", width, height);
    const box = page.getByRole("combobox", { name: "Companies, separated by commas" });
    // One name picked from the suggestions, the other typed out in another case.
    await box.pressSequentially("rena");
    await page
      .getByRole("option", { name: /^Renault\b/ })
      .first()
      .waitFor();
    await box.press("ArrowDown");
    await box.press("Enter");
    await expect(box.inputValue()).resolves.toBe("Renault, ");
    await box.pressSequentially("NISSAN");
    await page.locator("form.compare-form").getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/\/compare\?/);
    await page.locator(".recharts-line.line-actual").first().waitFor();
    await expect(page.locator(".recharts-line.line-actual").count()).resolves.toBe(2);
    await expect(page.locator(".recharts-legend-item-text").allTextContents()).resolves.toEqual(["Renault", "Nissan"]);
    // The field shows the companies' own names.
    await expect(page.getByRole("combobox", { name: "Companies, separated by commas" }).inputValue()).resolves.toBe(
      "Renault, Nissan",
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}/compare-typed-${size}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a name that matches nothing is listed on the page with a suggestion that completes the comparison", async () => {
    const { page, errors } = await open("/compare", width, height);
    await page.getByRole("combobox", { name: "Companies, separated by commas" }).fill("Renault, Nissan Motor");
    await page.locator("form.compare-form").getByRole("button", { name: "Compare" }).click();
    const notice = page.locator(".unknown-names");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain("“Nissan Motor”");
    await expect(page.locator(".error").count()).resolves.toBe(0);
    await notice.getByRole("link", { name: "Nissan", exact: true }).click();
    await page.waitForURL(/companies=Renault%2Cnissan/);
    // The address changes before the new page renders (the old one, Renault alone, stays until it does).
    await page.waitForFunction(() => document.querySelectorAll(".recharts-line.line-actual").length === 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an article page names the date's provenance in words and shows no server path", async () => {
    // From its fact's sentence on the facts page: the home page lists only the ten latest articles, and the declines
    // fixtures are newer than this one.
    const { page, errors } = await open("/facts?company=nissan&kind=revenue", width, height);
    await page.getByRole("link", { name: "Nissan said its revenue rose to 90.2bn euros in 2008" }).first().click();
    await page.waitForURL(/\/articles\/\d+#fact-\d+$/);
    // The address changes before the article renders; its text is what says it has.
    await page.locator(".article-text").waitFor();
    const subtle = await page.locator("main h1 + p").textContent();
    expect(subtle).toContain("Published 2009 (date inferred from the text");
    const html = await page.content();
    for (const leak of ["/work/", "tests/fixtures", ".txt", "completed-year", "sourcePath"]) {
      expect(html, leak).not.toContain(leak);
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}/article-${size}.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the header's search fits the screen", async () => {
    const { page } = await open("/companies/renault", width, height);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const box = await page.getByRole("combobox", { name: "Search companies" }).boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(width);
    await page.close();
  });
});

describe("on an error page", () => {
  test("the header's search still suggests companies", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const response = await page.goto(`${inject("baseURL")}/companies/no-such-company`);
    expect(response?.status()).toBe(404);
    await page.waitForLoadState("networkidle");
    await page.getByRole("combobox", { name: "Search companies" }).pressSequentially("renault");
    await page
      .getByRole("option", { name: /^Renault\b/ })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("without scripts", () => {
  test("the header's form lists the matches on /search, each linking to its company", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${inject("baseURL")}/`);
    await page.getByRole("combobox", { name: "Search companies" }).fill("ostrel f");
    await page.getByRole("search").getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=ostrel\+f/);
    const links = page.locator(".search-results a");
    await expect(links.allTextContents()).resolves.toEqual(["Ostrel"]);
    await expect(links.first().getAttribute("href")).resolves.toBe("/companies/ostrel");
    await page.close();
  });

  test("/search and /api/companies answer hostile text without an error", async () => {
    for (const path of ["/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/api/companies?q=%25%27%22&limit=50"]) {
      const res = await fetch(`${inject("baseURL")}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).not.toContain("<script>alert(1)</script>");
    }
  });
});
