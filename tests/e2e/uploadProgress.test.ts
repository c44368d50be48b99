import { describe, expect, test } from "vitest";
import { SCREENSHOT_DIR } from "./browser";
import { setUpE2e, signIn, url } from "./session";

/**
 * Large uploads show progress (issue 13): with scripts, a bar of the bytes sent (the upload slowed down through
 * Chromium's network emulation, so it can be seen), then each file as the extractor reads it (waiting, being read,
 * read with its facts), until the preview replaces them; without scripts the plain form posts, waits and shows the
 * preview.
 */
const USER = "e2e-uploader";
const PASSWORD = "uploader-pass-e2e";

const e2e = setUpE2e({ users: { [USER]: { role: "analyst", password: PASSWORD } } });

const SENTENCE = "Tarrow Freight posted revenues of $2.2 billion for 2018 and $2.6 billion in 2019. ";
const small = { name: "tarrow.txt", mimeType: "text/plain", buffer: Buffer.from(`Tarrow results\n\n${SENTENCE}\n`) };
// About 4 MB: seconds of extraction on this machine, so the page shows it being read.
const large = {
  name: "tarrow-archive.txt",
  mimeType: "text/plain",
  buffer: Buffer.from(`Tarrow archive\n\n${`${SENTENCE}Shares rose on the news.\n`.repeat(36_000)}`),
};

describe("the progress of a large upload", () => {
  test("with scripts: the bytes sent, then each file as it is read, then the preview", async () => {
    const { context, page } = await signIn(e2e.browser, USER, PASSWORD, "/import");
    await page.waitForLoadState("networkidle");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 2 * 1024 * 1024,
    });
    await page.setInputFiles("input[name=files]", [small, large]);
    await page.click("button[value=preview]");
    // The bar counts the bytes sent, out of the body's size, part way through.
    const sent = page.locator(".import-form .upload-progress", { hasText: /\d+ % sent/ });
    await sent.waitFor();
    const bar = sent.locator("progress");
    const [value, max] = [Number(await bar.getAttribute("value")), Number(await bar.getAttribute("max"))];
    expect(max).toBeGreaterThan(large.buffer.length);
    expect(value).toBeLessThan(max);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/upload-sending.png` });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await page.waitForURL(/\/import\?preview=/);
    // The small file is read while the large one is still being read.
    const files = page.locator("ol.file-progress li");
    await files.filter({ hasText: "tarrow-archive.txt" }).and(page.locator("[data-state=reading]")).waitFor();
    await expect(files.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^ tarrow\.txt \(\d+ bytes\): (read in [\d.]+ s, 2 facts found|being read for [\d.]+ s)$/),
      expect.stringMatching(/^ tarrow-archive\.txt \(3\.\d MB\): being read for [\d.]+ s$/),
    ]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/upload-reading.png` });
    await expect(page.locator(".reading-progress").textContent()).resolves.toMatch(
      /Reading the articles: [01] of 2 files read \(\d+ % of the text\)/,
    );

    // Then the preview, which refreshed itself, lists both files' facts.
    await page
      .locator(".import-preview h2", { hasText: "Preview: nothing is stored yet" })
      .waitFor({ timeout: 60_000 });
    await expect(page.locator("ol.file-progress").count()).resolves.toBe(0);
    await expect(page.locator(".import-file h3").allTextContents()).resolves.toEqual([
      "tarrow.txt → upload/tarrow.txt",
      "tarrow-archive.txt → upload/tarrow-archive.txt",
    ]);
    await context.close();
  }, 120_000);

  test("without scripts: the plain form is sent and the preview comes back whole", async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url("/login?next=/import"));
    await page.fill("input[name=username]", USER);
    await page.fill("input[name=password]", PASSWORD);
    await Promise.all([page.waitForURL(url("/import")), page.click(".login-form button[type=submit]")]);
    await page.setInputFiles("input[name=files]", small);
    await Promise.all([page.waitForURL(/\/import\?preview=/), page.click("button[value=preview]")]);
    await expect(page.locator(".import-preview h2").textContent()).resolves.toBe("Preview: nothing is stored yet");
    await expect(page.locator(".import-facts tbody tr").count()).resolves.toBe(2);
    await expect(page.locator("ol.file-progress").count()).resolves.toBe(0);
    await context.close();
  });
});
