import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../helpers/pgDb";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databasePath: string;
    /** The PostgreSQL database the server runs on, or "" for SQLite at databasePath. */
    databaseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer at ${url}:\n${log()}`);
}

/**
 * Builds the app and serves it on a free port over a fresh database of seeds/ and the dashboard fixtures: a SQLite
 * file, or with TEST_DATABASE_URL set a PostgreSQL database of its own on that server (decision 020), dropped after.
 */
export default async function setup(project: TestProject) {
  // Vitest sets NODE_ENV=test, which would make a development build that production React cannot render.
  execFileSync("npx", ["remix", "build"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  const dir = mkdtempSync(join(tmpdir(), "figures-e2e-"));
  const port = await freePort();
  const databasePath = join(dir, "e2e.db");
  const postgres = process.env.TEST_DATABASE_URL ? await createTestDatabase() : null;
  const backend: Record<string, string> = postgres
    ? { DATABASE_URL: postgres.url, SESSION_SECRET: randomBytes(32).toString("hex") }
    : {};
  // The seeds plus invented fixtures: a second company's revenue for /compare, an article with markup in it, stakes,
  // two companies' declines (one with a year missing) for /declines, and quarterly changes for the home chart.
  execFileSync(
    "npx",
    [
      "tsx",
      "importers/cli/import.ts",
      "seeds",
      "tests/fixtures/dashboard",
      "tests/fixtures/stakes",
      "tests/fixtures/declines",
      "tests/fixtures/quarters",
    ],
    {
      stdio: "ignore",
      env: { ...process.env, DATABASE_PATH: databasePath, ...backend },
    },
  );
  let output = "";
  const child = spawn("npx", ["tsx", "server.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_PATH: databasePath, NODE_ENV: "production", ...backend },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitFor(baseURL, child, () => output);
  } catch (err) {
    stop();
    throw err;
  }
  project.provide("baseURL", baseURL);
  project.provide("databasePath", databasePath);
  project.provide("databaseUrl", postgres?.url ?? "");
  return async () => {
    stop();
    // What the server logged (a fault, a request that failed), for a failure that is not the browser's.
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/e2e-server.log", output);
    rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  };
}
