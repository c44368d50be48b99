import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { mergeCompany, renameCompany } from "../../db/companies";
import { seedTemporaryDatabase } from "./dbSetup";
import { exportResponse, type Loader, settle } from "./routeCalls";

/**
 * Every address that names a company by slug outside /companies/:slug follows company_redirects too: pages that
 * resolve typed names (compare, facts, stakes) show the company it became, and exports and the JSON API answer 302
 * to the address with the slug now. Never a 404 for a renamed or merged company.
 */
let cleanup: () => void;
let work: string;
let db: DbHandle;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-moved-links-"));
  writeFileSync(
    join(work, "ostmark.txt"),
    "Ostmark results\n\nDate: 2011-03-01\n\nOstmark Freight reported revenue of $2.1 billion for 2010. Pellvik Rail posted revenue of $900 million in 2010. Ostmark Freight owns 12% of Pellvik Rail.\n",
  );
  cleanup = await seedTemporaryDatabase([work]);
  db = openDatabase();
  const idOf = (name: string) =>
    (db.sqlite.prepare("SELECT id FROM companies WHERE name = ?").get(name) as { id: number }).id;
  await renameCompany(db.sql, idOf("Ostmark"), "Ostmark Logistics", "ana");
  await renameCompany(db.sql, idOf("Pellvik Rail"), "Pellvik Railways", "ana");
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

const ROUTES = {
  compare: () => import("~/routes/compare"),
  facts: () => import("~/routes/facts"),
  stakes: () => import("~/routes/stakes"),
};

async function pageData(route: keyof typeof ROUTES, path: string) {
  const { loader } = (await ROUTES[route]()) as unknown as { loader: Loader };
  const res = await settle(() => loader({ request: new Request(`http://localhost${path}`), params: {}, context: {} }));
  expect(res.status).toBe(200);
  return res.json();
}

describe("old company slugs in query parameters", () => {
  test("compare's company list resolves an old slug to the company it became", async () => {
    const d = await pageData("compare", "/compare?companies=ostmark,pellvik-rail");
    expect(d.unknown).toEqual([]);
    expect(d.companies).toEqual([
      { name: "Ostmark Logistics", slug: "ostmark-logistics" },
      { name: "Pellvik Railways", slug: "pellvik-railways" },
    ]);
    expect(d.field).toBe("Ostmark Logistics, Pellvik Railways");
  });

  test("the facts filter and the stakes filters take an old slug", async () => {
    const facts = await pageData("facts", "/facts?company=ostmark");
    expect(facts.query.company).toBe("ostmark-logistics");
    expect(facts.facts.map((f: { company: string; low: number }) => [f.company, f.low])).toContainEqual([
      "Ostmark Logistics",
      2.1e9,
    ]);
    const stakes = await pageData("stakes", "/stakes?holder=ostmark&held=pellvik-rail");
    expect(stakes.filter).toEqual({ holder: "ostmark-logistics", held: "pellvik-railways" });
  });

  test("an export named by an old slug answers 302 to the slug now, and that address gives the figures", async () => {
    const res = await exportResponse("http://localhost/export/revenue.csv?company=ostmark&unit=USD");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/export/revenue.csv?company=ostmark-logistics&unit=USD");
    const csv = await (await exportResponse(`http://localhost${res.headers.get("location")}`)).text();
    expect(csv).toContain("Ostmark Logistics");
    expect(csv).toContain("2100000000");
    const compare = await exportResponse("http://localhost/export/compare.csv?companies=ostmark,pellvik-rail");
    expect(compare.status).toBe(302);
    expect(new URL(`http://x${compare.headers.get("location")}`).searchParams.get("companies")).toBe(
      "ostmark-logistics,pellvik-railways",
    );
    const stake = await exportResponse("http://localhost/export/stakes.svg?holder=ostmark&held=pellvik-rail");
    expect(stake.headers.get("location")).toBe("/export/stakes.svg?holder=ostmark-logistics&held=pellvik-railways");
  });

  test("the JSON API redirects an old slug; a slug that never was is still a 404 with its reason", async () => {
    const { loader } = (await import("~/routes/api.facts")) as unknown as { loader: Loader };
    const call = (q: string) =>
      settle(() => loader({ request: new Request(`http://localhost/api/facts?${q}`), params: {}, context: {} }));
    const moved = await call("company=pellvik-rail&kind=revenue");
    expect([moved.status, moved.headers.get("location")]).toEqual([
      302,
      "/api/facts?company=pellvik-railways&kind=revenue",
    ]);
    const missing = await call("company=never-was");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'No company called "never-was" has been imported.' });
  });

  test("after a merge, two old names of one company are one company, asked for once", async () => {
    const idOf = (name: string) =>
      (db.sqlite.prepare("SELECT id FROM companies WHERE name = ?").get(name) as { id: number }).id;
    await mergeCompany(db.sql, idOf("Pellvik Railways"), idOf("Ostmark Logistics"), "ana");
    const d = await pageData("compare", "/compare?companies=ostmark,pellvik-rail");
    expect(d.companies).toEqual([{ name: "Ostmark Logistics", slug: "ostmark-logistics" }]);
    const res = await exportResponse("http://localhost/export/compare.svg?companies=ostmark,pellvik-railways");
    expect(new URL(`http://x${res.headers.get("location")}`).searchParams.get("companies")).toBe("ostmark-logistics");
  });
});
