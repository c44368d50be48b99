import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { commandEnv } from "./backend";
import { launchBrowser, SCREENSHOT_DIR } from "./browser";

/**
 * The imports page (docs/decisions/023): a run queued with --enqueue-only shows as waiting, with its files; once
 * a worker has taken it, as finished, with each failed file and why. The files change nothing the other browser
 * tests read: a seed's bytes under another name (stored already: unchanged), an empty file and a binary one.
 */
const PASSWORD = "imports-viewer-e2e";
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
let browser: Browser;
let folder: string;
const env = () => commandEnv();

beforeAll(async () => {
  execFileSync(TSX, ["scripts/user.ts", "add", "e2e-imports", "--role", "viewer"], {
    input: `${PASSWORD}\n`,
    env: env(),
  });
  folder = mkdtempSync(join(tmpdir(), "figures-e2e-imports-"));
  copyFileSync("seeds/000_c0781cebfd980f41.txt", join(folder, "a-copy.txt"));
  writeFileSync(join(folder, "b-empty.txt"), "");
  writeFileSync(join(folder, "c-image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

const url = (path: string) => `${inject("baseURL")}${path}`;

/** The cells of the imports table's row for the run whose first cell is newest (the table is newest first). */
async function newestRun(page: Page): Promise<string[]> {
  return page.locator("table.imports tbody tr").first().locator("td").allTextContents();
}

test("queued files show as waiting, then as done or failed with the reason, to a signed-in user", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url("/imports"));
  await expect(page.locator("section.error h1").textContent()).resolves.toBe("Not allowed");
  await page.goto(url("/login?next=/imports"));
  await page.fill("input[name=username]", "e2e-imports");
  await page.fill("input[name=password]", PASSWORD);
  await Promise.all([page.waitForURL(url("/imports")), page.click(".login-form button[type=submit]")]);
  // The server's own setup imported the seeds and fixtures through the queue: one finished run, nothing failed.
  // The address changes before the page renders (the sign-in form stays until it does): wait for the page.
  await page.locator("h1", { hasText: /^Imports$/ }).waitFor();
  const setupRun = await newestRun(page);
  expect(setupRun[1]).toBe("Finished");
  expect(setupRun.slice(3)).toEqual(["0", "0", setupRun[2], "0"]);

  execFileSync(TSX, ["importers/cli/import.ts", "--enqueue-only", folder], { env: env() });
  await page.reload();
  expect((await newestRun(page)).slice(1)).toEqual(["Waiting for a worker", "3", "3", "0", "0", "0"]);
  await expect(page.locator("text=No file failed.").count()).resolves.toBe(1);

  execFileSync(TSX, ["importers/cli/worker.ts", "--until-empty", "--workers", "1"], { env: env() });
  await page.reload();
  expect((await newestRun(page)).slice(1)).toEqual(["Finished", "3", "0", "0", "1", "2"]);
  const failed = await page
    .locator("table.imports-failed tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].slice(0, 2).map((td) => td.textContent)));
  expect(failed).toEqual(
    expect.arrayContaining([
      [join(folder, "b-empty.txt"), "empty file"],
      [join(folder, "c-image.txt"), "binary file (contains NUL bytes), not text"],
    ]),
  );
  expect(failed).toHaveLength(2);
  await expect(page.locator("text=No file is being read.").count()).resolves.toBe(1);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/imports.png`, fullPage: true });
  await page.close();
});
