import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerBuild } from "@remix-run/node";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DatabaseHealth } from "~/utils/databaseHealth.server";
import { guardLoaders, unavailableReason } from "~/utils/loaderFaults.server";
import { databaseFault } from "../../db/faults";
import { cleanupAll, makeTempDir, seededDatabase } from "./helpers";
import { buildApp, startServer } from "./serverProcess";

/**
 * A database fault that appears while the server runs (the file damaged, locked, full, read-only): a 503 page with
 * a one-line reason and Retry-After, never Remix's bare 500; the server keeps running and serves again once the
 * fault is gone.
 */
let work: string;
let seeded: string;

beforeAll(async () => {
  work = makeTempDir("runtime-faults");
  seeded = await seededDatabase(join(work, "seeded.db"));
});
afterAll(cleanupAll);

/** An error as better-sqlite3 throws it: a message and SQLite's extended code. */
const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

function fakeBuild(loader: () => unknown): ServerBuild {
  return { routes: { "routes/x": { id: "routes/x", path: "x", module: { loader } } } } as unknown as ServerBuild;
}

async function thrownBy(build: ServerBuild): Promise<unknown> {
  const loader = build.routes["routes/x"].module.loader!;
  return Promise.resolve(loader({ request: new Request("http://localhost/x"), params: {}, context: {} })).then(
    () => "resolved",
    (err: unknown) => err,
  );
}

describe("every loader is guarded", () => {
  const faultOf = (err: unknown) => databaseFault(err, "/data/figures.db");

  test.each([
    ["SQLITE_FULL", "database or disk is full", "the disk is full; free some space and run the import again"],
    [
      "SQLITE_READONLY",
      "attempt to write a readonly database",
      "read-only (file or folder permissions, or a read-only disk); nothing could be written",
    ],
    ["SQLITE_BUSY", "database is locked", "locked by another process for more than 10 s; try again when it is done"],
    [
      "SQLITE_CORRUPT",
      "database disk image is malformed",
      "the file is corrupted (database disk image is malformed); restore it from a backup, or move it away to start afresh",
    ],
    [
      "SQLITE_CANTOPEN",
      "unable to open database file",
      "cannot be opened (unable to open database file); check that the file and its folder are readable and writable",
    ],
  ])("%s becomes a 503 with Retry-After and the reason, without the file's path", async (code, message, reason) => {
    const thrown = await thrownBy(
      guardLoaders(
        fakeBuild(() => {
          throw sqliteError(code, message);
        }),
        faultOf,
      ),
    );
    expect(thrown).toBeInstanceOf(Response);
    const res = thrown as Response;
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("10");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toEqual({ databaseUnavailable: reason });
    expect(JSON.stringify(body)).not.toContain("/data/figures.db");
    expect(unavailableReason({ root: { status: 503, data: body } })).toBe(reason);
  });

  test("actions, which write, are guarded too", async () => {
    const build = guardLoaders(
      {
        routes: {
          "routes/x": {
            id: "routes/x",
            path: "x",
            module: {
              action: () => {
                throw sqliteError("SQLITE_FULL", "database or disk is full");
              },
            },
          },
        },
      } as unknown as ServerBuild,
      faultOf,
    );
    const action = build.routes["routes/x"].module.action!;
    const thrown = await Promise.resolve(
      action({ request: new Request("http://localhost/x", { method: "POST" }), params: {}, context: {} }),
    ).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(503);
    expect(await (thrown as Response).json()).toEqual({
      databaseUnavailable: "the disk is full; free some space and run the import again",
    });
  });

  test("a lock past the busy timeout is that request's 503; the server does not turn every page away for it", () => {
    const health = new DatabaseHealth("/data/figures.db", null);
    const passed: string[] = [];
    const pass = (name: string) => () => passed.push(name);
    expect(health.faultOf(sqliteError("SQLITE_BUSY", "database is locked"))?.reason).toMatch(/^locked by another/);
    health.middleware()({} as never, {} as never, pass("after a lock"));
    expect(health.faultOf(sqliteError("SQLITE_CORRUPT", "database disk image is malformed"))).not.toBeNull();
    const sent: unknown[] = [];
    const res = {
      status: (code: number) => sent.push(code),
      setHeader: () => {},
      type: () => ({ send: (body: string) => sent.push(body) }),
    };
    health.middleware()({} as never, res as never, pass("after damage"));
    expect(passed).toEqual(["after a lock"]);
    expect(sent[0]).toBe(503);
    expect(sent[1]).toContain("the file is corrupted (database disk image is malformed)");
  });

  test("other errors, and responses a loader throws on purpose, pass through untouched", async () => {
    const bug = new TypeError("x is undefined");
    expect(
      await thrownBy(
        guardLoaders(
          fakeBuild(() => {
            throw bug;
          }),
          faultOf,
        ),
      ),
    ).toBe(bug);
    const notFound = new Response("{}", { status: 404 });
    expect(
      await thrownBy(
        guardLoaders(
          fakeBuild(() => {
            throw notFound;
          }),
          faultOf,
        ),
      ),
    ).toBe(notFound);
    expect(unavailableReason({ root: { status: 503, data: { message: "busy" } } })).toBeNull();
  });
});

