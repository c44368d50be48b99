import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { commandEnv } from "./backend";
import { launchBrowser, openTable, SCREENSHOT_DIR } from "./browser";

/**
 * An analyst merges, renames and removes companies from their pages in the browser, confirms a fact and sees it
 * marked as checked; the changes hold when the article is imported again. Companies of its own (Tarnwick,
 * Oldbury), so the other browser tests' data stays as they expect it.
 */
const PASSWORD = "analyst-pass-e2e-ce";
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");

let browser: Browser;
let dir: string;
let context: BrowserContext;
let page: Page;
const env = () => commandEnv();

beforeAll(async () => {
  execFileSync(TSX, ["scripts/user.ts", "add", "e2e-ce-ana", "--role", "analyst"], {
    input: `${PASSWORD}\n`,
    env: env(),
  });
  dir = mkdtempSync(join(tmpdir(), "figures-e2e-companies-"));
  writeFileSync(
    join(dir, "tarnwick-foods.txt"),
    "Tarnwick Foods posts higher revenue\n\nDate: 2009-03-02\n\nTarnwick Foods said on Monday its revenue rose to $4.2 billion in 2008, from $3.9 billion in 2007.\n",
  );
  writeFileSync(
    join(dir, "tarnwick-group.txt"),
    "Tarnwick Group sales climb\n\nDate: 2010-03-01\n\nTarnwick Group reported revenue of $4.6 billion for 2009.\n",
  );
  writeFileSync(
    join(dir, "oldbury.txt"),
    "Stake in Brenmoor\n\nDate: 2010-05-01\n\nOldbury Holdings said it holds a 12% stake in Kelsall Mills. Kelsall Mills reported revenue of $310 million in 2009. Oldbury posted revenue of $80 million in 2009.\n",
  );
  execFileSync(TSX, ["importers/cli/import.ts", dir], { env: env(), stdio: "ignore" });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(url("/login?next=/companies/tarnwick"));
  await page.waitForLoadState("networkidle");
  await page.fill("input[name=username]", "e2e-ce-ana");
  await page.fill("input[name=password]", PASSWORD);
  await Promise.all([page.waitForURL(url("/companies/tarnwick")), page.click(".login-form button[type=submit]")]);
}, 90_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const url = (path: string) => `${inject("baseURL")}${path}`;

/** The years and figures of the company page's revenue table ("Show as a table"). */
async function revenueRows(): Promise<string[]> {
  const section = page.locator("section", { has: page.locator("h2", { hasText: /^Revenue$/ }) });
  const rows = (await openTable(section)).locator("tbody tr");
  return (await rows.allTextContents()).map((r) => r.replace(/\s+/g, " ").trim().slice(0, 14));
}

describe("changing companies from their pages", () => {
  test("merge: Tarnwick Foods into Tarnwick; its figures move and stay after a re-import", async () => {
    await page.goto(url("/companies/tarnwick-foods"));
    await page.waitForLoadState("networkidle");
    await page.click("summary:has-text('Rename, merge or remove Tarnwick Foods')");
    // Another name of it, as the article wrote it: the merge finds the company by any of its names.
    await page.fill("input[name=into]", "Tarnwick Group");
    await Promise.all([page.waitForURL(url("/companies/tarnwick")), page.click("button:has-text('Merge')")]);
    // The address changes before the new page renders: wait for the page of the company merged into.
    await page.locator("h1", { hasText: /^Tarnwick$/ }).waitFor();
    expect((await revenueRows()).map((r) => r.slice(0, 4))).toEqual(["2007", "2008", "2009"]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/company-merged.png`, fullPage: true });
    // The merged name's address leads to the company merged into.
    const moved = await page.goto(url("/companies/tarnwick-foods"));
    expect([moved?.status(), page.url()]).toEqual([200, url("/companies/tarnwick")]);
    expect(
      await moved
        ?.request()
        .redirectedFrom()
        ?.response()
        .then((r) => r?.status()),
    ).toBe(302);

    appendFileSync(join(dir, "tarnwick-foods.txt"), "The shares rose.\n");
    execFileSync(TSX, ["importers/cli/import.ts", join(dir, "tarnwick-foods.txt")], { env: env(), stdio: "ignore" });
    await page.goto(url("/companies/tarnwick-foods"));
    expect(page.url()).toBe(url("/companies/tarnwick"));
    expect((await revenueRows()).map((r) => r.slice(0, 4))).toEqual(["2007", "2008", "2009"]);
  });

  test("rename: a clash is said beside the form; a new name takes the page and its address", async () => {
    // The company Oldbury holds a stake in, as the extractor names it ("Kelsall" or "Kelsall Mills").
    await page.goto(url("/companies/oldbury"));
    await Promise.all([
      page.waitForURL(/\/companies\/kelsall/),
      page
        .locator("a", { hasText: /^Kelsall/ })
        .first()
        .click(),
    ]);
    await page.waitForLoadState("networkidle");
    const name = (await page.locator("h1").textContent()) ?? "";
    await page.click(`summary:has-text('Rename, merge or remove ${name}')`);
    await page.fill("input[name=name]", "Tarnwick");
    await page.click("button:has-text('Rename')");
    await expect(page.locator(".form-error[role=alert]").textContent()).resolves.toBe(
      `"Tarnwick" is already a company: merge ${name} into Tarnwick instead.`,
    );
    await page.fill("input[name=name]", "Kelsall Textiles");
    await Promise.all([page.waitForURL(url("/companies/kelsall-textiles")), page.click("button:has-text('Rename')")]);
    // The address changes before the renamed page renders: its heading is what says it has.
    await page.locator("h1", { hasText: /^Kelsall Textiles$/ }).waitFor({ timeout: 10_000 });
    await expect(page.locator("h1").textContent()).resolves.toBe("Kelsall Textiles");
  });

  test("remove: Oldbury is no company; its figures go, the page says who removed it, the audit trail has it", async () => {
    await page.goto(url("/companies/oldbury"));
    await page.waitForLoadState("networkidle");
    await expect(
      page.locator("section", { hasText: "Stakes Oldbury holds" }).locator("tbody tr").count(),
    ).resolves.toBe(1);
    await page.click("summary:has-text('Rename, merge or remove Oldbury')");
    await page.check("input[name=confirm]");
    await page.click("button:has-text('Remove and reject its facts')");
    await page.locator(".notice").waitFor();
    await expect(page.locator(".notice").textContent()).resolves.toContain(
      "Oldbury is no company: removed by e2e-ce-ana",
    );
    await expect(page.locator("table").count()).resolves.toBe(0);
    await page.goto(url("/audit"));
    const actions = await page
      .locator("table.audit tbody tr")
      .evaluateAll((rows) => rows.slice(0, 3).map((r) => (r as HTMLElement).dataset.action));
    expect(actions).toEqual(["company.remove", "company.rename", "company.merge"]);
  });

  test("a confirmed fact is marked as checked on the facts page and in the company's table", async () => {
    await page.goto(url("/review?company=Tarnwick"));
    await page.waitForLoadState("networkidle");
    const card = page.locator(".review-item", { hasText: "4.6" });
    await card.locator("button[value=confirm]").click();
    // Confirmed, it leaves the queue.
    await card.waitFor({ state: "detached" });
    await page.goto(url("/facts?company=tarnwick"));
    const marks = page.locator("[role=img][aria-label='Checked: confirmed by an analyst']");
    await expect(marks.count()).resolves.toBe(1);
    const row = page.locator("tr", { has: marks });
    await expect(row.textContent()).resolves.toContain("4.6");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/facts-checked.png`, fullPage: true });
    await page.goto(url("/companies/tarnwick"));
    const revenue = page.locator("section", { has: page.locator("h2", { hasText: /^Revenue$/ }) });
    const tableMark = (await openTable(revenue)).locator("tbody tr [aria-label='Checked: confirmed by an analyst']");
    await expect(tableMark.count()).resolves.toBe(1);
  });
});
