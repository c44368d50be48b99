import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportKey } from "~/exports/exportKey";
import { cacheReport } from "~/utils/cacheRegistry";
import { nonceOffsets, pageCache, withNonce } from "~/utils/pageCache.server";
import { pageKey } from "~/utils/pageKey.server";
import { cleanupAll, makeTempDir, seededDatabase } from "./helpers";
import { buildApp, type RunningServer, startServer } from "./serverProcess";

/**
 * Cache keys hold what a response depends on and nothing else: a parameter a page ignores, the order of the
 * parameters, a blank one, a default spelt out or a repeated company make no new key, so a flood of such URLs
 * neither fills the cache nor renders again; a query the page refuses has no key and is never kept. A page being
 * rendered is rendered once however many ask for it meanwhile (issue 11: 50 cold requests at once). The caches
 * report their sizes on /_status.
 */
describe("the page key", () => {
  test.each([
    ["/facts?kind=revenue&sort=value", "/facts?sort=value&kind=revenue"],
    ["/facts?kind=revenue&sort=value", "/Facts/?sort=value&kind=revenue&dir=asc&year=&page="],
    ["/facts", "/facts?sort=year&dir=asc"],
    ["/", "/?utm_source=mail&x=1"],
    ["/?periods=quarter", "/?utm_source=mail&periods=quarter"],
    ["/compare?companies=renault,nissan", "/compare?companies=renault,%20nissan,renault&metric=revenue"],
    ["/companies/renault", "/COMPANIES/renaul%74?periods=year"],
    ["/articles/3", "/articles/3?highlight=zzz"],
    ["/stakes?holder=renault", "/stakes?page=&holder=renault"],
  ])("%s and %s share one key", (a, b) => {
    expect(pageKey(a)).not.toBeNull();
    expect(pageKey(b)).toBe(pageKey(a));
  });

  test.each([
    ["/facts?sort=value", "/facts?sort=value&dir=desc"],
    ["/", "/?periods=quarter"],
    ["/compare?companies=renault,nissan", "/compare?companies=nissan,renault"],
    ["/companies/renault", "/companies/Renault"],
    ["/companies/renault", "/companies/renault?_data=routes%2Fcompanies.%24slug"],
    ["/articles/3", "/articles/4"],
  ])("%s and %s do not", (a, b) => {
    expect(pageKey(b)).not.toBe(pageKey(a));
  });

  test.each([
    "/facts?bogus=1",
    "/?periods=weeks",
    "/facts?kind=revenue&kind=revenue",
    "/facts?sort=VALUE",
    "/compare?companies=renault&mode=sideways",
    "/companies/renault?colour=red",
    "/companies/%E0%A4%A",
  ])("%s has no key: the page refuses it, or it is not a path", (url) => {
    expect(pageKey(url)).toBeNull();
  });
});

describe("the export key", () => {
  test("company names in another case are one key; their order is not", () => {
    const q = { periods: "year", metric: "revenue", mode: "absolute", scale: 2 } as const;
    const key = (companies: string[]) => exportKey("compare", "png", { ...q, companies });
    expect(key(["Renault", "NISSAN"])).toBe(key(["renault", "nissan"]));
    expect(key(["nissan", "renault"])).not.toBe(key(["renault", "nissan"]));
  });
});

describe("a kept page's nonce", () => {
  test("is replaced in views of the kept bytes, which stay as they were", () => {
    const old = "AAAAAAAAAAAAAAAAAAAAAA==";
    const fresh = "QkJCQkJCQkJCQkJCQkJCQg==";
    // A buffer of its own, as a kept page is (a small Buffer.from would share Node's pool with the fresh nonce).
    const body = Buffer.from(
      new TextEncoder().encode(`<script nonce="${old}">a</script><p>x</p><script nonce="${old}">b</script>`).buffer,
    );
    const kept = Buffer.from(body);
    const at = nonceOffsets(body, old);
    expect(at).toEqual([15, 74]);
    const pieces = withNonce(body, at, old.length, fresh);
    expect(Buffer.concat(pieces).toString()).toBe(
      `<script nonce="${fresh}">a</script><p>x</p><script nonce="${fresh}">b</script>`,
    );
    // No copy of the page: the pieces around the nonce are views of the kept buffer, left unchanged.
    expect(pieces.filter((p) => p.buffer === body.buffer).length).toBe(3);
    expect(body.equals(kept)).toBe(true);
    // A page without a nonce, or a request without one, is the kept bytes as they are.
    expect(withNonce(body, [], 0, fresh)).toEqual([body]);
    expect(withNonce(body, at, old.length, undefined)).toEqual([body]);
  });
});

