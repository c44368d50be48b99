/**
 * No part of a web upload (/import) holds the event loop in proportion to the file (issue 11): the form is taken
 * apart, the article read and later stored in extraction workers, and the preview lists a bounded number of facts.
 * The same upload at two sizes, 1 MB and 16 MB, each through every step an analyst takes (send the form, open the
 * preview, save it with every fact kept): the longest stall of a timer ticking every 2 ms must grow far less than
 * the file (16 times): work done on the event loop grows with the file. Sizes are compared in one run, never
 * absolute times, so a loaded machine slows both alike.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addUser } from "../../db/users";
import { generateArticle } from "../../importers/bench/corpusGen";
import { seedTemporaryDatabase } from "../app/dbSetup";
import { type Action, type Loader, sessionCookieOf, settle } from "../app/routeCalls";
import { longestStall } from "./eventLoopStall";

let cleanup: () => void;
let db: DbHandle;
let cookie: string;

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

const BOUNDARY = "----upload-event-loop-test";

/** A multipart form holding one file, encoded before the clock starts (a browser does that part). */
function multipart(name: string, text: string): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    Buffer.from(text, "utf8"),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

/** The body as a socket delivers it: 64 KB at a time, each in a turn of its own. */
function arriving(body: Buffer): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((next) => setImmediate(next));
      if (at >= body.length) return controller.close();
      controller.enqueue(new Uint8Array(body.subarray(at, at + 65_536)));
      at += 65_536;
    },
  });
}

/** Sends the file, opens its preview and saves it, keeping every fact listed; the longest stall of all three. */
async function uploadAndSave(name: string, text: string) {
  const { action, loader } = (await import("~/routes/import")) as unknown as { action: Action; loader: Loader };
  const body = multipart(name, text);
  return longestStall(async () => {
    const sent = await settle(() =>
      action({
        request: new Request("http://localhost/import", {
          method: "POST",
          headers: { Host: "localhost", Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
          body: arriving(body),
          duplex: "half",
        } as RequestInit),
        params: {},
        context: {},
      }),
    );
    expect(sent.status).toBe(303);
    const id = /preview=([\w-]+)/.exec(sent.headers.get("location") ?? "")?.[1] ?? "";
    const shown = await settle(() =>
      loader({
        request: new Request(`http://localhost/import?preview=${id}`, { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      }),
    );
    const { preview } = await shown.json();
    const file = preview.files[0];
    const saved = await settle(() =>
      action({
        request: new Request("http://localhost/import", {
          method: "POST",
          headers: { Host: "localhost", Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams([
            ["intent", "save"],
            ["id", id],
            ...file.facts.map((f: { index: number }): [string, string] => ["keep", `0:${f.index}`]),
          ]).toString(),
        }),
        params: {},
        context: {},
      }),
    );
    expect(saved.status).toBe(303);
    return { id, file };
  });
}

describe("a web upload, 1 MB against 16 MB", () => {
  test("holds the event loop no longer for the larger file than a small multiple of the smaller's", async () => {
    // The workers start (and compile) on the first upload, and the route modules load: not what is measured.
    await uploadAndSave("warm.txt", generateArticle(3, 50_000));
    const small = await uploadAndSave("small.txt", generateArticle(5, 1024 * 1024));
    const large = await uploadAndSave("large.txt", generateArticle(7, 16 * 1024 * 1024));

    // Both were read and stored whole: the preview counts every fact, lists the first few hundred, and the
    // database holds every fact of the large article.
    expect(large.value.file.factCount).toBeGreaterThan(20_000);
    expect(large.value.file.facts).toHaveLength(500);
    const stored = db.sqlite
      .prepare("SELECT count(*) AS n FROM facts f JOIN articles a ON a.id = f.article_id WHERE a.source_path = ?")
      .get("upload/large.txt") as { n: number };
    expect(stored.n).toBe(large.value.file.factCount);

    const f = (n: number) => n.toFixed(0);
    console.info(
      `longest busy event loop: 1 MB ${f(small.busy)} ms, 16 MB ${f(large.busy)} ms (${(large.busy / small.busy).toFixed(1)}x); longest gap between ticks ${f(small.gap)} and ${f(large.gap)} ms`,
    );
    // A floor under the small upload's figure: a few milliseconds of noise (a garbage collection) must not make
    // the ratio. Work on the event loop growing with the file would give about 16.
    expect(large.busy).toBeLessThan(4 * Math.max(small.busy, 25));
  }, 300_000);
});
