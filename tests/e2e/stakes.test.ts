import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { commandEnv } from "./backend";
import { launchBrowser, openPage, SCREENSHOT_DIR, VIEWPORTS } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const open = (path: string, width?: number, height?: number) => openPage(browser, path, width, height);

describe.each(VIEWPORTS)("stakes over time at %s size", (name, width, height) => {
  test("an undated stake shows its article's year, and says it came from the article's date", async () => {
    const { page, errors } = await open("/stakes?holder=Harlow", width, height);
    const row = page.locator('tr[data-pair="harlow>velmora"][data-year="2005"]');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator(".as-of").textContent()).resolves.toBe("2005, from the article's date");
    await expect(row.textContent()).resolves.toContain("Harlow Group holds 44% of Velmora");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("44 % then 43 % in different years draws two points on a time axis", async () => {
    const { page, errors } = await open("/stakes?holder=harlow&held=velmora", width, height);
    const chart = page.locator("#stake-harlow-velmora");
    await expect(chart.locator("circle.stake-point").count()).resolves.toBe(2);
    const years = await chart
      .locator("circle.stake-point")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-year")));
    expect(years).toEqual(["2005", "2022"]);
    const labels = await chart.locator(".recharts-label-list").allTextContents();
    expect(labels.join(" ")).toMatch(/44 %.*43 %/);
    // A real time axis: a tick for every year from 2005 to 2022, evenly spaced, the years no source gives included.
    const xs = await chart
      .locator(".recharts-xAxis .recharts-cartesian-axis-tick-value")
      .evaluateAll((els) => els.map((e) => [e.textContent, Number(e.getAttribute("x"))] as const));
    expect(xs).toHaveLength(18);
    const gaps = xs.slice(1).map(([, x], i) => x - xs[i][1]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(1);
    expect(xs[0][0]).toBe("2005");
    // The value axis starts at zero, so a one-point fall looks like one.
    const ticks = await chart.locator(".recharts-yAxis .recharts-cartesian-axis-tick-value").allTextContents();
    expect(ticks[0]).toMatch(/^0/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/stakes-over-time-${name}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("joint holders written in either order make one row", async () => {
    const { page, errors } = await open("/stakes?held=Quenby", width, height);
    const rows = page.locator("table.stake-table tbody tr");
    await expect(rows.count()).resolves.toBe(1);
    const text = await rows.first().textContent();
    expect(text).toContain("Corvan Partners + Ostrel Securities");
    expect(text).toContain("2 sources");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("two figures for one pair and year are flagged, both shown with their sources", async () => {
    const { page, errors } = await open("/stakes?holder=Talbot%20Capital", width, height);
    const row = page.locator('tr[data-year="2010"]');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.getAttribute("class")).resolves.toBe("conflict");
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("sources disagree");
    expect(text).toContain("owned 30% of Brisk Foods");
    expect(text).toContain("owned 32% of Brisk Foods");
    expect(errors).toEqual([]);
    await page.close();
  });
});

// After the views above: settling changes the Talbot row they check.
test("an analyst settles the conflict by confirming 32 %: the flag clears and 30 % is listed as superseded", async () => {
  const password = "settler-pass-e2e";
  execFileSync(
    join(process.cwd(), "node_modules", ".bin", "tsx"),
    ["scripts/user.ts", "add", "e2e-settle", "--role", "analyst"],
    { input: `${password}\n`, env: commandEnv() },
  );
  const base = inject("baseURL");
  const { page, errors } = await open("/stakes?holder=Talbot%20Capital");
  // A reader sees the flag but no form to settle it.
  await expect(page.locator(".settle-form").count()).resolves.toBe(0);
  await page.goto(`${base}/login?next=${encodeURIComponent("/stakes?holder=Talbot Capital")}`);
  await page.fill("input[name=username]", "e2e-settle");
  await page.fill("input[name=password]", password);
  await Promise.all([page.waitForURL(/\/stakes\?holder=/), page.click(".login-form button[type=submit]")]);
  const row = page.locator('tr[data-year="2010"]');
  await expect(row.locator(".settle-form button").allTextContents()).resolves.toEqual(
    expect.arrayContaining(["Confirm 30 %", "Confirm 32 %"]),
  );
  await page.click('.settle-form button:has-text("Confirm 32 %")');
  await page.waitForFunction(() => !document.querySelector("tr.conflict"));
  const text = (await row.textContent()) ?? "";
  expect(text).not.toContain("sources disagree");
  expect(text).not.toContain("owned 30% of Brisk Foods");
  expect(text).toContain("owned 32% of Brisk Foods");
  await expect(row.locator(".checked-mark").count()).resolves.toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/stake-settled.png`, fullPage: true });

  await page.goto(`${base}/review`);
  await expect(page.locator(".review-rejected").textContent()).resolves.toMatch(
    /stake of Talbot Capital.*30 %.*superseded by 32 %, confirmed by e2e-settle/,
  );
  await page.goto(`${base}/audit`);
  await expect(page.locator("body").textContent()).resolves.toContain(
    "stake of Talbot Capital in Brisk Foods as of 2010",
  );
  expect(errors).toEqual([]);
  await page.close();
});
