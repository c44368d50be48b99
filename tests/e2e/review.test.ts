import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SCREENSHOT_DIR } from "./browser";
import { setUpE2e, signIn, url } from "./session";

/**
 * Signing in with users made by `npm run user`, and reviewing through the browser: the viewer is refused, the
 * analyst rejects a figure with the keyboard and it leaves the chart and the CSV, the audit trail shows it.
 * Uses a company of its own (Quellmark), so the other browser tests' data stays as they expect it.
 */
const PASSWORDS = { "e2e-ana": "analyst-pass-e2e", "e2e-vic": "viewer-pass-e2e" };

const e2e = setUpE2e({
  users: {
    "e2e-ana": { role: "analyst", password: PASSWORDS["e2e-ana"] },
    "e2e-vic": { role: "viewer", password: PASSWORDS["e2e-vic"] },
  },
  articles: {
    "quellmark.txt":
      "Quellmark revenue climbs\n\nQuellmark Industries posted revenues of €2.5 billion for 2019 and €2.9 billion in 2020.\n" +
      "The Dutch toolmaker said demand from carmakers held up.\n",
  },
});

function signedIn(name: keyof typeof PASSWORDS): Promise<{ context: BrowserContext; page: Page }> {
  return signIn(e2e.browser, name, PASSWORDS[name], "/review");
}

async function quellmarkYears(page: Page): Promise<string[]> {
  await page.goto(url("/companies/quellmark"));
  return page.locator("#revenue-eur-year .recharts-xAxis .recharts-cartesian-axis-tick-value").allTextContents();
}

