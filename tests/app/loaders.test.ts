import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";

let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase(["tests/fixtures/dashboard"]);
});
afterAll(() => cleanup?.());

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;

const ROUTES: Record<string, () => Promise<{ loader: Loader }>> = {
  "/": () => import("~/routes/_index") as Promise<{ loader: Loader }>,
  "/companies/:slug": () => import("~/routes/companies.$slug"),
  "/compare": () => import("~/routes/compare"),
  "/stakes": () => import("~/routes/stakes"),
  "/facts": () => import("~/routes/facts"),
  "/articles/:id": () => import("~/routes/articles.$id"),
  "/api/facts": () => import("~/routes/api.facts"),
};

/** Runs a route's loader as Remix would, returning the response whether it was returned or thrown. */
async function load(route: string, url: string, params: Record<string, string> = {}): Promise<Response> {
  const { loader } = await ROUTES[route]();
  try {
    return await loader({ request: new Request(`http://localhost${url}`), params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("loaders answer with data shaped for the page", () => {
  test("/companies/renault: revenue bars for 2007 and 2008 and the 43 % stake in Nissan", async () => {
    const res = await load("/companies/:slug", "/companies/renault", { slug: "renault" });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.company).toEqual({ name: "Renault", slug: "renault" });
    expect(data.revenue[0].points.map((p: { label: string }) => p.label)).toEqual(["2007", "2008"]);
    expect(data.stakesHeld[0].rows[0].figures[0].low).toBe(43);
  });

  test("/compare with two companies gives one chart with both", async () => {
    const res = await load("/compare", "/compare?companies=renault,nissan&metric=revenue&mode=absolute");
    const data = await res.json();
    expect(data.charts).toHaveLength(1);
    expect(data.charts[0].companies.map((c: { slug: string }) => c.slug)).toEqual(["renault", "nissan"]);
  });

  test("/api/facts filters by company and kind, and links each fact to its sentence", async () => {
    const res = await load("/api/facts", "/api/facts?company=renault&kind=revenue");
    expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
    const data = await res.json();
    expect(data.facts.map((f: { year: number; low: number }) => [f.year, f.low])).toEqual([
      [2007, 40680000000],
      [2008, 37790000000],
    ]);
    expect(data.facts[0].source.url).toMatch(/^\/articles\/\d+#fact-\d+$/);
    expect(data.next).toBeNull();
  });
});

describe("mistakes in the address are 400 or 404 with a message, never 500", () => {
  test.each([
    ["/", "/?periods=weeks", 400, /periods is one of year, half, quarter, nine-months/],
    ["/compare", "/compare?companies=renault&metric=profit", 400, /metric is revenue or revenue_change/],
    ["/compare", "/compare?companies=renault&mode=sideways", 400, /mode is absolute or indexed/],
    ["/compare", "/compare?companies=renault&bogus=1", 400, /Unknown parameter "bogus"/],
    ["/facts", "/facts?year=abc", 400, /a year is a number/],
    ["/facts", "/facts?year=20081", 400, /years after 2100/],
    ["/facts", "/facts?kind=profit", 400, /kind is one of/],
    ["/facts", "/facts?page=0", 400, /pages start at 1/],
    ["/facts", "/facts?kind=stake&kind=revenue", 400, /more than once/],
    ["/stakes", "/stakes?page=1e99", 400, /page/],
    ["/stakes", `/stakes?holder=${"x".repeat(201)}`, 400, /at most 200 characters/],
    ["/api/facts", "/api/facts?year=abc", 400, /a year is a number/],
    ["/api/facts", "/api/facts?company=nobody", 404, /No company called "nobody"/],
  ])("%s: %s → %i", async (route, url, status, message) => {
    const res = await load(route, url);
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(String(body.message ?? body.error)).toMatch(message);
  });

  // Company names are what people type: one that names nothing is said on the page, never an error.
  test.each([
    ["/compare", "/compare?companies=Renault!", ["Renault!"]],
    ["/compare", "/compare?companies=renault,nobody", ["nobody"]],
    ["/compare", "/compare?companies=a,b,c,d,e,f,g,h,i", ["a", "b", "c", "d", "e", "f", "g", "h", "i"]],
    ["/stakes", "/stakes?holder=%27%20OR%201%3D1--", ["' OR 1=1--"]],
    ["/facts", "/facts?company=nobody", ["nobody"]],
  ])("%s: %s → 200 naming %j", async (route, url, names) => {
    const res = await load(route, url);
    expect(res.status).toBe(200);
    expect((await res.json()).unknown.map((u: { name: string }) => u.name)).toEqual(names);
  });

  test.each([
    ["/companies/:slug", "unknown", { slug: "no-such-company" }],
    ["/companies/:slug", "path traversal", { slug: "../../etc/passwd" }],
    ["/companies/:slug", "10 KB", { slug: "x".repeat(10_000) }],
    ["/articles/:id", "unknown", { id: "999999" }],
    ["/articles/:id", "not a number", { id: "abc" }],
    ["/articles/:id", "exponent", { id: "1e5" }],
  ])("%s, %s → 404", async (route, _what, params) => {
    const res = await load(route, "/", params);
    expect(res.status).toBe(404);
    expect((await res.json()).message).toMatch(/^No /);
  });

  test("empty filter fields, as a blank form sends them, are ignored", async () => {
    const res = await load("/facts", "/facts?kind=&company=&year=&status=");
    expect(res.status).toBe(200);
    expect((await res.json()).facts.length).toBeGreaterThan(0);
  });
});
