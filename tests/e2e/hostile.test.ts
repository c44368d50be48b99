import { describe, expect, inject, test } from "vitest";

/** Values people (or scanners) put in URLs; none may make the server fail. */
const HOSTILE = [
  "' OR 1=1--",
  "1; DROP TABLE facts",
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "\u0000",
  "9".repeat(400),
  "1e309",
  "-1",
  "NaN",
  "Infinity",
  "日本語",
  "😀",
  "x".repeat(10 * 1024),
  "<script>alert(1)</script>",
  "%",
  "[]",
  "__proto__",
  "constructor",
];

const enc = encodeURIComponent;

/** Every route, with every parameter it reads, each filled with the hostile value. */
const ROUTES = (v: string) => [
  `/?x=${enc(v)}`,
  `/companies/${enc(v)}`,
  `/companies/renault?periods=${enc(v)}&market=${enc(v)}`,
  `/compare?companies=${enc(v)}&metric=${enc(v)}&mode=${enc(v)}`,
  `/compare?companies=renault,${enc(v)}`,
  `/compare?companies=renault&periods=${enc(v)}&from=${enc(v)}&to=${enc(v)}`,
  `/companies/renault?from=${enc(v)}&to=${enc(v)}`,
  `/declines?periods=${enc(v)}&year=${enc(v)}`,
  `/stakes?holder=${enc(v)}&held=${enc(v)}&page=${enc(v)}`,
  `/facts?kind=${enc(v)}&company=${enc(v)}&year=${enc(v)}&status=${enc(v)}&sort=${enc(v)}&dir=${enc(v)}&page=${enc(v)}`,
  `/facts?year=${enc(v)}`,
  `/articles/${enc(v)}`,
  `/api/facts?company=${enc(v)}&kind=${enc(v)}&year=${enc(v)}&page=${enc(v)}`,
  `/search?q=${enc(v)}`,
  `/api/companies?q=${enc(v)}`,
  `/api/companies?q=ren&limit=${enc(v)}`,
  `/review?kind=${enc(v)}&company=${enc(v)}&article=${enc(v)}&page=${enc(v)}`,
  `/review?company=${enc(v)}`,
  `/audit?page=${enc(v)}`,
  `/audit.csv?page=${enc(v)}`,
  `/users?page=${enc(v)}`,
  `/login?next=${enc(v)}`,
  `/import?preview=${enc(v)}`,
  `/export/${enc(v)}.png?company=renault`,
  `/export/revenue.png?company=${enc(v)}&scale=${enc(v)}`,
  `/export/revenue.csv?company=renault&unit=${enc(v)}`,
  `/export/compare.svg?companies=${enc(v)}&metric=revenue`,
  `/export/deck.pptx?company=${enc(v)}`,
];

describe("hostile parameters on every route", () => {
  test.each(HOSTILE.map((v) => [v.length > 40 ? `${v.slice(0, 20)}… (${v.length} chars)` : JSON.stringify(v), v]))(
    "%s: a 4xx with a reason or a page, never a 500",
    async (_label, value) => {
      for (const path of ROUTES(value)) {
        const res = await fetch(`${inject("baseURL")}${path}`);
        const body = await res.text();
        expect(res.status, path.slice(0, 120)).toBeLessThan(500);
        // Node itself refuses a request line over 16 KB with a bare 431; everything else explains itself.
        if (res.status === 431) continue;
        expect(body.length, path.slice(0, 120)).toBeGreaterThan(0);
        if (res.status >= 400) expect(body, path.slice(0, 120)).toMatch(/No |Unknown|Invalid|mistake|not found/i);
        // What was asked for is never echoed back as markup.
        expect(body).not.toContain("<script>alert(1)</script>");
      }
    },
  );
});

describe("page cache", () => {
  test("a page is served from memory until an import changes the data, then drawn afresh", async () => {
    const url = `${inject("baseURL")}/companies/ostrel`;
    // The same bytes but for the Content-Security-Policy nonce, fresh in every response.
    const withoutNonce = async (res: Response) => {
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "no nonce";
      return (await res.text()).replaceAll(nonce, "NONCE");
    };
    const first = await fetch(url);
    const firstBody = await withoutNonce(first);
    const second = await fetch(url);
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(await withoutNonce(second)).toBe(firstBody);
    // An import through another connection (as `npm run import` does) changes SQLite's data_version, or on
    // PostgreSQL is announced to the server's listener (decision 020).
    const { openDatabase } = await import("../../db/client");
    const { openPostgres } = await import("../../db/postgres");
    const { importFiles } = await import("../../importers/run/importFiles");
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "figures-cache-"));
    writeFileSync(
      join(dir, "ostrel-2009.txt"),
      "Ostrel results\n\nOstrel Foods said its revenue rose to $3bn in 2009.\n",
    );
    const databaseUrl = inject("databaseUrl");
    if (databaseUrl) {
      const pg = await openPostgres(databaseUrl);
      await importFiles(pg.sql, [dir]);
      await pg.pool.end();
    } else {
      const handle = openDatabase(inject("databasePath"));
      await importFiles(handle, [dir]);
      handle.sqlite.close();
    }
    rmSync(dir, { recursive: true, force: true });
    const third = await fetch(url);
    expect(third.headers.get("x-cache")).toBeNull();
    expect(await third.text()).toContain("2009");
  });
});
