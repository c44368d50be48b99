import { describe, expect, test } from "vitest";
import { SCREENSHOT_DIR } from "./browser";
import { setUpE2e, signInOn, url } from "./session";

/**
 * Two articles give Orvind Textiles' 2015 revenue as €610 million and €640 million. The review queue shows both
 * figures with their articles; an analyst confirms one, and the company chart draws it, marked as checked, with no
 * ⚠ left; the audit trail records the settlement. Uses a company of its own, so other browser tests' data stays.
 */
const USER = "e2e-settler";
const PASSWORD = "settler-pass-e2e";

const e2e = setUpE2e({
  users: { [USER]: { role: "analyst", password: PASSWORD } },
  articles: {
    "orvind-a.txt":
      "Orvind Textiles results\n\nDate: 2016-02-01\n\nOrvind Textiles reported revenue of €610 million for 2015.\n",
    "orvind-b.txt":
      "Orvind Textiles restates\n\nDate: 2016-03-01\n\nOrvind Textiles posted revenue of €640 million in 2015.\n",
  },
});

describe("a conflict between sources", () => {
  test("an analyst sees both figures in review, confirms one, and the chart draws it checked", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The company page's table flags the figure and sends an analyst to where it is settled.
    await page.goto(url("/companies/orvind-textiles"));
    await page.click("label[for='revenue-eur-year-view-table']");
    const flagged = page.locator("#revenue-eur-year .chart-panel-table td.quote");
    await expect(flagged.textContent()).resolves.toContain("⚠ 1 give another figure");
    await expect(
      flagged.locator("a", { hasText: "compare them and confirm one in review" }).getAttribute("href"),
    ).resolves.toBe("/review?company=orvind-textiles&kind=revenue");
    await signInOn(page, USER, PASSWORD, "/review?company=Orvind Textiles");

    const first = page.locator(".review-item").first();
    await expect(first.locator(".review-doubts").textContent()).resolves.toContain(
      "another source gives another figure",
    );
    const conflict = first.locator(".review-conflict");
    await expect(conflict.locator("li").allTextContents()).resolves.toEqual([
      expect.stringMatching(/^€610 m \(this fact\) — Orvind Textiles results \(2016\) Confirm €610 m$/),
      expect.stringMatching(/^€640 m — Orvind Textiles restates \(2016\) Confirm €640 m$/),
    ]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/review-conflict.png`, fullPage: true });
    await conflict.locator("button", { hasText: "Confirm €640 m" }).click();
    // The form posts and the queue comes back without Orvind's two facts.
    await page.locator("p.empty", { hasText: "Nothing left to review here." }).waitFor();
    await expect(page.locator(".review-item").count()).resolves.toBe(0);
    await expect(page.locator(".review-rejected li").first().textContent()).resolves.toContain(
      "revenue of Orvind Textiles, 2015: €610 m — superseded by €640 m, confirmed by e2e-settler",
    );

    await page.goto(url("/companies/orvind-textiles"));
    const chart = page.locator("#revenue-eur-year");
    await expect(chart.locator('path[data-label="2015"]').getAttribute("data-checked")).resolves.toBe("confirmed");
    await expect(chart.locator(".recharts-label-list text.bar-value").allTextContents()).resolves.toEqual(["€640 m"]);
    await expect(chart.locator(".chart-panel-table").textContent()).resolves.not.toContain("give another figure");

    await page.goto(url("/audit"));
    const row = page.locator("tr[data-action='figure.settle']").first();
    await expect(row.textContent()).resolves.toContain("revenue of Orvind Textiles, 2015 FY (actual, EUR)");
    await expect(row.textContent()).resolves.toContain(USER);
    await context.close();
  });
});
