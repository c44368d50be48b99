import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SCREENSHOT_DIR } from "./browser";
import { setUpE2e, signIn, url } from "./session";

/**
 * Issue 12's phone checks, on every page a person reaches, at 390 × 844 in Chromium, signed in as an admin (so the
 * review, import, audit and users pages are drawn with their forms): nothing is wider than the screen (no sideways
 * scrolling, no element poking out of it, and no table scrolling sideways in a box of its own: wide tables reflow
 * into a card per row, in the charts' Table views too), every chart's axis ticks and labels measure at least 11 px
 * on screen, and the header's search, typed into on the phone, suggests a company and lands on its page.
 */
const USER = "e2e-phone-admin";
const PASSWORD = "phone-admin-pass-e2e";
const e2e = setUpE2e({
  users: { [USER]: { role: "admin", password: PASSWORD } },
  articles: {
    // A long name without spaces and a long sentence: what pushes a narrow page sideways if anything does.
    "phone-long.txt":
      "Quarterly results of Brackenridge-Hollingsworth-Featherstonehaugh Industries\n\nDate: 2012-03-01\n\nBrackenridge-Hollingsworth-Featherstonehaugh Industries reported revenue of $1.35 billion for 2011, against $1.2 billion in 2010, and said its revenue rose 12.5% in 2011.\n",
  },
});

const PHONE = { width: 390, height: 844 };

/** Pasted into the web import: two facts, one with a long name, for the preview's table. */
const PREVIEW =
  "Wendover-Castleford Amalgamated Logistics results\n\nDate: 2012-03-01\n\nWendover-Castleford Amalgamated Logistics reported revenue of $2.75 billion for 2011, against $2.5 billion in 2010.\n";

const PAGES = [
  "/",
  "/companies/renault",
  "/companies/brackenridge-hollingsworth-featherstonehaugh-industries",
  "/compare?companies=Tellbrook,Corvane&metric=revenue_change",
  "/compare?companies=renault,nissan&metric=revenue&mode=indexed",
  "/stakes",
  "/declines?periods=year",
  "/facts",
  "/facts?sort=value&dir=desc",
  "/search?q=re",
  "/review",
  "/import",
  "/imports",
  "/audit",
  "/users",
  "/companies/no-such-company",
];

/**
 * What pokes out of the screen: the page's extra width, the widest elements past its right edge (unless clipped by
 * a parent that ends on the screen), and every box that scrolls sideways because its content is wider than it.
 */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const scrolling: string[] = [];
    const named = (el: Element) => `${el.tagName.toLowerCase()}.${String(el.className)}`;
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      const style = getComputedStyle(el);
      if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
        scrolling.push(`${named(el)} holds ${el.scrollWidth} px in ${el.clientWidth}`);
      if (r.right <= width + 1) continue;
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible" && p.getBoundingClientRect().right <= width + 1) {
          clipped = true;
          break;
        }
      }
      if (!clipped) out.push(`${named(el)}: right ${Math.round(r.right)}`);
    }
    return { extra: document.documentElement.scrollWidth - width, out: out.slice(0, 5), scrolling };
  });
}

/**
 * Shows every chart's Table view (radio buttons that work without scripts) and opens every stake figure's sources,
 * as a reader would; those drawn on demand (docs/decisions/039) are waited for.
 */
async function showTables(page: Page) {
  await page.evaluate(() => {
    for (const radio of document.querySelectorAll<HTMLInputElement>("input.chart-view-table")) radio.click();
    for (const details of document.querySelectorAll<HTMLDetailsElement>("details.lazy-sources")) details.open = true;
  });
  await page.waitForFunction(
    () => !document.querySelector(".chart-panel-table .chart-lazy, details.lazy-sources .chart-lazy"),
  );
  return page.evaluate(() => document.querySelectorAll(".chart-panel-table table").length);
}

/** The on-screen size of the smallest axis tick and label of each chart (SVG scaling included). */
function smallestAxisText(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("figure.chart .chart-panel-chart")].flatMap((panel) => {
      const texts = [
        ...panel.querySelectorAll<SVGTextElement>(
          ".recharts-cartesian-axis-tick-value, .recharts-label, .recharts-cartesian-axis-label, text.bar-value",
        ),
      ].filter((t) => t.textContent?.trim() && t.getBoundingClientRect().width > 0);
      if (!texts.length) return [];
      const sizes = texts.map((t) => {
        const m = t.getScreenCTM()!;
        return {
          text: t.textContent!.trim(),
          px: Number.parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
        };
      });
      const smallest = sizes.reduce((a, b) => (b.px < a.px ? b : a));
      return [{ chart: panel.closest("figure")!.id, count: sizes.length, ...smallest }];
    }),
  );
}

