/**
 * A request's write that finds the database locked by another connection (an import's batch, a large upload being
 * stored) waits for the lock on timers, not inside SQLite's busy handler on the event loop (issue 11, decision
 * 040). A second better-sqlite3 connection holds the write lock (BEGIN IMMEDIATE) while the review route's action
 * runs in this process: every other request must keep being served meanwhile, the review must land once the lock
 * is released, and past DATABASE_WRITE_WAIT_MS the answer is a 503 with Retry-After and words, nothing written.
 * Then the built server, for what a browser gets: the sign-in and a review sent as documents.
 */
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addUser } from "../../db/users";
import { seedTemporaryDatabase } from "../app/dbSetup";
import { type Action, sessionCookieOf, settle } from "../app/routeCalls";
import { longestStall } from "./eventLoopStall";
import { buildApp, type RunningServer, startServer } from "./serverProcess";

let cleanup: () => Promise<void>;
let db: DbHandle;
let cookie: string;
let holder: Database.Database | undefined;

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
  db = openDatabase();
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  cookie = await sessionCookieOf(db, "ana");
}, 60_000);
afterEach(() => {
  delete process.env.DATABASE_WRITE_WAIT_MS;
  release();
});
afterAll(async () => {
  db?.sqlite.close();
  await cleanup?.();
});

/** Another connection takes the database's write lock, as an import writing a batch does. */
function holdWriteLock(): void {
  holder = new Database(db.path);
  holder.exec("BEGIN IMMEDIATE");
}

function release(): void {
  if (holder?.inTransaction) holder.exec("ROLLBACK");
  holder?.close();
  holder = undefined;
}

/** Facts nobody reviewed yet, a different one for each test. */
const unreviewed = () =>
  (
    db.sqlite
      .prepare(
        "SELECT id FROM facts WHERE id NOT IN (SELECT fact_id FROM fact_reviews WHERE fact_id IS NOT NULL) ORDER BY id LIMIT 20",
      )
      .all() as Array<{ id: number }>
  ).map((r) => r.id);

async function review(fields: Record<string, string>): Promise<Response> {
  const { action } = (await import("~/routes/review")) as unknown as { action: Action };
  const request = new Request("http://localhost/review", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "localhost", Cookie: cookie },
    body: new URLSearchParams(fields).toString(),
  });
  return settle(() => action({ request, params: {}, context: {} }));
}

const reviewOf = (factId: number) =>
  db.sqlite.prepare("SELECT state, user_name AS reviewedBy FROM fact_reviews WHERE fact_id = ?").get(factId) as
    | { state: string; reviewedBy: string }
    | undefined;
