import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addUser } from "../../db/users";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, type Loader, sessionCookieOf, settle } from "./routeCalls";

/** The web import below the browser: upload, preview (nothing stored), save with a fact dropped. */
let cleanup: () => void;
let db: DbHandle;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
  db = openDatabase();
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  await addUser(db.sql, "vic", "viewer", "viewer-pass-1", "test");
  for (const name of ["ana", "vic"]) cookies[name] = await sessionCookieOf(db, name);
}, 60_000);
afterAll(async () => {
  db?.sqlite.close();
  cleanup?.();
});

const ARTICLE =
  "Varnholt results\n\nVarnholt Logistics posted revenues of $1.2 billion for 2018 and $1.4 billion in 2019.\n" +
  "The freight firm said it now holds a 12 per cent share of the Nordic parcel market.\n";

async function upload(user: string, body: FormData) {
  const { action } = (await import("~/routes/import")) as unknown as { action: Action };
  const request = new Request("http://localhost/import", {
    method: "POST",
    headers: { Host: "localhost", Cookie: cookies[user] },
    body,
  });
  return settle(() => action({ request, params: {}, context: {} }));
}

async function preview(id: string, user = "ana") {
  const { loader } = (await import("~/routes/import")) as unknown as { loader: Loader };
  const res = await settle(() =>
    loader({
      request: new Request(`http://localhost/import?preview=${id}`, { headers: { Cookie: cookies[user] } }),
      params: {},
      context: {},
    }),
  );
  return { status: res.status, data: await res.json() };
}

