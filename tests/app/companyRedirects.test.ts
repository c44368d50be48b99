import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { mergeCompany, renameCompany } from "../../db/companies";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Loader, settle } from "./routeCalls";

/**
 * After a rename or a merge the old company address redirects to the company's page (company_redirects), keeps the
 * page's parameters, follows later renames and merges, and gives way to a company that has the address itself.
 */
let cleanup: () => void;
let work: string;
let db: DbHandle;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-redirects-"));
  writeFileSync(
    join(work, "ostmark.txt"),
    "Ostmark results\n\nDate: 2011-03-01\n\nOstmark Freight reported revenue of $2.1 billion for 2010. Pellvik Rail posted revenue of $900 million in 2010.\n",
  );
  cleanup = await seedTemporaryDatabase([work]);
  db = openDatabase();
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

async function visit(path: string) {
  const { loader } = (await import("~/routes/companies.$slug")) as unknown as { loader: Loader };
  const url = new URL(`http://localhost${path}`);
  const res = await settle(() =>
    loader({ request: new Request(url), params: { slug: url.pathname.split("/")[2] }, context: {} }),
  );
  return { status: res.status, location: res.headers.get("location") };
}

const idOf = (name: string) =>
  (db.sqlite.prepare("SELECT id FROM companies WHERE name = ?").get(name) as { id: number }).id;

describe("old company addresses", () => {
  test("a rename redirects the old address, with the page's parameters; an unknown one is still a 404", async () => {
    expect((await visit("/companies/ostmark")).status).toBe(200);
    await renameCompany(db.sql, idOf("Ostmark"), "Ostmark Logistics", "ana");
    expect(await visit("/companies/ostmark?periods=year")).toEqual({
      status: 302,
      location: "/companies/ostmark-logistics?periods=year",
    });
    expect((await visit("/companies/ostmark-logistics")).status).toBe(200);
    expect((await visit("/companies/never-was")).status).toBe(404);
    expect(db.sqlite.prepare("SELECT slug, company_id AS id FROM company_redirects").all()).toEqual([
      { slug: "ostmark", id: idOf("Ostmark Logistics") },
    ]);
  });

  test("a merge redirects the merged name's addresses, old and current, and later renames are followed", async () => {
    await renameCompany(db.sql, idOf("Pellvik Rail"), "Pellvik", "ana");
    await mergeCompany(db.sql, idOf("Pellvik"), idOf("Ostmark Logistics"), "ana");
    for (const old of ["pellvik", "pellvik-rail", "ostmark"]) {
      expect(await visit(`/companies/${old}`)).toEqual({ status: 302, location: "/companies/ostmark-logistics" });
    }
    await renameCompany(db.sql, idOf("Ostmark Logistics"), "Ostmark Group", "ana");
    for (const old of ["pellvik", "pellvik-rail", "ostmark", "ostmark-logistics"]) {
      expect(await visit(`/companies/${old}`)).toEqual({ status: 302, location: "/companies/ostmark-group" });
    }
  });

  test("renamed back, a company has its old address again and no redirect loops", async () => {
    await renameCompany(db.sql, idOf("Ostmark Group"), "Ostmark", "ana");
    expect((await visit("/companies/ostmark")).status).toBe(200);
    expect(await visit("/companies/ostmark-group")).toEqual({ status: 302, location: "/companies/ostmark" });
    const slugs = (
      db.sqlite.prepare("SELECT slug FROM company_redirects ORDER BY slug").all() as Array<{ slug: string }>
    ).map((r) => r.slug);
    expect(slugs).toEqual(["ostmark-group", "ostmark-logistics", "pellvik", "pellvik-rail"]);
  });
});
