import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { openTable, SCREENSHOT_DIR } from "./browser";
import { importPaths, setUpE2e, signIn, url } from "./session";

/**
 * An admin undoes a merge from the audit trail and a removal from the company's page: Wexcombe Foods, merged into
 * Wexcombe, comes back with its own figures and address, though its article was imported again after the merge
 * (the page says how they were found); Wexcombe, removed, comes back with its figure. Uses
 * companies of their own, so the other browser tests' data stays as they expect it.
 */
const USER = "e2e-undo-admin";
const PASSWORD = "undo-admin-pass-e2e";

const e2e = setUpE2e({
  users: { [USER]: { role: "admin", password: PASSWORD } },
  articles: {
    "wexcombe-foods.txt":
      "Wexcombe Foods posts higher revenue\n\nDate: 2009-03-02\n\nWexcombe Foods said on Monday its revenue rose to $4.2 billion in 2008, from $3.9 billion in 2007.\n",
    "wexcombe-group.txt":
      "Wexcombe Group sales climb\n\nDate: 2010-03-01\n\nWexcombe Group reported revenue of $4.6 billion for 2009.\n",
  },
});

/** The first four characters (the period) of each row of the company's revenue table. */
async function revenueYears(page: import("playwright-core").Page): Promise<string[]> {
  const section = page.locator("section", { has: page.locator("h2", { hasText: /^Revenue$/ }) });
  const rows = (await openTable(section)).locator("tbody tr");
  return (await rows.allTextContents()).map((r) => r.trim().slice(0, 4));
}

describe("undoing company changes", () => {
  test("a merge is undone from the audit trail, a removal from the company page", async () => {
    const { context, page } = await signIn(e2e.browser, USER, PASSWORD, "/companies/wexcombe-foods");
    await page.click("summary:has-text('Rename, merge or remove Wexcombe Foods')");
    await page.fill("input[name=into]", "Wexcombe Group");
    await Promise.all([page.waitForURL(url("/companies/wexcombe")), page.click("button:has-text('Merge')")]);
    await page.locator("h1", { hasText: /^Wexcombe$/ }).waitFor();
    expect(await revenueYears(page)).toEqual(["2007", "2008", "2009"]);
    // The page of the company merged into offers the admin the undo too.
    await expect(page.locator(".merged-here li").allTextContents()).resolves.toEqual([
      expect.stringMatching(new RegExp(`^Wexcombe Foods \\(by ${USER} on \\d{4}-\\d\\d-\\d\\d\\) Undo this merge$`)),
    ]);

    // The merged company's article changes and is imported again: its facts are written anew under Wexcombe.
    writeFileSync(
      join(e2e.dir, "wexcombe-foods.txt"),
      "Wexcombe Foods posts higher revenue\n\nDate: 2009-03-02\n\nShares rose. Wexcombe Foods said on Monday its revenue rose to $4.2 billion in 2008, from $3.9 billion in 2007.\n",
    );
    importPaths(join(e2e.dir, "wexcombe-foods.txt"));
    await page.goto(url("/audit"));
    const merge = page.locator("table.audit tbody tr[data-action='company.merge']", { hasText: "Wexcombe Foods" });
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/companies/wexcombe-foods" && u.searchParams.has("undone")),
      merge.locator("button", { hasText: "Undo this merge" }).click(),
    ]);
    await page.locator("h1", { hasText: /^Wexcombe Foods$/ }).waitFor();
    expect(await revenueYears(page)).toEqual(["2007", "2008"]);
    await expect(page.locator("p[role=status].form-note").textContent()).resolves.toBe(
      "Undone: Wexcombe Foods is a company again. 2 facts whose article was imported again since were found by their sentence and came back.",
    );
    await page.goto(url("/companies/wexcombe"));
    expect(await revenueYears(page)).toEqual(["2009"]);
    await page.goto(url("/audit"));
    const top = page.locator("table.audit tbody tr").first();
    await expect(top.getAttribute("data-action")).resolves.toBe("company.unmerge");
    await expect(top.textContent()).resolves.toContain("Wexcombe Foods");
    await expect(merge.locator("button").count()).resolves.toBe(0);

    await page.goto(url("/companies/wexcombe"));
    await page.waitForLoadState("networkidle");
    await page.click("summary:has-text('Rename, merge or remove Wexcombe')");
    await page.check("input[name=confirm]");
    await page.click("button:has-text('Remove and reject its facts')");
    const notice = page.locator(".notice");
    await notice.waitFor();
    await expect(page.locator("table").count()).resolves.toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/company-undo-removal.png`, fullPage: false });
    await notice.locator("button", { hasText: "Undo this removal" }).click();
    await notice.waitFor({ state: "detached" });
    expect(new URL(page.url()).pathname).toBe("/companies/wexcombe");
    expect(await revenueYears(page)).toEqual(["2009"]);
    await page.goto(url("/audit"));
    await expect(page.locator("table.audit tbody tr").first().getAttribute("data-action")).resolves.toBe(
      "company.unremove",
    );
    await context.close();
  });
});
