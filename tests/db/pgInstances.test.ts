import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPostgres, type PgHandle } from "../../db/postgres";
import { addUser } from "../../db/users";
import { createTestDatabase } from "../helpers/pgDb";
import { buildApp, type RunningServer, startServer } from "../reliability/serverProcess";

/**
 * Two app instances on one PostgreSQL database (decision 020): both start at once (one migrates and seeds, the
 * other finds it done), a write made through one process is seen by the other's caches within a second, a session
 * made on one is valid on the other, and each stops cleanly on SIGTERM. Run in the vitest project "postgres".
 */
let url: string;
let drop: () => Promise<void>;
let db: PgHandle;
let dir: string;
let a: RunningServer;
let b: RunningServer;
const SECRET = "a-secret-both-instances-share-0123456789";
const ROUTE = "routes%2Fcompanies.%24slug";
const NEW_FIGURE = "41230000000";

beforeAll(async () => {
  buildApp();
  ({ url, drop } = await createTestDatabase());
  dir = mkdtempSync(join(tmpdir(), "figures-instances-"));
  const env = { DATABASE_URL: url, SESSION_SECRET: SECRET, DATABASE_PATH: join(dir, "never-used.db") };
  [a, b] = await Promise.all([startServer("", env), startServer("", env)]);
  db = await openPostgres(url);
}, 180_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await db?.pool.end();
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

/** Renault's company data as instance `s` serves it, and whether its page cache served it. */
async function renault(s: RunningServer, cookie?: string): Promise<{ text: string; cache: string | null }> {
  const res = await fetch(`${s.url}/companies/renault?_data=${ROUTE}`, cookie ? { headers: { Cookie: cookie } } : {});
  return { text: await res.text(), cache: res.headers.get("x-cache") };
}

/** Milliseconds until `check` holds on instance `s`, polled every 20 ms, or Infinity after three seconds. */
async function msUntil(check: () => Promise<boolean>): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < 3000) {
    if (await check()) return performance.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Number.POSITIVE_INFINITY;
}

describe("two instances on one PostgreSQL", () => {
  test("started together, they migrate once and store each seed article once", async () => {
    const seeds = await db.sql.all<{ n: number }>("SELECT count(*) AS n FROM articles GROUP BY sha256");
    expect(seeds).toHaveLength(5);
    expect(seeds.every((s) => s.n === 1)).toBe(true);
    for (const s of [a, b]) {
      const ready = await fetch(`${s.url}/readyz`);
      expect([ready.status, await ready.text()]).toEqual([200, "ready\n"]);
    }
  });

  test("an import committed by another process shows on both within a second, cached pages dropped", async () => {
    // Warm both page caches: the second read of each is a hit, and holds no 2009 revenue yet.
    for (const s of [a, b]) {
      await renault(s);
      const warm = await renault(s);
      expect(warm.cache).toBe("hit");
      expect(warm.text).not.toContain(NEW_FIGURE);
    }
    const file = join(dir, "renault-2009.txt");
    writeFileSync(
      file,
      "Renault revenue\nDate: 2010-02-11\n\nRenault said its revenue was 41.23 billion euros in 2009.\n",
    );
    const imported = spawnSync("npx", ["tsx", "importers/cli/import.ts", file], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url },
      timeout: 60_000,
    });
    expect(imported.stdout).toContain("articles imported: 1");
    const seen = await Promise.all(
      [a, b].map((s) => msUntil(async () => (await renault(s)).text.includes(NEW_FIGURE))),
    );
    console.log(`new fact seen after the import command exited: ${seen.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}`);
    for (const ms of seen) expect(ms).toBeLessThan(1000);
  }, 90_000);

  test("a review posted to one instance shows on the other within a second; its session is valid there", async () => {
    await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
    const login = await fetch(`${a.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "username=ana&password=analyst-pass-1",
    });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const fact = await db.sql.get<{ id: number }>("SELECT id FROM facts WHERE low = ?", [Number(NEW_FIGURE)]);
    expect(fact).toBeDefined();
    // Warm B's cache again (anonymous readers share it), with the fact about to be rejected in it.
    await renault(b);
    const warm = await renault(b);
    expect(warm.cache).toBe("hit");
    expect(warm.text).toContain(NEW_FIGURE);
    const rejected = await fetch(`${a.url}/review`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: `intent=reject&factId=${fact?.id}&back=/review`,
    });
    expect([rejected.status, rejected.headers.get("location")]).toEqual([303, "/review"]);
    const ms = await msUntil(async () => !(await renault(b)).text.includes(NEW_FIGURE));
    console.log(`rejection posted to one instance seen by the other after ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
    const audit = await fetch(`${b.url}/audit`, { headers: { Cookie: cookie } });
    expect(audit.status).toBe(200);
    expect(await audit.text()).toContain("fact.reject");
  }, 60_000);

  test("failed sign-ins are counted across instances: five split between them lock the account on both", async () => {
    const signIn = (s: RunningServer, password: string) =>
      fetch(`${s.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: `username=ana&password=${password}`,
      });
    // Three to one instance and two to the other: counted per process, neither would have reached five.
    const statuses: number[] = [];
    for (const s of [a, b, a, b, a]) statuses.push((await signIn(s, "wrong-password")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (const s of [b, a]) {
      const locked = await signIn(s, "analyst-pass-1");
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(20);
      expect(await locked.text()).toMatch(/Too many failed sign-ins .* Try again in \d+ s\./);
    }
  }, 60_000);

  test("SIGTERM stops an instance with exit code 0 while the other goes on serving", async () => {
    const exited = new Promise<number | null>((resolve) => b.child.on("exit", (code) => resolve(code)));
    await b.stop();
    expect(await exited).toBe(0);
    expect(b.output()).toContain("Stopped.");
    const still = await fetch(`${a.url}/readyz`);
    expect([still.status, await still.text()]).toEqual([200, "ready\n"]);
  }, 30_000);
});