describe("on a phone (390 px)", () => {
  test("no page is wider than the screen, and chart ticks and labels are at least 11 px", async () => {
    const { context, page } = await signIn(e2e.browser, USER, PASSWORD, "/", PHONE);
    const failures: string[] = [];
    let charts = 0;
    let tables = 0;
    const check = async (what: string) => {
      const o = await overflow(page);
      if (o.extra > 1 || o.out.length || o.scrolling.length)
        failures.push(`${what}: ${o.extra} px too wide; ${[...o.out, ...o.scrolling].join("; ")}`);
    };
    for (const path of PAGES) {
      const response = await page.goto(url(path));
      // Each page is the one meant (the last is the 404 page, whose header and message must fit too).
      expect([path, response?.status()]).toEqual([path, path.endsWith("no-such-company") ? 404 : 200]);
      await page.waitForLoadState("networkidle");
      // Charts are drawn again at their column's width after hydration.
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLElement>("figure.chart .chart-panel-chart")].every(
          (p) => Number(p.querySelector("svg.recharts-surface")?.getAttribute("width")) === p.clientWidth,
        ),
      );
      await check(path);
      for (const c of await smallestAxisText(page)) {
        charts++;
        if (c.px < 11) failures.push(`${path} ${c.chart}: "${c.text}" is ${c.px.toFixed(1)} px`);
      }
      const name = path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
      await page.screenshot({ path: `${SCREENSHOT_DIR}/phone-${name}.png`, fullPage: true });
      const shown = await showTables(page);
      if (shown) {
        tables += shown;
        await check(`${path} (Table views)`);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/phone-${name}-tables.png`, fullPage: true });
      }
    }
    // The web import's preview: each proposed fact a row of a table, with its sentence.
    await page.goto(url("/import"));
    await page.waitForLoadState("networkidle");
    await page.fill("textarea[name=text]", PREVIEW);
    await Promise.all([page.waitForURL(/\/import\?preview=/), page.click("button[value=preview]")]);
    // The preview refreshes while the article is read: wait for its facts.
    await page.locator(".import-facts tbody tr").nth(1).waitFor();
    await expect(page.locator(".import-facts tbody tr").count()).resolves.toBe(2);
    await check("/import (preview)");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/phone-import-preview.png`, fullPage: true });
    // A card keeps every field, named: the home's company list, a row per company, its counts side by side.
    await page.goto(url("/"));
    const list = page.locator("table.company-list");
    await expect(list.locator("thead").isVisible()).resolves.toBe(false);
    const renault = list.locator("tr", { has: page.getByRole("link", { name: "Renault", exact: true }) });
    const fields = await renault
      .locator("td.inline")
      .evaluateAll((tds) =>
        tds
          .filter((td) => (td as HTMLElement).offsetWidth > 0)
          .map((td) => `${(td as HTMLElement).dataset.label}: ${td.textContent} (${getComputedStyle(td).display})`),
      );
    expect(fields).toEqual(expect.arrayContaining(["Revenue: 2 (inline-block)", "Years: 2007–2009 (inline-block)"]));
    // A kind a company has no figures of is no field of its card (Corvane has changes only).
    const corvane = list.locator("tr", { has: page.getByRole("link", { name: "Corvane", exact: true }) });
    const shownFields = await corvane
      .locator("td")
      .evaluateAll((tds) =>
        tds
          .filter((td) => (td as HTMLElement).offsetWidth > 0)
          .map((td) => [(td as HTMLElement).dataset.label ?? "", td.textContent]),
      );
    expect(shownFields).toEqual([
      ["", "Corvane"],
      ["Change", "4"],
      ["Years", "2005–2009"],
    ]);
    expect(failures).toEqual([]);
    // The home, company, compare, stakes and declines pages draw charts with axes, and tables beside them.
    expect(charts).toBeGreaterThanOrEqual(8);
    expect(tables).toBeGreaterThanOrEqual(8);
    await context.close();
  }, 180_000);

  test("the header's search, signed in on the phone: it suggests a company by an alias, fits, and opens its page", async () => {
    const { context, page } = await signIn(e2e.browser, USER, PASSWORD, "/stakes", PHONE);
    await page.waitForLoadState("networkidle");
    const box = page.getByRole("combobox", { name: "Search companies" });
    // Measured once laid out: the page the sign-in lands on may not have drawn its first frame yet.
    const right = (await (
      await page.waitForFunction(() => {
        const r = document.querySelector("header input[role=combobox]")?.getBoundingClientRect();
        return r && r.width > 0 ? r.right : null;
      })
    ).jsonValue()) as number;
    expect(right).toBeGreaterThan(100);
    expect(right).toBeLessThanOrEqual(PHONE.width);
    // Typed once React has taken the page over and the sign-in's redirect has settled: under a loaded CI a keystroke
    // could land while the router still navigated, when no suggestions are asked for.
    await page.waitForFunction(() => {
      const router = (
        window as unknown as { __remixRouter?: { state: { initialized: boolean; navigation: { state: string } } } }
      ).__remixRouter;
      return router?.state.initialized === true && router.state.navigation.state === "idle";
    });
    // The header's box is made afresh for each page (SiteSearch keys it by address): an idle router may still wait
    // for React to draw the page it reached, and what is typed into the sign-in page's box then goes with it. The
    // page's heading is drawn in the same commit as the new box.
    await page.locator("main h1", { hasText: /^Stakes$/ }).waitFor();
    await box.pressSequentially("ostrel foods");
    const listbox = page.locator(`[id="${await box.getAttribute("aria-controls")}"]`);
    const option = listbox.getByRole("option", { name: /Ostrel/ });
    await option.waitFor();
    await expect(option.textContent()).resolves.toContain("“ostrel foods”");
    const list = await listbox.evaluate((el) => el.getBoundingClientRect().right);
    expect(list).toBeLessThanOrEqual(PHONE.width + 1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/phone-search.png` });
    await box.press("ArrowDown");
    await box.press("Enter");
    await page.waitForURL(/\/companies\/ostrel$/);
    await page.locator("main h1", { hasText: /^Ostrel$/ }).waitFor();
    await context.close();
  });
});
