import { describe, expect, test } from "vitest";
import { SCREENSHOT_DIR } from "./browser";
import { setUpE2e, signIn, url } from "./session";

/**
 * The home page's ranking says on how many figures the sources disagree: two articles give Quenby Optics' 2011
 * revenue change as a fall of 48%, one as 45%. An analyst follows the count's link to the review queue of Quenby's
 * changes, confirms 48%, and the home page no longer lists Quenby among the disagreeing figures. Uses a company of
 * its own (with a fall large enough to be ranked among the other tests' companies).
 */
const USER = "e2e-home-settler";
const PASSWORD = "home-settler-pass-e2e";

const article = (title: string, date: string, sentence: string) => `${title}\n\nDate: ${date}\n\n${sentence}\n`;

const e2e = setUpE2e({
  users: { [USER]: { role: "analyst", password: PASSWORD } },
  articles: {
    "quenby-a.txt": article("Quenby Optics results", "2012-02-01", "Quenby Optics said its revenue fell 45% in 2011."),
    "quenby-b.txt": article("Quenby Optics report", "2012-03-01", "Quenby Optics said its revenue fell 48% in 2011."),
    "quenby-c.txt": article("Quenby Optics filing", "2012-04-01", "Quenby Optics said its revenue fell 48% in 2011."),
  },
});

describe("the home ranking's disagreeing count", () => {
  test("an analyst goes from the count to the review queue, settles the figure, and the count drops", async () => {
    const { context, page } = await signIn(e2e.browser, USER, PASSWORD, "/?periods=year");
    const line = page.locator("p.disagreeing");
    const quenby = line.locator("a", { hasText: "Quenby Optics" });
    await expect(quenby.textContent()).resolves.toMatch(/^Quenby Optics(, 2011)? \(1 source gives another figure\)$/);
    await expect(quenby.getAttribute("href")).resolves.toBe("/review?kind=revenue_change&company=quenby-optics");
    const before = Number(await line.getAttribute("data-count"));
    await expect(line.textContent()).resolves.toMatch(
      new RegExp(`^⚠ Sources disagree on ${before} of the \\d+ figures ranked: `),
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}/home-disagreeing.png`, fullPage: true });

    await Promise.all([page.waitForURL((u) => u.pathname === "/review"), quenby.click()]);
    const conflict = page.locator(".review-item").first().locator(".review-conflict");
    await conflict.locator("button", { hasText: /^Confirm .*48/ }).click();
    await page.locator("p.empty", { hasText: "Nothing left to review here." }).waitFor();

    await page.goto(url("/?periods=year"));
    await expect(page.locator("p.disagreeing a", { hasText: "Quenby Optics" }).count()).resolves.toBe(0);
    // One figure fewer disagrees (or none, and the page says the sources agree).
    const after = await page.locator("p.disagreeing").getAttribute("data-count");
    expect(after === null ? 0 : Number(after)).toBe(before - 1);
    await context.close();
  });
});
