/**
 * The built server (`tsx server.ts`, what `npm start` runs) as a child process on a free port, for tests of what
 * it answers. Built once per test file with `remix build` (two seconds), in production mode as `npm start` is.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { killGroup, REPO } from "./helpers";

export function buildApp(): void {
  execFileSync(join(REPO, "node_modules", ".bin", "remix"), ["build"], {
    cwd: REPO,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the server on `databasePath` and waits until it answers on 127.0.0.1 (any status). */
export async function startServer(databasePath: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  // Node itself with tsx as its loader, not the tsx command: that wrapper relays a signal and, when the server's
  // answer takes over 30 ms on a busy machine, kills it and exits 143 itself, though the server stops cleanly.
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: REPO,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_PATH: databasePath, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (s: string) => {
    output += s;
  });
  child.stderr?.setEncoding("utf8").on("data", (s: string) => {
    output += s;
  });
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    killGroup(child, "SIGTERM");
    await closed;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      await fetch(`${url}/favicon.svg`);
      return { url, child, output: () => output, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`server did not answer at ${url}:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
