import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { removeCompany } from "../../db/companies";
import { addFact, type FactValues, ReviewError } from "../../db/reviews";
import { addUser } from "../../db/users";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, sessionCookieOf, settle } from "./routeCalls";

/**
 * A name removed as no company (decision 014) cannot be given back facts by a correction or an added fact: such a
 * fact would be filed under a row no list, search or chart shows. The analyst is told why, and nothing changes.
 */
let cleanup: () => void;
let work: string;
let db: DbHandle;
let cookie: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-removed-names-"));
  writeFileSync(
    join(work, "kessler.txt"),
    "Kessler results\n\nDate: 2011-03-01\n\nKessler Marine reported revenue of $1.2 billion for 2010. Portvale posted revenue of $300 million in 2010.\n",
  );
  cleanup = await seedTemporaryDatabase([work]);
  db = openDatabase();
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  cookie = await sessionCookieOf(db, "ana");
  const portvale = db.sqlite.prepare("SELECT id FROM companies WHERE name = 'Portvale'").get() as { id: number };
  await removeCompany(db.sql, portvale.id, "ana");
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

const kessler = () =>
  db.sqlite
    .prepare(
      `SELECT f.id, f.article_id AS articleId, c.name AS company FROM facts f JOIN companies c ON c.id = f.company_id
       WHERE f.low = 1.2e9 AND f.quote LIKE 'Kessler Marine%'`,
    )
    .get() as { id: number; articleId: number; company: string };

const VALUES: FactValues = {
  company: "Kessler",
  counterparty: null,
  market: null,
  year: 2010,
  period: null,
  low: 1.2e9,
  high: 1.2e9,
  unit: "USD",
  status: "actual",
  approximate: false,
};

async function correct(company: string) {
  const { action } = (await import("~/routes/review")) as unknown as { action: Action };
  const body = new URLSearchParams({
    intent: "correct",
    factId: String(kessler().id),
    company,
    year: "2010",
    low: "1200000000",
    high: "1200000000",
    unit: "USD",
    status: "actual",
  });
  const request = new Request("http://localhost/review", {
    method: "POST",
    headers: { Host: "localhost", Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  return settle(() => action({ request, params: {}, context: {} }));
}

describe("names removed as no company", () => {
  test("a correction naming one, in any case, is a 409 that says why, and changes nothing", async () => {
    expect(kessler().company).toBe("Kessler");
    for (const typed of ["Portvale", "portvale "]) {
      const res = await correct(typed);
      expect(res.status).toBe(409);
      expect((await res.json()).message).toBe(
        `"${typed.trim()}" is Portvale, which ana removed as no company: name the company the fact is about, or reject the fact.`,
      );
    }
    expect(kessler().company).toBe("Kessler");
    expect(db.sqlite.prepare("SELECT count(*) AS n FROM fact_reviews WHERE state = 'corrected'").get()).toEqual({
      n: 0,
    });
  });

  test("an added fact naming one as the company held is refused too; another name is filed as typed", async () => {
    const { articleId } = kessler();
    const quote = "Kessler Marine reported revenue of $1.2 billion for 2010.";
    await expect(
      addFact(
        db.sql,
        articleId,
        { kind: "stake", quote, figure: null, values: { ...VALUES, counterparty: "Portvale", unit: "percent" } },
        "ana",
      ),
    ).rejects.toThrow(ReviewError);
    expect(db.sqlite.prepare("SELECT count(*) AS n FROM facts WHERE article_id = ?").get(articleId)).toEqual({ n: 1 });
    const res = await correct("Kessler Marine Group");
    expect([res.status, res.headers.get("location")]).toEqual([303, "/review"]);
    expect(kessler().company).toBe("Kessler Marine Group");
  });
});
