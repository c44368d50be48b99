import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, type Loader, settle } from "./routeCalls";

/**
 * Users made with the command line, signing in and out through the routes' own loaders and actions, and what
 * protects them: throttling, the origin check, the role check, READ_ACCESS.
 */
let cleanup: () => void;
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");

function userCli(args: string[], stdin = "") {
  return spawnSync(TSX, ["scripts/user.ts", ...args], { input: stdin, encoding: "utf8", env: process.env });
}

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
  for (const [name, role, password] of [
    ["ana", "analyst", "analyst-pass-1"],
    ["vic", "viewer", "viewer-pass-1"],
  ]) {
    execFileSync(TSX, ["scripts/user.ts", "add", name, "--role", role], { input: `${password}\n`, env: process.env });
  }
}, 60_000);
afterAll(() => cleanup?.());

beforeEach(async () => {
  await (await import("~/models/loginThrottle.server")).resetThrottle();
});

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "localhost", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

async function signIn(username: string, password: string, headers: Record<string, string> = {}, address = "10.0.0.1") {
  const { action } = (await import("~/routes/login")) as unknown as { action: Action };
  return settle(() =>
    action({
      request: post("/login", { username, password }, headers),
      params: {},
      context: { clientAddress: address },
    }),
  );
}

const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0];

// Each of these starts the command (a TypeScript process) several times: seconds on a busy machine.
describe("npm run user", { timeout: 30_000 }, () => {
  test("add stores a bcrypt hash, never the password; list shows names and roles", async () => {
    const { getDb } = await import("~/db.server");
    const row = getDb().sqlite.prepare("SELECT password_hash AS h FROM users WHERE name = 'ana'").get() as {
      h: string;
    };
    expect(row.h).toMatch(/^\$2[aby]\$12\$/);
    expect(row.h).not.toContain("analyst-pass-1");
    const list = userCli(["list"]);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/ana\s+analyst/);
    expect(list.stdout).toMatch(/vic\s+viewer/);
  });

  test("mistakes say what is wrong and change nothing", () => {
    const badRole = userCli(["add", "zed", "--role", "boss"], "long-enough-1\n");
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('--role is one of viewer, analyst, admin, not "boss"');
    const short = userCli(["add", "zed", "--role", "viewer"], "short\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("at least 8 characters");
    const none = userCli(["add", "zed", "--role", "viewer"], "");
    expect(none.status).toBe(1);
    expect(userCli(["remove", "nobody"]).stderr).toContain("no user named nobody");
    expect(userCli(["list"]).stdout).not.toContain("zed");
  });

  test("passwd changes the password and ends the sessions signed in with the old one", async () => {
    const res = await signIn("vic", "viewer-pass-1");
    expect(res.status).toBe(303);
    const { currentUser } = await import("~/sessions.server");
    const withCookie = new Request("http://localhost/", { headers: { Cookie: cookieOf(res) } });
    expect((await currentUser(withCookie))?.name).toBe("vic");
    expect(userCli(["passwd", "vic"], "viewer-pass-2\n").status).toBe(0);
    expect(await currentUser(withCookie)).toBeNull();
    expect((await signIn("vic", "viewer-pass-1")).status).toBe(401);
    expect((await signIn("vic", "viewer-pass-2")).status).toBe(303);
  });
});

