import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { commandEnv } from "./backend";
import { launchBrowser, openTable, SCREENSHOT_DIR } from "./browser";

/** The web import in the browser: upload a file, untick a fact in the preview, save, see the company's page. */
const PASSWORD = "importer-pass-e2e";
let browser: Browser;

beforeAll(async () => {
  execFileSync(
    join(process.cwd(), "node_modules", ".bin", "tsx"),
    ["scripts/user.ts", "add", "e2e-imp", "--role", "analyst"],
    {
      input: `${PASSWORD}\n`,
      env: commandEnv(),
    },
  );
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const url = (path: string) => `${inject("baseURL")}${path}`;

test("an analyst uploads a file, drops one proposed fact in the preview and saves the rest", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url("/import"));
  await expect(page.locator("section.error h1").textContent()).resolves.toBe("Not allowed");
  await page.goto(url("/login?next=/import"));
  await page.fill("input[name=username]", "e2e-imp");
  await page.fill("input[name=password]", PASSWORD);
  await Promise.all([page.waitForURL(url("/import")), page.click(".login-form button[type=submit]")]);

  await page.waitForLoadState("networkidle");
  // Sent with progress (XMLHttpRequest); a refusal is said under the form, in the action's words.
  await page.click("button[value=preview]");
  await expect(page.locator(".import-form .form-error").textContent()).resolves.toBe(
    "Choose one or more files, or paste an article's text.",
  );
  await page.setInputFiles("input[name=files]", {
    name: "brakkel.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(
      "Brakkel results\n\nBrakkel Shipping posted revenues of $3.1 billion for 2016 and $3.4 billion in 2017.\n",
    ),
  });
  await Promise.all([page.waitForURL(/\/import\?preview=/), page.click("button[value=preview]")]);
  await expect(page.locator(".import-preview h2").textContent()).resolves.toBe("Preview: nothing is stored yet");
  const rows = page.locator(".import-facts tbody tr");
  await expect(rows.count()).resolves.toBe(2);
  expect((await fetch(url("/companies/brakkel"))).status).toBe(404);
  // The article as it will be stored, behind a summary: a fact's link opens it at the fact's sentence.
  const article = page.locator("details.import-article");
  await expect(article.getAttribute("open")).resolves.toBeNull();
  await rows.filter({ hasText: "$3.1 bn" }).locator("a.in-article").click();
  await expect(article.getAttribute("open")).resolves.toBe("");
  const sentence = article.locator("mark.fact-sentence", { has: page.locator("#preview-0-fact-0") });
  await expect(sentence.isVisible()).resolves.toBe(true);
  await expect(sentence.locator("strong.figure").allTextContents()).resolves.toEqual(["$3.1 billion", "$3.4 billion"]);
  await rows.filter({ hasText: "$3.4 bn" }).locator("input[name=keep]").uncheck();
  // The other is corrected before it is stored: 3.1 billion was 3.15.
  const kept = rows.filter({ hasText: "$3.1 bn" });
  await kept.locator("summary:has-text('Edit')").click();
  await kept.locator("input[name$='.low']").fill("3150000000");
  await kept.locator("input[name$='.high']").fill("3150000000");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-preview.png`, fullPage: true });
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/import") && r.request().method() === "POST"),
    page.click("text=Save 1 article"),
  ]);
  await page.locator(".form-note").waitFor();
  await expect(page.locator(".form-note").textContent()).resolves.toContain("1 fact kept, 1 dropped, 1 corrected");

  await page.goto(url("/companies/brakkel"));
  const ticks = await page.locator(".recharts-xAxis .recharts-cartesian-axis-tick-value").allTextContents();
  expect(ticks).toEqual(["2016"]);
  // The corrected figure is the one charted, with the checked mark.
  const revenue = page.locator("section", { has: page.locator("h2", { hasText: /^Revenue$/ }) });
  const table = (await (await openTable(revenue)).textContent()) ?? "";
  expect(table).toContain("$3.15 bn");
  await page.close();
});
