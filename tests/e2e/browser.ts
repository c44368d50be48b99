import { existsSync, mkdirSync } from "node:fs";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = "test-results/screenshots";

/** Debian's Chromium, headless; the test tool's own browser download does not work on these machines. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get update && apt-get install -y chromium" (or set CHROMIUM_PATH)`,
    );
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/** The sizes browser tests run at: a laptop's screen and a phone's. */
export const VIEWPORTS = [
  ["desktop", 1280, 800],
  ["phone", 390, 844],
] as const;

/** Opens a page at a size, waits for its scripts to settle, and collects script errors (hydration mismatches too). */
export async function openPage(
  browser: Browser,
  path: string,
  width = 1280,
  height = 800,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const response = await page.goto(`${inject("baseURL")}${path}`);
  expect(response?.status()).toBe(200);
  await page.waitForLoadState("networkidle");
  return { page, errors };
}

/**
 * Opens the first chart's Table view inside `scope`, as a reader would, and waits for its rows: pages of many charts
 * draw a chart's table only when it is opened (docs/decisions/039). Returns the table.
 */
export async function openTable(scope: Locator): Promise<Locator> {
  await scope
    .locator("label", { hasText: /^Table$/ })
    .first()
    .click();
  const table = scope.locator(".chart-panel-table table").first();
  await table.locator("tbody tr").first().waitFor();
  return table;
}
