/**
 * A large web upload (/import) is read by the extractor in a worker thread (app/utils/extractPool.server.ts), so the
 * event loop keeps serving while it is read: a timer ticking every few milliseconds is never held up for long
 * compared with what the same extraction blocks for on the main thread (measured here, not a fixed time), and a
 * page asked for while the upload is read is answered before the upload's preview is ready. The reading's progress
 * is on the preview while it lasts.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addUser } from "../../db/users";
import { generateArticle } from "../../importers/bench/corpusGen";
import { extractArticle } from "../../importers/pipeline";
import { seedTemporaryDatabase } from "../app/dbSetup";
import { type Action, type Loader, sessionCookieOf, settle } from "../app/routeCalls";

let cleanup: () => void;
let db: DbHandle;
let cookie: string;
/** About 3 MB: some hundreds of milliseconds of extraction on this machine. */
const LARGE = generateArticle(7, 3 * 1024 * 1024);

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
  db = openDatabase();
  await addUser(db.sql, "ana", "analyst", "analyst-pass-1", "test");
  cookie = await sessionCookieOf(db, "ana");
}, 60_000);
afterAll(async () => {
  const { extractPool } = await import("~/utils/extractPool.server");
  await extractPool.close();
  db?.sqlite.close();
  cleanup?.();
});

async function upload(name: string, text: string, progress: boolean) {
  const { action } = (await import("~/routes/import")) as unknown as { action: Action };
  const body = new FormData();
  body.append("files", new File([text], name, { type: "text/plain" }));
  if (progress) body.append("progress", "1");
  const request = new Request("http://localhost/import", {
    method: "POST",
    headers: { Host: "localhost", Cookie: cookie },
    body,
  });
  return settle(() => action({ request, params: {}, context: {} }));
}

async function preview(id: string) {
  const { loader } = (await import("~/routes/import")) as unknown as { loader: Loader };
  const res = await settle(() =>
    loader({
      request: new Request(`http://localhost/import?preview=${id}`, { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    }),
  );
  return (await res.json()).preview;
}

/** The longest gap between the ticks of a 5 ms timer while `work` runs: how long the event loop was held. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ stall: number; value: T }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  try {
    const value = await work();
    stall = Math.max(stall, performance.now() - last);
    return { stall, value };
  } finally {
    clearInterval(timer);
  }
}

describe("a large web upload", () => {
  test("is read off the event loop: ticks keep coming and another page is answered meanwhile", async () => {
    // A first upload starts the worker (its compilation runs in the worker too) and warms the route; the page
    // asked for below is loaded once before, so its module's first load is not what is measured.
    expect((await upload("warm.txt", generateArticle(3, 20_000), false)).status).toBe(303);
    const { loader: stakes } = await import("~/routes/stakes");
    const stakesPage = () => stakes({ request: new Request("http://localhost/stakes"), params: {}, context: {} });
    expect((await stakesPage()).status).toBe(200);

    const bytes = Buffer.from(LARGE);
    const started = performance.now();
    const onMainThread = extractArticle(bytes, "upload/large.txt");
    const blockingMs = performance.now() - started;
    expect(onMainThread.facts.length).toBeGreaterThan(100);

    let uploadDone = 0;
    let pingDone = 0;
    const { stall, value: res } = await longestStall(async () => {
      const pending = upload("large.txt", LARGE, false).then((r) => {
        uploadDone = performance.now();
        return r;
      });
      // A page asked for while the article is being read (the stakes page reads the database).
      await new Promise((r) => setTimeout(r, 50));
      const ping = await stakesPage();
      pingDone = performance.now();
      expect(ping.status).toBe(200);
      return pending;
    });
    expect(res.status).toBe(303);
    expect(pingDone).toBeGreaterThan(0);
    expect(pingDone).toBeLessThan(uploadDone);
    // The same extraction on the main thread held it for `blockingMs` at a stretch; in the worker the longest
    // stall is a small part of that (receiving the form and the result, building the preview).
    expect(stall).toBeLessThan(blockingMs / 3);

    const id = /preview=([\w-]+)/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
    const shown = await preview(id);
    expect(shown.reading).toBeNull();
    expect(shown.files[0]).toMatchObject({ name: "large.txt", pending: false, error: null });
    // The worker found what the main thread finds; the preview lists the first 500 (importPreview.server.ts).
    expect(shown.files[0].factCount).toBe(onMainThread.facts.length);
    expect(shown.files[0].facts).toHaveLength(500);
    expect(shown.files[0].facts.map((f: { low: number }) => f.low)).toEqual(
      onMainThread.facts.slice(0, 500).map((f) => f.low),
    );
  }, 120_000);

  test("with progress asked for, the action answers at once and the preview says how far the reading is", async () => {
    const res = await upload("large-progress.txt", LARGE, true);
    expect(res.status).toBe(303);
    const id = /preview=([\w-]+)/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
    const first = await preview(id);
    expect(first.reading).toEqual({
      files: 0,
      totalFiles: 1,
      bytes: 0,
      totalBytes: Buffer.byteLength(LARGE),
      // The file, taken up by a reader at once (or waiting for one while another test's file is read).
      perFile: [
        {
          index: 0,
          name: "large-progress.txt",
          bytes: Buffer.byteLength(LARGE),
          state: expect.stringMatching(/^(reading|waiting)$/),
          seconds: expect.toSatisfy((s: number | null) => s === null || s >= 0),
          facts: null,
        },
      ],
    });
    expect(first.files[0]).toMatchObject({ name: "large-progress.txt", pending: true, facts: [] });

    // Saving before the reading ends is refused with a reason, not a 500.
    const { action } = (await import("~/routes/import")) as unknown as { action: Action };
    const early = await settle(() =>
      action({
        request: new Request("http://localhost/import", {
          method: "POST",
          headers: { Host: "localhost", Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams([
            ["intent", "save"],
            ["id", id],
          ]).toString(),
        }),
        params: {},
        context: {},
      }),
    );
    expect(early.status).toBe(409);
    expect((await early.json()).message).toContain("still being read");

    let shown = first;
    const deadline = Date.now() + 60_000;
    while (shown.reading && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      shown = await preview(id);
    }
    expect(shown.reading).toBeNull();
    expect(shown.files[0].pending).toBe(false);
    expect(shown.files[0].facts.length).toBeGreaterThan(100);
  }, 120_000);
});