describe("importing through the web", () => {
  test("a viewer is refused; an analyst's upload is previewed and nothing is stored yet", async () => {
    const form = new FormData();
    form.append("files", new File([ARTICLE], "varnholt.txt", { type: "text/plain" }));
    expect((await upload("vic", form)).status).toBe(403);

    const articlesBefore = (db.sqlite.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
    const again = new FormData();
    again.append("files", new File([ARTICLE], "varnholt.txt", { type: "text/plain" }));
    again.append("files", new File([], "empty.txt"));
    again.append("files", new File([new Uint8Array([0x50, 0, 0x4b, 0])], "binary.txt"));
    again.append("text", "");
    again.append("published", "2020-02-15");
    const res = await upload("ana", again);
    expect(res.status).toBe(303);
    const id = /preview=([\w-]+)/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
    const { data } = await preview(id);
    const [good, empty, binary] = data.preview.files;
    expect(good.path).toBe("upload/varnholt.txt");
    expect(good.facts.map((f: { low: number }) => f.low)).toEqual(expect.arrayContaining([1.2e9, 1.4e9]));
    // The article as it will be stored, each listed fact's sentence marked (by its index) and its figure apart.
    const text = good.text as { segments: Array<{ text: string; factIds: number[]; figure: boolean }>; length: number };
    const whole = text.segments.map((g) => g.text).join("");
    expect(whole).toContain("Varnholt Logistics posted revenues of $1.2 billion for 2018 and $1.4 billion in 2019.");
    expect(whole).toContain("12 per cent share of the Nordic parcel market");
    expect(text.length).toBe(text.segments.map((g) => g.text).join("").length);
    const marked = text.segments.filter((g) => g.factIds.length);
    expect(marked.filter((g) => g.figure).map((g) => g.text)).toEqual(
      expect.arrayContaining(["$1.2 billion", "$1.4 billion"]),
    );
    expect(marked.map((g) => g.text).join("")).toContain("Varnholt Logistics posted revenues of ");
    expect([empty.text, binary.text]).toEqual([null, null]);
    expect(empty.error).toBe("empty file");
    expect(binary.error).toMatch(/^binary file/);
    expect((db.sqlite.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n).toBe(articlesBefore);
    expect((await preview(id, "vic")).status).toBe(403);
  });

  test("saving stores the article; an unticked fact is stored rejected, so a re-import drops it again", async () => {
    const form = new FormData();
    form.append("files", new File([ARTICLE], "varnholt.txt", { type: "text/plain" }));
    const id = /preview=([\w-]+)/.exec((await upload("ana", form)).headers.get("location") ?? "")?.[1] ?? "";
    const { data } = await preview(id);
    const facts = data.preview.files[0].facts as Array<{ index: number; low: number }>;
    const keep = facts.filter((f) => f.low !== 1.4e9).map((f) => `0:${f.index}`);
    const { action } = (await import("~/routes/import")) as unknown as { action: Action };
    const body = new URLSearchParams([["intent", "save"], ["id", id], ...keep.map((k) => ["keep", k])]);
    const res = await settle(() =>
      action({
        request: new Request("http://localhost/import", {
          method: "POST",
          headers: { Host: "localhost", Cookie: cookies.ana, "Content-Type": "application/x-www-form-urlencoded" },
          body: body.toString(),
        }),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(303);
    const after = await preview(id);
    const outcome = after.data.preview.saved[0];
    expect(outcome).toMatchObject({ status: "imported", dropped: 1, facts: facts.length - 1 });
    const lows = (
      db.sqlite.prepare("SELECT low FROM facts WHERE article_id = ?").all(outcome.articleId) as Array<{ low: number }>
    ).map((r) => r.low);
    expect(lows).toContain(1.2e9);
    expect(lows).not.toContain(1.4e9);
    const audit = db.sqlite.prepare("SELECT action, subject FROM audit_log ORDER BY id DESC LIMIT 2").all() as Array<{
      action: string;
      subject: string;
    }>;
    expect(audit.map((a) => a.action)).toEqual(["article.import", "fact.reject"]);
    expect(audit[0].subject).toBe(`upload/varnholt.txt in article ${outcome.articleId}`);

    // The same file changed a little, uploaded again: it replaces the article, and the dropped figure stays out.
    const changed = new FormData();
    changed.append("files", new File([`${ARTICLE}It did not comment further.\n`], "varnholt.txt"));
    const id2 = /preview=([\w-]+)/.exec((await upload("ana", changed)).headers.get("location") ?? "")?.[1] ?? "";
    const all = (await preview(id2)).data.preview.files[0].facts.map((f: { index: number }) => `0:${f.index}`);
    await settle(() =>
      action({
        request: new Request("http://localhost/import", {
          method: "POST",
          headers: { Host: "localhost", Cookie: cookies.ana, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams([
            ["intent", "save"],
            ["id", id2],
            ...all.map((k: string) => ["keep", k]),
          ]).toString(),
        }),
        params: {},
        context: {},
      }),
    );
    const second = (await preview(id2)).data.preview.saved[0];
    expect(second.status).toBe("replaced");
    const lowsAfter = (
      db.sqlite.prepare("SELECT low FROM facts WHERE article_id = ?").all(second.articleId) as Array<{ low: number }>
    ).map((r) => r.low);
    expect(lowsAfter).not.toContain(1.4e9);
  });

  test("pasted text, a bad date and an empty form", async () => {
    const pasted = new FormData();
    pasted.append("text", ARTICLE.replace("Varnholt", "Ostmark"));
    pasted.append("published", "2020-13-40");
    const badDate = await upload("ana", pasted);
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).message).toContain("a real date");
    const ok = new FormData();
    ok.append("text", ARTICLE.replace(/Varnholt/g, "Ostmark"));
    const res = await upload("ana", ok);
    const id = /preview=([\w-]+)/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
    const file = (await preview(id)).data.preview.files[0];
    expect(file.path).toMatch(/^pasted\/[0-9a-f]{16}\.txt$/);
    expect(file.facts.length).toBeGreaterThan(0);
    const empty = await upload("ana", new FormData());
    expect(empty.status).toBe(400);
    expect((await empty.json()).message).toBe("Choose one or more files, or paste an article's text.");
    expect((await preview("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  test("a file over IMPORT_MAX_BYTES is named with the reason; the others are read", async () => {
    process.env.IMPORT_MAX_BYTES = "300";
    try {
      const form = new FormData();
      form.append("files", new File(["x".repeat(1000)], "big.txt"));
      form.append("files", new File([ARTICLE.slice(0, 250)], "small.txt"));
      const id = /preview=([\w-]+)/.exec((await upload("ana", form)).headers.get("location") ?? "")?.[1] ?? "";
      const [big, small] = (await preview(id)).data.preview.files;
      expect(big.error).toMatch(/over the 0\.0 MB limit \(IMPORT_MAX_BYTES\)/);
      expect(small.error).toBeNull();
    } finally {
      delete process.env.IMPORT_MAX_BYTES;
    }
  });

  test("a fact edited in the preview is stored as a correction, audited, and applied again on re-import", async () => {
    const text = ARTICLE.replace(/Varnholt/g, "Quellbrook");
    const form = new FormData();
    form.append("files", new File([text], "quellbrook.txt"));
    const id = /preview=([\w-]+)/.exec((await upload("ana", form)).headers.get("location") ?? "")?.[1] ?? "";
    const facts = (await preview(id)).data.preview.files[0].facts as Array<Record<string, unknown> & { index: number }>;
    const target = facts.find((f) => f.low === 1.4e9);
    expect(target).toBeDefined();
    // Every fact's fields are sent, as the form sends them; only the one with a changed value is a correction.
    const fields = (values: Record<string, unknown>, i: number): Array<[string, string]> =>
      ["company", "counterparty", "market", "year", "period", "low", "high", "unit", "status"]
        .map((k): [string, string] => [`edit.0.${i}.${k}`, values[k] === null ? "" : String(values[k])])
        .concat(values.approximate ? [[`edit.0.${i}.approximate`, "on"]] : []);
    const save = async (edited: Record<string, unknown>) => {
      const { action } = (await import("~/routes/import")) as unknown as { action: Action };
      const body = new URLSearchParams([
        ["intent", "save"],
        ["id", id],
        ...facts.map((f): [string, string] => ["keep", `0:${f.index}`]),
        ...facts.flatMap((f) => fields(f.index === target?.index ? { ...f, ...edited } : f, f.index)),
      ]);
      return settle(() =>
        action({
          request: new Request("http://localhost/import", {
            method: "POST",
            headers: { Host: "localhost", Cookie: cookies.ana, "Content-Type": "application/x-www-form-urlencoded" },
            body: body.toString(),
          }),
          params: {},
          context: {},
        }),
      );
    };
    // A mistake names the file's fact and the field, and stores nothing.
    const bad = await save({ low: "1.5 bn" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toBe(
      `quellbrook.txt, fact ${(target?.index ?? 0) + 1} (revenue): the field "low": low is a number such as 40.68.`,
    );
    expect(
      db.sqlite.prepare("SELECT 1 FROM articles WHERE source_path = 'upload/quellbrook.txt'").get(),
    ).toBeUndefined();

    expect((await save({ low: 1.45e9, high: 1.45e9 })).status).toBe(303);
    const outcome = (await preview(id)).data.preview.saved[0];
    expect(outcome).toMatchObject({ status: "imported", dropped: 0, corrected: 1, facts: facts.length });
    const stored = () =>
      (
        db.sqlite
          .prepare(
            `SELECT f.low, r.state FROM facts f JOIN articles a ON a.id = f.article_id
             LEFT JOIN fact_reviews r ON r.fact_id = f.id
             WHERE a.source_path = 'upload/quellbrook.txt' AND f.kind = 'revenue' ORDER BY f.low`,
          )
          .all() as Array<{ low: number; state: string | null }>
      ).map((r) => [r.low, r.state]);
    expect(stored()).toEqual([
      [1.2e9, null],
      [1.45e9, "corrected"],
    ]);
    const audit = db.sqlite
      .prepare("SELECT action, before, after FROM audit_log ORDER BY id DESC LIMIT 2")
      .all() as Array<{
      action: string;
      before: string;
      after: string;
    }>;
    expect(audit.map((a) => a.action)).toEqual(["article.import", "fact.correct"]);
    expect([JSON.parse(audit[1].before).low, JSON.parse(audit[1].after).low]).toEqual([1.4e9, 1.45e9]);
    expect(JSON.parse(audit[0].after).corrected).toBe(1);

    // The same file changed a little and uploaded again: the correction holds.
    const again = new FormData();
    again.append("files", new File([`${text}It did not comment further.\n`], "quellbrook.txt"));
    const id2 = /preview=([\w-]+)/.exec((await upload("ana", again)).headers.get("location") ?? "")?.[1] ?? "";
    const all = (await preview(id2)).data.preview.files[0].facts.map((f: { index: number }) => `0:${f.index}`);
    const { action } = (await import("~/routes/import")) as unknown as { action: Action };
    await settle(() =>
      action({
        request: new Request("http://localhost/import", {
          method: "POST",
          headers: { Host: "localhost", Cookie: cookies.ana, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams([
            ["intent", "save"],
            ["id", id2],
            ...all.map((k: string) => ["keep", k]),
          ]).toString(),
        }),
        params: {},
        context: {},
      }),
    );
    expect((await preview(id2)).data.preview.saved[0].status).toBe("replaced");
    expect(stored()).toEqual([
      [1.2e9, null],
      [1.45e9, "corrected"],
    ]);
  });
});
