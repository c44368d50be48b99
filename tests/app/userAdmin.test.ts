import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addUser } from "../../db/users";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, type Loader, sessionCookieOf, settle } from "./routeCalls";

/** Admins manage users in the app as the command line does; nobody else may. */
let cleanup: () => void;
let db: DbHandle;
const cookies: Record<string, string> = {};

const cookieFor = (name: string) => sessionCookieOf(db, name);

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
  db = openDatabase();
  await addUser(db.sql, "ada", "admin", "admin-pass-1", "test");
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  for (const name of ["ada", "ana"]) cookies[name] = await cookieFor(name);
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
});

async function change(user: string, fields: Record<string, string>) {
  const { action } = (await import("~/routes/users")) as unknown as { action: Action };
  const request = new Request("http://localhost/users", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "localhost", Cookie: cookies[user] },
    body: new URLSearchParams(fields).toString(),
  });
  return settle(() => action({ request, params: {}, context: {} }));
}

describe("/users", () => {
  test("only admins see the list; it never carries a hash", async () => {
    const { loader } = (await import("~/routes/users")) as unknown as { loader: Loader };
    const asAnalyst = await settle(() =>
      loader({
        request: new Request("http://localhost/users", { headers: { Cookie: cookies.ana } }),
        params: {},
        context: {},
      }),
    );
    expect(asAnalyst.status).toBe(403);
    expect((await asAnalyst.json()).message).toBe(
      "Managing users needs the admin role; you are signed in as ana, an analyst.",
    );
    const res = await loader({
      request: new Request("http://localhost/users", { headers: { Cookie: cookies.ada } }),
      params: {},
      context: {},
    });
    const text = await res.text();
    expect(JSON.parse(text).users.map((u: { name: string }) => u.name)).toEqual(["ada", "ana"]);
    expect(text).not.toContain("$2");
  });

  test("an admin adds, re-roles, re-passwords and removes a user; each change is audited under their name", async () => {
    expect(
      (await change("ana", { intent: "add", name: "zoe", role: "viewer", password: "viewer-pass-1" })).status,
    ).toBe(403);
    const added = await change("ada", { intent: "add", name: "zoe", role: "viewer", password: "viewer-pass-1" });
    expect((await added.json()).ok).toBe("Added zoe (viewer).");
    expect((await (await change("ada", { intent: "role", name: "zoe", role: "analyst" })).json()).ok).toBe(
      "zoe is now analyst.",
    );
    cookies.zoe = await cookieFor("zoe");
    const { currentUser } = await import("~/sessions.server");
    const asZoe = new Request("http://localhost/", { headers: { Cookie: cookies.zoe } });
    expect((await currentUser(asZoe))?.role).toBe("analyst");
    await change("ada", { intent: "passwd", name: "zoe", password: "another-pass-2" });
    expect(await currentUser(asZoe)).toBeNull();
    await change("ada", { intent: "remove", name: "zoe" });
    const trail = db.sqlite
      .prepare("SELECT user_name AS who, action, before, after FROM audit_log WHERE subject = 'user zoe' ORDER BY id")
      .all() as Array<{ who: string; action: string; before: string | null; after: string | null }>;
    expect(trail.map((t) => `${t.who} ${t.action}`)).toEqual([
      "ada user.add",
      "ada user.role",
      "ada user.passwd",
      "ada user.remove",
    ]);
    expect(JSON.stringify(trail)).not.toContain("another-pass-2");
    expect(JSON.stringify(trail)).not.toContain("viewer-pass-1");
  });

  test("mistakes are said on the page; an admin cannot remove or demote themselves", async () => {
    const self = await change("ada", { intent: "remove", name: "ada" });
    expect(self.status).toBe(400);
    expect((await self.json()).error).toContain("You cannot remove yourself");
    expect((await change("ada", { intent: "role", name: "ada", role: "viewer" })).status).toBe(400);
    const short = await change("ada", { intent: "add", name: "bob", role: "viewer", password: "short" });
    expect((await short.json()).error).toBe("Nothing changed: a password has at least 8 characters.");
    const dup = await change("ada", { intent: "add", name: "ana", role: "viewer", password: "long-enough-1" });
    expect((await dup.json()).error).toBe("Nothing changed: a user named ana already exists.");
    expect((await change("ada", { intent: "promote", name: "ana" })).status).toBe(400);
  });
});
