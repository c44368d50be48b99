import { request } from "node:http";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cleanupAll, makeTempDir, seededDatabase } from "./helpers";
import { buildApp, type RunningServer, startServer } from "./serverProcess";

/**
 * What the server sends and refuses: a nonce-based Content-Security-Policy whose nonce every inline script
 * carries (fresh on every response, cached pages included), no framing, nosniff, a referrer policy; TRACE is a
 * 405 and a cross-site POST a 403 (both were 500s); OPTIONS and HEAD of an export render nothing; and by default
 * the server listens on 127.0.0.1 only.
 */
let server: RunningServer;

beforeAll(async () => {
  buildApp();
  const dir = makeTempDir("http");
  server = await startServer(await seededDatabase(join(dir, "http.db")), { HOST: "" });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  cleanupAll();
});

/** A raw request (fetch refuses TRACE), with its status, headers and body. */
function raw(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(`${server.url}${path}`, { method, headers }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (s: string) => {
          body += s;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

function nonceOf(policy: string | null): string {
  const m = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{24})'/.exec(policy ?? "");
  if (!m) throw new Error(`no script nonce in ${policy}`);
  return m[1];
}

describe("response headers", () => {
  test("a page's policy is strict, and every inline script carries its nonce, fresh on each response", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/companies/renault`);
      expect(res.status).toBe(200);
      const policy = res.headers.get("content-security-policy");
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      const nonce = nonceOf(policy);
      const html = await res.text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inline.length).toBeGreaterThan(0);
      expect(inline.filter((attrs) => !attrs.includes(`nonce="${nonce}"`))).toEqual([]);
      // The second response comes from the page cache, with the nonce swapped.
      if (i === 1) expect(res.headers.get("x-cache")).toBe("hit");
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("static files and exports get nosniff and the frame ban too", async () => {
    for (const path of ["/favicon.svg", "/export/revenue.csv?company=renault"]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });
});

describe("methods", () => {
  test("TRACE is a 405 that names the allowed methods", async () => {
    for (const path of ["/", "/companies/renault", "/export/revenue.png?company=renault"]) {
      const res = await raw("TRACE", path);
      expect(res.status, path).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD, OPTIONS");
      expect(res.body).toBe("Method TRACE not allowed: this dashboard is read-only (GET, HEAD, OPTIONS).\n");
    }
  });

  test("a POST from another site is a 403 with the reason; from this site a 405", async () => {
    const host = new URL(server.url).host;
    const cross = await raw("POST", "/compare", { Origin: "https://evil.example", "Content-Type": "text/plain" });
    expect(cross.status).toBe(403);
    expect(cross.body).toBe("Cross-site request refused: this dashboard accepts no writes from other sites.\n");
    const nullOrigin = await raw("POST", "/", { Origin: "null" });
    expect(nullOrigin.status).toBe(403);
    const same = await raw("POST", "/", { Origin: `http://${host}` });
    expect(same.status).toBe(405);
  });

  test("OPTIONS and HEAD of an export answer from the URL alone, without running the export", async () => {
    const options = await raw("OPTIONS", "/export/deck.pptx?company=renault");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(options.body).toBe("");
    const head = await raw("HEAD", "/export/deck.pptx?company=renault");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    // The route names the download after the data it read; HEAD never reached it.
    expect(head.headers["content-disposition"]).toBeUndefined();
    expect((await raw("HEAD", "/export/nothing.png")).status).toBe(404);
  });
});

describe("HEAD and OPTIONS of an export check it as GET does, without rendering it", () => {
  const bad = [
    ["/export/revenue.png?company=Renault%20SA", 400],
    ["/export/revenue.png?company=renault&scale=9", 400],
    ["/export/deck.pptx?company=renault&colour=red", 400],
    ["/export/compare.svg?companies=renault&metric=profit", 400],
    ["/export/revenue.png?company=renault&company=nissan", 400],
    ["/export/deck.svg?company=renault", 404],
    ["/export/nothing.png", 404],
  ] as const;

  test.each(bad)("%s: the status, type and length GET answers, and OPTIONS the same body", async (path, status) => {
    const get = await raw("GET", path);
    expect(get.status).toBe(status);
    const message = JSON.parse(get.body).message as string;
    expect(message.length).toBeGreaterThan(10);
    const head = await raw("HEAD", path);
    expect(head.status).toBe(status);
    expect(head.body).toBe("");
    expect(head.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(get.body)));
    const options = await raw("OPTIONS", path);
    expect(options.status).toBe(status);
    expect(options.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(options.body).toBe(get.body);
  });

  test("the messages name the parameter", async () => {
    const said = async (path: string) => JSON.parse((await raw("OPTIONS", path)).body).message;
    expect(await said("/export/revenue.png?company=renault&scale=9")).toBe(
      'Invalid parameter "scale": scale is from 1 to 4.',
    );
    expect(await said("/export/deck.pptx?company=renault&colour=red")).toMatch(/^Unknown parameter "colour"\./);
    expect(await said("/export/revenue.png?company=renault&company=nissan")).toBe(
      'The parameter "company" is given more than once.',
    );
  });

  test("good parameters: HEAD is the export's type and OPTIONS a 204, and neither renders", async () => {
    const head = await raw("HEAD", "/export/deck.pptx?company=renault&scale=3");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    expect(head.headers["content-disposition"]).toBeUndefined();
    const options = await raw("OPTIONS", "/export/revenue.png?company=renault");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(options.body).toBe("");
  });
});

describe("listening", () => {
  test("HOST unset: the server says it listens on 127.0.0.1, and another interface's address is refused", async () => {
    expect(server.output()).toContain(`Financial figures dashboard on http://127.0.0.1:${new URL(server.url).port}`);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal);
    if (!external) return;
    const port = new URL(server.url).port;
    await expect(fetch(`http://${external.address}:${port}/`)).rejects.toThrow();
  });
});