const auditRows = () => (db.sqlite.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;

describe("a review sent while another connection holds the write lock", () => {
  test("waits on timers, keeping the event loop free, and is written once the lock is released", async () => {
    await review({ intent: "confirm", factId: String(unreviewed()[0]) }); // loads the route and opens connections
    const factId = unreviewed()[1];
    const audited = auditRows();
    holdWriteLock();
    const started = performance.now();
    setTimeout(release, 1_200);
    const { busy, gap, value: res } = await longestStall(() => review({ intent: "confirm", factId: String(factId) }));
    const waited = performance.now() - started;
    console.info(
      `waited ${waited.toFixed(0)} ms; longest busy event loop ${busy.toFixed(1)} ms, gap ${gap.toFixed(1)} ms`,
    );

    expect(res.status, await res.clone().text()).toBe(303);
    expect(waited).toBeGreaterThanOrEqual(1_150);
    // The wait was spent on timers: no turn of the event loop held it for more than a small fraction of it.
    expect(busy).toBeLessThan(100);
    expect(gap).toBeLessThan(600);
    expect(reviewOf(factId)).toEqual({ state: "confirmed", reviewedBy: "ana" });
    const audit = db.sqlite.prepare("SELECT action, subject FROM audit_log ORDER BY id DESC LIMIT 1").get() as {
      action: string;
      subject: string;
    };
    expect(audit.action).toBe("fact.confirm");
    expect(audit.subject).toMatch(new RegExp(`^fact ${factId} `));
    expect(auditRows()).toBe(audited + 1);
  }, 30_000);

  test("the same wait inside SQLite's busy handler holds the event loop for all of it (what the probe catches)", async () => {
    const blocking = new Database(db.path);
    blocking.pragma("busy_timeout = 1000");
    holdWriteLock();
    try {
      const { busy } = await longestStall(async () => {
        await new Promise((r) => setTimeout(r, 20));
        try {
          blocking.exec("BEGIN IMMEDIATE");
        } catch (err) {
          expect((err as { code?: string }).code).toBe("SQLITE_BUSY");
        }
      });
      expect(busy).toBeGreaterThan(900);
    } finally {
      blocking.close();
    }
  }, 30_000);

  test("past DATABASE_WRITE_WAIT_MS it is a 503 with Retry-After and words, and nothing is written", async () => {
    process.env.DATABASE_WRITE_WAIT_MS = "1000";
    const factId = unreviewed()[2];
    const value = db.sqlite.prepare("SELECT low, high, company_id FROM facts WHERE id = ?").get(factId) as {
      low: number;
      high: number;
    };
    const audited = auditRows();
    holdWriteLock();
    const started = performance.now();
    const { busy, value: res } = await longestStall(() =>
      review({
        intent: "correct",
        factId: String(factId),
        company: "A Company Typed Meanwhile",
        low: String(value.low + 1),
        high: String(value.high + 1),
        unit: "EUR",
        status: "actual",
      }),
    );
    const waited = performance.now() - started;
    expect(res.status, await res.clone().text()).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(/busy with another change or an import, so nothing was saved\. Try again/);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(4_000);
    expect(busy).toBeLessThan(100);
    release();
    // Nothing half-written: no review, no audit row, the fact's values and companies as they were.
    expect(reviewOf(factId)).toBeUndefined();
    expect(auditRows()).toBe(audited);
    expect(db.sqlite.prepare("SELECT low, high, company_id FROM facts WHERE id = ?").get(factId)).toEqual(value);
    expect(
      db.sqlite.prepare("SELECT count(*) AS n FROM companies WHERE name = ?").get("A Company Typed Meanwhile"),
    ).toEqual({
      n: 0,
    });
  }, 30_000);
});

describe("the built server while another connection holds the write lock", () => {
  let server: RunningServer;
  beforeAll(async () => {
    buildApp();
    server = await startServer(db.path, { DATABASE_WRITE_WAIT_MS: "800" });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });

  test("a sign-in (its throttle's write) and a review answer a 503 page with Retry-After; then both work", async () => {
    const signIn = { username: "nobody", password: "wrong-password", next: "/" };
    const factId = unreviewed()[3];
    // Opens the server's connections and loads the routes before the lock is taken.
    expect((await post("/login", signIn)).status).toBe(401);
    holdWriteLock();
    const login = await post("/login", signIn);
    const reviewed = await post("/review", { intent: "confirm", factId: String(factId) }, { Cookie: cookie });
    release();
    for (const res of [login, reviewed]) {
      const page = await res.text();
      expect(res.status, /<main[\s\S]*<\/main>/.exec(page)?.[0] ?? page.slice(0, 800)).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("5");
      expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
      expect(page).toContain("Busy: try again in a moment");
      expect(page).toContain("nothing was saved");
    }
    expect(reviewOf(factId)).toBeUndefined();

    expect((await post("/login", signIn)).status).toBe(401);
    const again = await post("/review", { intent: "confirm", factId: String(factId) }, { Cookie: cookie });
    expect(again.status).toBe(303);
    expect(reviewOf(factId)).toEqual({ state: "confirmed", reviewedBy: "ana" });
    expect(server.output()).not.toMatch(/Serving 503 until it is repaired/);
  }, 60_000);
});
