import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addUser } from "../../db/users";
import { importFiles } from "../../importers/run/importFiles";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, sessionCookieOf, settle } from "./routeCalls";

/**
 * A correction on /review that names another company can also file the fact's company name under it from now on
 * (an alias): the next import that writes the name files its facts there.
 */
let cleanup: () => void;
let work: string;
let db: DbHandle;
let cookie: string;

const article = (n: number) =>
  `Tollund results ${n}\n\nDate: 201${n}-03-01\n\nTollund posted revenues of €${n}.5 billion for 201${n - 1}.\n`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-alias-"));
  writeFileSync(join(work, "tollund-1.txt"), article(1));
  cleanup = await seedTemporaryDatabase([work]);
  db = openDatabase();
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  cookie = await sessionCookieOf(db, "ana");
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

const factsOf = (company: string) =>
  db.sqlite
    .prepare(
      "SELECT f.id, f.low, f.unit FROM facts f JOIN companies c ON c.id = f.company_id WHERE c.name = ? ORDER BY f.low",
    )
    .all(company) as Array<{ id: number; low: number; unit: string }>;

describe("a correction that creates an alias", () => {
  test("files the fact and, from then on, the name under the company typed; audited", async () => {
    const [fact] = factsOf("Tollund");
    expect(fact.low).toBe(1.5e9);
    const { action } = (await import("~/routes/review")) as unknown as { action: Action };
    const res = await settle(() =>
      action({
        request: new Request("http://localhost/review", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "localhost", Cookie: cookie },
          body: new URLSearchParams({
            intent: "correct",
            factId: String(fact.id),
            company: "Tollund Marine",
            year: "2010",
            low: "1500000000",
            high: "1500000000",
            unit: "EUR",
            status: "actual",
            alias: "on",
          }).toString(),
        }),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(303);
    expect(factsOf("Tollund Marine").map((f) => f.low)).toEqual([1.5e9]);
    const owner = db.sqlite
      .prepare("SELECT c.name FROM company_aliases a JOIN companies c ON c.id = a.company_id WHERE a.alias = 'tollund'")
      .get() as { name: string };
    expect(owner.name).toBe("Tollund Marine");
    const audit = db.sqlite.prepare("SELECT action, after FROM audit_log ORDER BY id DESC LIMIT 1").get() as {
      action: string;
      after: string;
    };
    expect(audit.action).toBe("fact.correct");
    expect(JSON.parse(audit.after)).toMatchObject({ company: "Tollund Marine", alias: "Tollund → Tollund Marine" });

    // A new article writing "Tollund" is filed under Tollund Marine.
    writeFileSync(join(work, "tollund-2.txt"), article(2));
    const report = await importFiles(db, [join(work, "tollund-2.txt")]);
    expect(report.errors).toEqual([]);
    expect(factsOf("Tollund Marine").map((f) => f.low)).toEqual([1.5e9, 2.5e9]);
    expect(factsOf("Tollund")).toEqual([]);
  });

  test("without the box, a correction moves the one fact and leaves the name where it was", async () => {
    writeFileSync(join(work, "tollund-3.txt"), article(3));
    await importFiles(db, [join(work, "tollund-3.txt")]);
    const fact = factsOf("Tollund Marine").find((f) => f.low === 3.5e9);
    expect(fact).toBeDefined();
    const { applyReview } = await import("~/models/reviews.server");
    await applyReview("ana", fact?.id ?? 0, {
      action: "correct",
      values: {
        company: "Tollund Shipping",
        counterparty: null,
        market: null,
        year: 2012,
        period: null,
        low: 3.5e9,
        high: 3.5e9,
        unit: "EUR",
        status: "actual",
        approximate: false,
      },
    });
    expect(factsOf("Tollund Shipping").map((f) => f.low)).toEqual([3.5e9]);
    const owner = db.sqlite
      .prepare("SELECT c.name FROM company_aliases a JOIN companies c ON c.id = a.company_id WHERE a.alias = 'tollund'")
      .get() as { name: string };
    expect(owner.name).toBe("Tollund Marine");
  });
});