describe("the server when its file is damaged while it runs", () => {
  beforeAll(buildApp, 120_000);

  test("answers the 503 page (pages, data requests and exports), keeps running, and serves again once repaired", async () => {
    const path = join(work, "damaged-later.db");
    copyFileSync(seeded, path);
    const server = await startServer(path);
    try {
      const warm = await fetch(`${server.url}/companies/renault`);
      expect(warm.status).toBe(200);
      expect(await warm.text()).toContain("Renault");

      // A commit by another process makes the server drop its page cache; then every page of the main file but
      // the first (the schema, whose new version is in the WAL anyway) is overwritten.
      const writer = new Database(path);
      writer.exec("CREATE TABLE probe (x)");
      const pageSize = writer.pragma("page_size", { simple: true }) as number;
      writer.close();
      const good = readFileSync(path);
      const bad = Buffer.from(good);
      bad.fill(0xff, pageSize);
      writeFileSync(path, bad);

      const reason =
        /The dashboard cannot read its database: the file is corrupted \(database disk image is malformed\); restore it from a backup, or move it away to start afresh\./;
      const page = await fetch(`${server.url}/companies/renault`);
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("10");
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain("<h1>Database unavailable</h1>");
      expect(html).toMatch(reason);
      expect(html).not.toContain(path);
      expect(html).not.toMatch(/\n\s+at /);

      // Later requests get the same page at once, whatever they ask for, until the file is checked again.
      for (const route of [
        "/",
        "/facts?sort=value",
        "/companies/renault?_data=routes%2Fcompanies.%24slug",
        "/export/revenue.csv?company=renault",
      ]) {
        const res = await fetch(server.url + route);
        expect(res.status, route).toBe(503);
        expect(res.headers.get("retry-after"), route).toBe("10");
        expect(await res.text(), route).toMatch(reason);
      }
      expect(server.output()).toContain(
        `database ${path}: the file is corrupted (database disk image is malformed); restore it from a backup, or move it away to start afresh. Serving 503 until it is repaired.`,
      );
      expect(server.output()).not.toMatch(/\n\s+at /);

      // Repaired: within the next check (ten seconds) the server reopens the file and serves again.
      writeFileSync(path, good);
      let res: Response | undefined;
      for (const deadline = Date.now() + 25_000; Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 1000));
        res = await fetch(`${server.url}/companies/renault`);
        if (res.status !== 503) break;
      }
      expect(res?.status).toBe(200);
      expect(await res?.text()).toContain("Renault");
      expect(server.output()).toContain(`Database ${path} is readable again.`);
      expect(server.child.exitCode).toBeNull();
    } finally {
      await server.stop();
    }
  }, 120_000);
});
