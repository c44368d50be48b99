import { existsSync, mkdirSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
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
  const browser = await chromium.launch({
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
  launched.add(browser);
  browser.on("disconnected", () => launched.delete(browser));
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>): Promise<BrowserContext> => {
    const context = await newContext(...args);
    context.on("page", watchPage);
    return context;
  };
  return browser;
}

/** The browsers this test file launched, and what each page's scripts said went wrong: for a failure's report. */
const launched = new Set<Browser>();
const pageErrors = new WeakMap<Page, string[]>();

function watchPage(page: Page) {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`response ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
}

/**
 * What every open page shows when a test fails: its address, headings, the start of its text and its script errors,
 * printed to the log, and a screenshot. A wait that timed out says only what it waited for; a page that waits on CI
 * and not here is read from this.
 */
export async function reportOpenPages(testName: string): Promise<void> {
  let n = 0;
  for (const browser of launched) {
    for (const context of browser.contexts()) {
      for (const page of context.pages()) {
        n += 1;
        const shown = await page
          .evaluate(() => ({
            headings: [...document.querySelectorAll("h1, h2")].map((h) => h.textContent?.trim()).slice(0, 6),
            text: (document.querySelector("main") ?? document.body)?.innerText.replace(/\s+/g, " ").slice(0, 600),
          }))
          .catch((err: Error) => ({ headings: [], text: `(not readable: ${err.message})` }));
        const file = `${SCREENSHOT_DIR}/failed-${testName.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}-${n}.png`;
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        console.error(
          [
            `open page ${n} when "${testName}" failed: ${page.url()}`,
            `  headings: ${JSON.stringify(shown.headings)}`,
            `  text: ${shown.text}`,
            ...(pageErrors.get(page) ?? []).slice(-15).map((e) => `  ${e}`),
            `  screenshot: ${file}`,
          ].join("\n"),
        );
      }
    }
  }
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