describe("signing in", () => {
  test("a user made with npm run user signs in; the header names them; signing out ends it", async () => {
    const { context, page } = await signedIn("e2e-ana");
    await expect(page.locator(".account-user").textContent()).resolves.toContain("e2e-ana");
    const cookie = (await context.cookies()).find((c) => c.name === "figures_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    await Promise.all([page.waitForURL(url("/")), page.click(".account-signout button")]);
    await page.locator(".account a", { hasText: "Sign in" }).waitFor();
    await expect(page.locator(".account-user").count()).resolves.toBe(0);
    expect((await context.cookies()).find((c) => c.name === "figures_session")).toBeUndefined();
    await context.close();
  });

  test("a wrong password is slowed down and says so", async () => {
    const page = await e2e.browser.newPage();
    await page.goto(url("/login"));
    await page.fill("input[name=username]", "e2e-vic");
    await page.fill("input[name=password]", "not-the-password");
    const started = Date.now();
    await Promise.all([page.waitForLoadState("load"), page.click(".login-form button[type=submit]")]);
    await page.locator(".form-error").waitFor();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(page.locator(".form-error").textContent()).resolves.toBe("Wrong user name or password.");
    await page.close();
  });
});

describe("reviewing", () => {
  test("a viewer sees no review buttons, and a review POSTed anyway is a 403 page that says why", async () => {
    const { context, page } = await signedIn("e2e-vic");
    await page.goto(url("/review?company=Quellmark"));
    await expect(page.locator(".review-item").count()).resolves.toBe(2);
    await expect(page.locator(".review-item button").count()).resolves.toBe(0);
    const factId = await page.locator(".review-item").first().getAttribute("data-fact-id");
    // The form an analyst would have, sent from the viewer's page.
    await Promise.all([
      page.waitForLoadState("load"),
      page.evaluate((id) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = "/review";
        for (const [name, value] of [
          ["intent", "reject"],
          ["factId", String(id)],
        ]) {
          const input = document.createElement("input");
          input.name = name;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      }, factId),
    ]);
    await page.locator("section.error").waitFor();
    await expect(page.locator("section.error").textContent()).resolves.toContain(
      "Reviewing facts needs the analyst role; you are signed in as e2e-vic, a viewer.",
    );
    await expect(page.locator("section.error h1").textContent()).resolves.toBe("Not allowed");
    const res = await context.request.post(url("/review"), {
      form: { intent: "reject", factId: String(factId) },
      headers: { Origin: url("") },
    });
    expect(res.status()).toBe(403);
    expect(await quellmarkYears(page)).toEqual(["2019", "2020"]);
    await context.close();
  });

  test("a POST from another site is refused, signed in or not", async () => {
    const { context, page } = await signedIn("e2e-ana");
    await page.goto(url("/review?company=Quellmark"));
    const factId = await page.locator(".review-item").first().getAttribute("data-fact-id");
    const res = await context.request.post(url("/review"), {
      form: { intent: "reject", factId: String(factId) },
      headers: { Origin: "https://evil.example" },
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain("Cross-site request refused");
    expect(await quellmarkYears(page)).toEqual(["2019", "2020"]);
    await context.close();
  });

  test("an analyst rejects a figure with the keyboard: it leaves the chart and the CSV; the audit trail shows it", async () => {
    const { context, page } = await signedIn("e2e-ana");
    expect(await quellmarkYears(page)).toEqual(["2019", "2020"]);
    const csvBefore = await (await context.request.get(url("/export/revenue.csv?company=quellmark"))).text();
    expect(csvBefore).toContain("2900000000");

    await page.goto(url("/review?company=Quellmark"));
    const item = page.locator(".review-item", { has: page.locator(".fact-figure", { hasText: "€2.9 billion" }) });
    const factId = await item.getAttribute("data-fact-id");
    // j / k move between facts; r rejects the focused one.
    await page.locator(".review-item").first().focus();
    for (
      let i = 0;
      i < 3 && (await page.evaluate(() => document.activeElement?.getAttribute("data-fact-id"))) !== factId;
      i++
    ) {
      await page.keyboard.press("j");
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-fact-id"))).toBe(factId);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/review-queue.png`, fullPage: true });
    // e opens the correction form on the company field; Escape closes it and gives the focus back to the fact.
    await page.keyboard.press("e");
    const edit = page.locator(`.review-item[data-fact-id="${factId}"] details.review-edit`);
    await expect(edit.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("company");
    // Keys typed into a field are text, not commands.
    await page.keyboard.type("r");
    await expect(page.locator(".review-item").count()).resolves.toBe(2);
    await page.keyboard.press("Escape");
    await expect(edit.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-fact-id"))).toBe(factId);
    await page.keyboard.press("r");
    await page.locator(`.review-item[data-fact-id="${factId}"]`).waitFor({ state: "detached" });
    await expect(page.locator(".review-item").count()).resolves.toBe(1);

    expect(await quellmarkYears(page)).toEqual(["2019"]);
    const csvAfter = await (await context.request.get(url("/export/revenue.csv?company=quellmark"))).text();
    expect(csvAfter).toContain("2500000000");
    expect(csvAfter).not.toContain("2900000000");
    // A visitor (no session, so the shared page cache) sees the change too.
    const anonymous = await (await fetch(url("/api/facts?company=quellmark"))).json();
    expect(anonymous.facts.map((f: { low: number }) => f.low)).toEqual([2500000000]);

    await page.goto(url("/audit"));
    const row = page.locator("tr[data-action='fact.reject']").first();
    await expect(row.textContent()).resolves.toContain("e2e-ana");
    await expect(row.textContent()).resolves.toContain(
      `fact ${factId} (revenue of Quellmark, 2020 FY: 2900000000 EUR)`,
    );
    await expect(row.textContent()).resolves.toContain("review: machine → rejected");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/audit.png`, fullPage: true });
    await context.close();
  });

  test("an analyst corrects a figure without scripts: the chart draws the corrected value", async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url("/login?next=/review"));
    await page.fill("input[name=username]", "e2e-ana");
    await page.fill("input[name=password]", PASSWORDS["e2e-ana"]);
    await Promise.all([page.waitForURL(url("/review")), page.click(".login-form button[type=submit]")]);
    await page.goto(url("/review?company=Quellmark"));
    const item = page.locator(".review-item").first();
    await item.locator("summary").click();
    await item.locator("input[name=low]").fill("2600000000");
    await item.locator("input[name=high]").fill("2600000000");
    await Promise.all([
      page.waitForURL(/\/review\?company=Quellmark$/),
      item.locator("button", { hasText: "Save correction" }).click(),
    ]);
    await expect(page.locator(".review-item").count()).resolves.toBe(0);
    const facts = await (await context.request.get(url("/api/facts?company=quellmark"))).json();
    expect(facts.facts.map((f: { low: number }) => f.low)).toEqual([2600000000]);
    await context.close();
  });
});

describe("stored fields are text", () => {
  test("markup typed into a correction is shown as text on the audit page and runs nowhere", async () => {
    const { context, page } = await signedIn("e2e-ana");
    const markup = '<img src=x onerror="window.__injected=1">';
    const ids = await (await context.request.get(url("/api/facts?company=quellmark"))).json();
    const fact = ids.facts[0];
    const res = await context.request.post(url("/review"), {
      form: {
        intent: "correct",
        factId: String(fact.id),
        company: "Quellmark",
        market: markup,
        year: String(fact.year),
        period: fact.period ?? "",
        low: String(fact.low),
        high: String(fact.high),
        unit: fact.unit,
        status: fact.status,
      },
      headers: { Origin: url("") },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(303);
    for (const path of ["/audit", `/articles/${fact.articleId}`, "/companies/quellmark"]) {
      await page.goto(url(path));
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as { __injected?: number }).__injected), path).toBeUndefined();
      expect(await page.locator("img[src=x]").count(), path).toBe(0);
    }
    await page.goto(url("/audit"));
    await expect(page.locator("tr[data-action='fact.correct']").first().textContent()).resolves.toContain(markup);
    await context.close();
  });
});

describe("adding a missed fact", () => {
  test("an analyst selects the sentence in the article, fills in the figure, and the fact is stored", async () => {
    const { context, page } = await signedIn("e2e-ana");
    const facts = await (await context.request.get(url("/api/facts?company=quellmark"))).json();
    const articleId = facts.facts[0].articleId;
    await page.goto(url(`/articles/${articleId}`));
    await page.waitForLoadState("networkidle");
    const sentence = "The Dutch toolmaker said demand from carmakers held up.";
    // Select the sentence's words as a mouse would, then let go.
    await page.evaluate((words) => {
      const root = document.querySelector(".article-text") as HTMLElement;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(words) ?? -1;
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        document.dispatchEvent(new MouseEvent("mouseup"));
        return;
      }
      throw new Error("sentence not found");
    }, sentence);
    await page.locator("details.add-fact summary").click();
    await expect(page.locator("textarea[name=quote]").inputValue()).resolves.toBe(sentence);
    const form = page.locator("details.add-fact form");
    await form.locator("select[name=kind]").selectOption("sales_volume");
    await form.locator("input[name=company]").fill("Quellmark");
    await form.locator("input[name=year]").fill("2020");
    await form.locator("input[name=low]").fill("1200");
    await form.locator("input[name=high]").fill("1200");
    await form.locator("input[name=unit]").fill("machines");
    await Promise.all([
      page.waitForURL(/#fact-\d+$/),
      form.locator("button[type=submit]", { hasText: "Add the fact" }).click(),
    ]);
    const added = /#(fact-\d+)$/.exec(page.url())?.[1];
    await expect(page.locator(`mark.fact-sentence:has(#${added})`).textContent()).resolves.toBe(sentence);
    const after = await (await context.request.get(url("/api/facts?company=quellmark&kind=sales_volume"))).json();
    expect(after.facts.map((f: { low: number; unit: string }) => [f.low, f.unit])).toEqual([[1200, "machines"]]);
    await context.close();
  });
});