describe("a cold page asked for many times at once", () => {
  test("is rendered once; each request waiting for it gets its bytes with a nonce of its own", async () => {
    const { randomBytes } = await import("node:crypto");
    const express = (await import("express")).default;
    const app = express();
    let arrived = 0;
    let renders = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    app.use((_req, res, next) => {
      arrived++;
      res.locals.nonce = randomBytes(16).toString("base64");
      next();
    });
    app.use(pageCache(() => 1));
    // A page that takes a while to render, as a cold facts page on a million facts does.
    app.get("/facts", async (_req, res) => {
      renders++;
      await gate;
      res.send(`<html><script nonce="${res.locals.nonce}">1</script><p>the page</p></html>`);
    });
    const listening = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => listening.once("listening", resolve));
    const { port } = listening.address() as { port: number };
    try {
      const asked = Array.from({ length: 6 }, () => fetch(`http://127.0.0.1:${port}/facts?sort=value`));
      while (arrived < 6) await new Promise((resolve) => setTimeout(resolve, 5));
      open();
      const responses = await Promise.all(asked);
      const bodies = await Promise.all(responses.map((r) => r.text()));
      expect(renders).toBe(1);
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(responses.map((r) => r.headers.get("x-cache")).sort()).toEqual([
        null,
        "shared",
        "shared",
        "shared",
        "shared",
        "shared",
      ]);
      const nonces = bodies.map((b) => b.match(/nonce="([^"]+)"/)?.[1]);
      expect(new Set(nonces).size).toBe(6);
      expect(new Set(bodies.map((b) => b.replace(/nonce="[^"]+"/, ""))).size).toBe(1);
      expect(cacheReport().pages).toMatchObject({ stored: 1, shared: 5, rendering: 0 });
      // Kept, too: the next request is a hit.
      const again = await fetch(`http://127.0.0.1:${port}/facts?sort=value`);
      expect(again.headers.get("x-cache")).toBe("hit");
      expect(renders).toBe(1);
    } finally {
      listening.close();
    }
  });
});

describe("through the server", () => {
  let server: RunningServer;

  beforeAll(async () => {
    buildApp();
    server = await startServer(await seededDatabase(join(makeTempDir("keys"), "keys.db")));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    cleanupAll();
  });

  const status = async () =>
    (await (await fetch(`${server.url}/_status`)).json()) as {
      caches: Record<string, Record<string, number>>;
      memory: Record<string, number>;
    };
  const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""').replace(/nonce-[^']+/g, "");

  test("variants of one page are served from one entry, the same page; a refused query is never kept", async () => {
    const first = await fetch(`${server.url}/facts?kind=revenue&sort=value`);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBeNull();
    const html = await first.text();
    expect(html).toContain("Renault");
    for (const variant of ["/facts?sort=value&kind=revenue", "/Facts/?dir=asc&sort=value&kind=revenue&year="]) {
      const res = await fetch(server.url + variant);
      expect(res.status, variant).toBe(200);
      expect(res.headers.get("x-cache"), variant).toBe("hit");
      expect(withoutNonce(await res.text()), variant).toBe(withoutNonce(html));
    }
    for (let i = 0; i < 2; i++) {
      const refused = await fetch(`${server.url}/facts?kind=revenue&sort=value&bogus=${i}`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get("x-cache")).toBeNull();
      expect(await refused.text()).toContain("Unknown parameter &quot;bogus&quot;");
    }
  });

  test("a flood of ignored parameters on the home page is one entry, and the caches report their sizes", async () => {
    const before = (await status()).caches.pages;
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${server.url}/?utm_campaign=${i}`);
      expect(res.status).toBe(200);
      if (i > 0) expect(res.headers.get("x-cache")).toBe("hit");
    }
    const after = (await status()).caches.pages;
    expect(after.entries).toBe(before.entries + 1);
    expect(after.stored).toBe(before.stored + 1);
    expect(after.hits).toBe(before.hits + 39);
    expect(after).toMatchObject({ maxEntries: 1000, maxBytes: 64 * 1024 * 1024 });
    expect(after.bytes).toBeGreaterThan(before.bytes);

    expect((await fetch(`${server.url}/export/revenue.csv?company=renault`)).status).toBe(200);
    expect((await fetch(`${server.url}/export/revenue.csv?market=x&company=renault&scale=3`)).status).toBe(200);
    const { caches, memory } = await status();
    expect(caches.exports).toMatchObject({
      entries: 1,
      renders: 1,
      hits: 1,
      maxEntries: 300,
      maxBytes: 32 * 1024 * 1024,
    });
    expect(caches.exports.bytes).toBeGreaterThan(100);
    expect(memory.rss).toBeGreaterThan(10 * 1024 * 1024);
  });
});