describe("signing in", () => {
  test("the session cookie is HttpOnly and SameSite=Lax, Secure only over HTTPS; the redirect keeps next", async () => {
    const { action } = (await import("~/routes/login")) as unknown as { action: Action };
    const res = await settle(() =>
      action({
        request: post("/login", { username: "ana", password: "analyst-pass-1", next: "/facts?kind=stake" }),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/facts?kind=stake");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^figures_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const https = await signIn("ana", "analyst-pass-1", { "X-Forwarded-Proto": "https" });
    expect(https.headers.get("set-cookie")).toContain("Secure");
  });

  test("next never leads to another site", async () => {
    const { action } = (await import("~/routes/login")) as unknown as { action: Action };
    for (const next of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const res = await settle(() =>
        action({
          request: post("/login", { username: "ana", password: "analyst-pass-1", next }),
          params: {},
          context: {},
        }),
      );
      expect(res.headers.get("location"), next).toBe("/");
    }
  });

  test("a wrong password is slowed and says so; after five failures even the right one waits", async () => {
    const started = Date.now();
    const first = await signIn("ana", "wrong-password");
    expect(first.status).toBe(401);
    expect((await first.json()).error).toBe("Wrong user name or password.");
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    for (let i = 0; i < 4; i++) expect((await signIn("ana", "wrong-password", {}, `10.0.1.${i}`)).status).toBe(401);
    const locked = await signIn("ana", "analyst-pass-1", {}, "10.9.9.9");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await locked.json()).error).toMatch(/Too many failed sign-ins .* Try again in \d+ s\./);
  }, 30_000);

  test("failures are counted per address across accounts", async () => {
    const { noteFailure } = await import("~/models/loginThrottle.server");
    for (let i = 0; i < 5; i++) await noteFailure(`someone${i}`, "10.7.7.7");
    expect((await signIn("vic", "viewer-pass-2", {}, "10.7.7.7")).status).toBe(429);
    expect((await signIn("vic", "viewer-pass-2", {}, "10.7.7.8")).status).toBe(303);
  });

  test("an unknown user gets the same answer as a wrong password", async () => {
    const res = await signIn("nobody", "whatever-pass");
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("Wrong user name or password.");
  });

  test("a form from another site is refused before anything is checked", async () => {
    const cross = await signIn("ana", "analyst-pass-1", { Origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    expect((await cross.json()).message).toContain("Cross-site request refused");
    const fetchSite = await signIn("ana", "analyst-pass-1", { "Sec-Fetch-Site": "cross-site" });
    expect(fetchSite.status).toBe(403);
  });

  test("sign-out clears the cookie", async () => {
    const { action } = (await import("~/routes/logout")) as unknown as { action: Action };
    const signedIn = await signIn("ana", "analyst-pass-1");
    const res = await action({ request: post("/logout", {}, { Cookie: cookieOf(signedIn) }), params: {}, context: {} });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toMatch(/figures_session=;.*Expires=Thu, 01 Jan 1970/);
  });
});

describe("roles and reading", () => {
  test("requireRole: a viewer and a visitor get a 403 that says what is needed", async () => {
    const { requireRole } = await import("~/sessions.server");
    const viewer = await signIn("vic", "viewer-pass-2");
    const asViewer = new Request("http://localhost/review", { headers: { Cookie: cookieOf(viewer) } });
    const refused = await settle(() => requireRole(asViewer, "analyst", "Reviewing facts") as never);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toBe(
      "Reviewing facts needs the analyst role; you are signed in as vic, a viewer.",
    );
    const visitor = await settle(
      () => requireRole(new Request("http://localhost/"), "analyst", "Reviewing facts") as never,
    );
    expect((await visitor.json()).message).toContain("sign in first");
  });

  test("READ_ACCESS=signed-in sends visitors to sign in and refuses JSON without a session", async () => {
    const root = (await import("~/root")) as unknown as { loader: Loader };
    const api = (await import("~/routes/api.facts")) as unknown as { loader: Loader };
    process.env.READ_ACCESS = "signed-in";
    try {
      const page = await settle(() =>
        root.loader({ request: new Request("http://localhost/stakes?page=2"), params: {}, context: {} }),
      );
      expect(page.status).toBe(302);
      expect(page.headers.get("location")).toBe(`/login?next=${encodeURIComponent("/stakes?page=2")}`);
      const json = await settle(() =>
        api.loader({ request: new Request("http://localhost/api/facts"), params: {}, context: {} }),
      );
      expect(json.status).toBe(401);
      const signedIn = await signIn("ana", "analyst-pass-1");
      const ok = await root.loader({
        request: new Request("http://localhost/", { headers: { Cookie: cookieOf(signedIn) } }),
        params: {},
        context: {},
      });
      expect((await ok.json()).user).toEqual({ name: "ana", role: "analyst" });
    } finally {
      delete process.env.READ_ACCESS;
    }
    const open = await root.loader({ request: new Request("http://localhost/"), params: {}, context: {} });
    expect((await open.json()).user).toBeNull();
  });

  test("READ_ACCESS=signed-in: every route's own loader refuses a visitor, even a data request without the root", async () => {
    const params: Record<string, Record<string, string>> = {
      "companies.$slug": { slug: "renault" },
      "articles.$id": { id: "1" },
      "export.$file": { file: "revenue.csv" },
    };
    const open = new Set(["login", "logout"]);
    const files = readdirSync("app/routes").map((f) => f.replace(/\.tsx?$/, ""));
    expect(files.length).toBeGreaterThan(15);
    process.env.READ_ACCESS = "signed-in";
    try {
      for (const name of files.filter((f) => !open.has(f))) {
        const mod = (await import(`~/routes/${name}`)) as { loader?: Loader };
        if (!mod.loader) continue;
        const loader = mod.loader;
        const query = name === "export.$file" ? "?company=renault" : "";
        const res = await settle(() =>
          loader({ request: new Request(`http://localhost/x${query}`), params: params[name] ?? {}, context: {} }),
        );
        expect([302, 401, 403], name).toContain(res.status);
      }
    } finally {
      delete process.env.READ_ACCESS;
    }
  });
});
