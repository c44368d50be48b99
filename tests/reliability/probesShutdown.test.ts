import { writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cleanupAll, killGroup, makeTempDir, seededDatabase, sleep } from "./helpers";
import { buildApp, type RunningServer, startServer } from "./serverProcess";

/**
 * /healthz, /readyz and SIGTERM (decision 020) on the built server: a request in flight when the signal comes is
 * answered in full, no new connection is taken, and the process exits 0.
 */
let server: RunningServer | undefined;
let database: string;

beforeAll(async () => {
  buildApp();
  database = await seededDatabase(join(makeTempDir("probes"), "probes.db"));
}, 120_000);
afterAll(async () => {
  await server?.stop();
  cleanupAll();
});

/** Resolves with everything the server sent once it closes the connection. */
function received(socket: Socket): Promise<string> {
  let text = "";
  socket.setEncoding("utf8").on("data", (s: string) => {
    text += s;
  });
  return new Promise((resolve, reject) => {
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
}

describe("health and readiness", () => {
  test("/healthz says the process is alive; /readyz that the database answers, and neither is cached", async () => {
    server = await startServer(database);
    for (const [path, body] of [
      ["/healthz", "ok\n"],
      ["/readyz", "ready\n"],
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect([res.status, await res.text(), res.headers.get("cache-control")]).toEqual([200, body, "no-store"]);
    }
  }, 90_000);

  test("/readyz is 503 with the reason when the database file cannot be read", async () => {
    const path = join(makeTempDir("probes-broken"), "broken.db");
    writeFileSync(path, "this is no database ".repeat(500));
    const broken = await startServer(path);
    try {
      const ready = await fetch(`${broken.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.text()).toMatch(/^not ready: the file is corrupted \(file is not a database\)/);
      const alive = await fetch(`${broken.url}/healthz`);
      expect([alive.status, await alive.text()]).toEqual([200, "ok\n"]);
    } finally {
      await broken.stop();
    }
  }, 90_000);
});

describe("SIGTERM", () => {
  test("finishes the request in flight, refuses new connections, then exits 0", async () => {
    server ??= await startServer(database);
    const port = Number(new URL(server.url).port);
    const closed = new Promise<number | null>((resolve) => server?.child.on("exit", (code) => resolve(code)));
    // A sign-in whose body is still arriving when the signal comes: the request is in flight, its answer not made.
    const body = "username=nobody&password=not-the-password";
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const answer = received(socket);
    socket.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await sleep(300);
    killGroup(server.child, "SIGTERM");
    await sleep(500);
    // Stopped accepting: a new connection is refused while the old one is still being served.
    const refused = await new Promise<string>((resolve) => {
      const probe = connect(port, "127.0.0.1");
      probe.on("connect", () => {
        probe.destroy();
        resolve("connected");
      });
      probe.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    });
    expect(refused).toBe("ECONNREFUSED");
    socket.write(body.slice(10));
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 401 /);
    expect(text).toContain("Wrong user name or password.");
    // `answer` settled: the server closed the connection once the response was sent.
    expect(await closed).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: finishing the requests in flight, then stopping\.\n[\s\S]*Stopped\./);
    server = undefined;
  }, 90_000);
});
