import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { openPage, SCREENSHOT_DIR, VIEWPORTS } from "./browser";
import { setUpE2e, signIn, url } from "./session";

/**
 * Issue 12's "words for people": an empty state says what is missing and, to an analyst, links to the web import
 * (to a viewer it says who can import; a visitor is offered to sign in first), at a laptop's size and a phone's.
 * Renault's page has no market share and no stake held in Renault: two empty states.
 */
const ANALYST = "e2e-empty-analyst";
const VIEWER = "e2e-empty-viewer";
const PASSWORD = "empty-states-pass-e2e";
const e2e = setUpE2e({
  users: { [ANALYST]: { role: "analyst", password: PASSWORD }, [VIEWER]: { role: "viewer", password: PASSWORD } },
});

const MARKET_SHARE = "None of the imported articles gives a market share for Renault.";

/** The empty state that starts with `said`: its words, and where each of its links leads. */
async function emptyState(page: Page, said: string) {
  const p = page.locator("p.empty", { hasText: said });
  // After signing in, the address changes before the page renders: wait for the words themselves.
  await p.waitFor();
  await expect(p.count()).resolves.toBe(1);
  return {
    text: ((await p.textContent()) ?? "").replace(/\s+/g, " ").trim(),
    links: await p.locator("a").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")])),
  };
}

describe.each(VIEWPORTS)("empty states at %s size", (size, width, height) => {
  test("an analyst is linked to the web import, and the link opens it", async () => {
    const { context, page } = await signIn(e2e.browser, ANALYST, PASSWORD, "/companies/renault", { width, height });
    const state = await emptyState(page, MARKET_SHARE);
    expect(state.text).toBe(`${MARKET_SHARE} Import articles that give them: upload files or paste an article's text.`);
    expect(state.links).toEqual([["Import articles", "/import"]]);
    await expect(
      emptyState(page, "None of the imported articles says another company holds a stake in Renault."),
    ).resolves.toMatchObject({
      links: [["Import articles", "/import"]],
    });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/empty-state-analyst-${size}.png`, fullPage: true });
    await page.locator("p.empty", { hasText: MARKET_SHARE }).getByRole("link", { name: "Import articles" }).click();
    await page.waitForURL(url("/import"));
    await page.locator("form.import-form").waitFor();
    await context.close();
  });

  test("a viewer is told who can import, with no link; a visitor may sign in to import", async () => {
    const viewer = await signIn(e2e.browser, VIEWER, PASSWORD, "/companies/renault", { width, height });
    await expect(emptyState(viewer.page, MARKET_SHARE)).resolves.toEqual({
      text: `${MARKET_SHARE} An analyst can import articles that give them.`,
      links: [],
    });
    await viewer.context.close();

    const { page, errors } = await openPage(e2e.browser, "/companies/renault", width, height);
    const state = await emptyState(page, MARKET_SHARE);
    expect(state.text).toBe(`${MARKET_SHARE} Analysts can import articles that give them (sign in).`);
    expect(state.links).toEqual([["sign in", "/login?next=/import"]]);
    // Nothing tells a reader to run a command any more.
    expect(await page.content()).not.toContain("npm run");
    expect(errors).toEqual([]);
    await page.close();
  });
});
