import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { commandEnv } from "./backend";
import { launchBrowser } from "./browser";

/**
 * The set-up browser tests of signed-in work share: users made with `npm run user`, fixture articles written to a
 * temporary folder and imported into the test server's database (each test file uses companies of its own, so the
 * others' data stays as they expect it), one Chromium, and signing in through the login form.
 */
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");

/** A path on the test server (tests/e2e/server.setup.ts) as a full address. */
export const url = (path: string) => `${inject("baseURL")}${path}`;

/** The server's database, SQLite's file or PostgreSQL when the setup chose it (tests/e2e/backend.ts). */
const serverEnv = () => commandEnv();

export type Role = "viewer" | "analyst" | "admin";

/** Makes a user as `npm run user -- add` does, the password on standard input. */
export function addUser(name: string, role: Role, password: string): void {
  execFileSync(TSX, ["scripts/user.ts", "add", name, "--role", role], { input: `${password}\n`, env: serverEnv() });
}

/** Imports a folder (or files) into the test server's database with the command-line importer. */
export function importPaths(...paths: string[]): void {
  execFileSync(TSX, ["importers/cli/import.ts", ...paths], { env: serverEnv(), stdio: "ignore" });
}

export interface E2eSetup {
  /** Users to make, by name. */
  users?: Record<string, { role: Role; password: string }>;
  /** Articles to import, by file name. */
  articles?: Record<string, string>;
}

export interface E2eHandle {
  readonly browser: Browser;
  /** The folder the articles were written to (a test may change one and import it again). */
  readonly dir: string;
}

/**
 * Registers the file's beforeAll (users, articles, Chromium) and afterAll (Chromium closed, folder deleted).
 * The handle's fields are read inside tests, once beforeAll has run.
 */
export function setUpE2e(setup: E2eSetup): E2eHandle {
  let browser: Browser | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    for (const [name, user] of Object.entries(setup.users ?? {})) addUser(name, user.role, user.password);
    dir = mkdtempSync(join(tmpdir(), "figures-e2e-"));
    const articles = Object.entries(setup.articles ?? {});
    for (const [name, text] of articles) writeFileSync(join(dir, name), text);
    if (articles.length) importPaths(dir);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get browser() {
      if (!browser) throw new Error("the browser is launched in beforeAll");
      return browser;
    },
    get dir() {
      if (!dir) throw new Error("the articles' folder is made in beforeAll");
      return dir;
    },
  };
}

/**
 * A new browser context signed in through /login as `name`, landed on `next` (path and parameters as given), its
 * scripts settled.
 */
export async function signIn(
  browser: Browser,
  name: string,
  password: string,
  next = "/review",
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signInOn(page, name, password, next);
  return { context, page };
}

/** Signs in on a page already open (its context keeps the session), landing on `next` with its scripts settled. */
export async function signInOn(page: Page, name: string, password: string, next = "/review"): Promise<void> {
  await page.goto(url(`/login?next=${encodeURIComponent(next)}`));
  // Typing before the page is hydrated can race React taking the form over.
  await page.waitForLoadState("networkidle");
  await page.fill("input[name=username]", name);
  await page.fill("input[name=password]", password);
  const want = new URL(url(next));
  await Promise.all([
    page.waitForURL((u) => u.pathname === want.pathname && u.searchParams.toString() === want.searchParams.toString()),
    page.click(".login-form button[type=submit]"),
  ]);
  await page.waitForLoadState("networkidle");
}
