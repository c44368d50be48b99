/** The production server as a child process: started on a free port, waited for, measured and stopped. */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  pinned: boolean;
  /** The server's last lines of output, for error messages. */
  output(): string;
  /** How the server ended, or null while it runs. */
  ended(): string | null;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Resident and peak resident memory in kB from /proc, or null off Linux or once the process is gone; `anon` is
 * the part no file backs (heaps, buffers, the allocator's arenas), `file` the mapped code and files.
 */
export function memoryKb(pid: number): { rss: number; peak: number; anon: number; file: number } | null {
  const file = `/proc/${pid}/status`;
  let status: string;
  try {
    status = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"))?.[1] ?? Number.NaN);
  return { rss: field("VmRSS"), peak: field("VmHWM"), anon: field("RssAnon"), file: field("RssFile") };
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function waitUntilAnswering(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server is not running (exit code ${child.exitCode}):\n${output()}`);
    }
    try {
      // Any status will do: the routes under test may not exist yet, and the home page is not what is measured.
      await (await fetch(baseUrl)).arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server did not answer at ${baseUrl} within 60 s:\n${output()}`);
}

/**
 * Node's flags for the server, as `npm start` passes them (package.json): a young generation of 2 × 32 MB, so that
 * what a large page allocates while it renders dies young instead of being promoted and collected by full
 * collections every few requests (docs/decisions/038). V8 reads it only at start-up, so server.ts cannot set it.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];

/**
 * Runs server.ts under `node --import tsx` rather than the tsx CLI, which would fork a second node: the pid is
 * then the server itself, for its memory and for stopping it. taskset execs in place, so pinning keeps the pid.
 */
export async function startServer(options: {
  cwd: string;
  databasePath: string;
  pin: boolean;
  /** Serve repeated pages from the page cache (production's default); off to measure rendering itself. */
  pageCache?: boolean;
  /** Lets `/_status?gc=1` run a full garbage collection first, to tell memory kept from garbage not yet collected. */
  exposeGc?: boolean;
  /** More environment: DATABASE_URL and SESSION_SECRET to serve from PostgreSQL. */
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = await freePort();
  const command = [
    process.execPath,
    ...SERVER_NODE_FLAGS,
    ...(options.exposeGc ? ["--expose-gc"] : []),
    "--import",
    "tsx",
    "server.ts",
  ];
  const pinned = options.pin && hasTaskset();
  const [file, ...args] = pinned ? ["taskset", "-c", "0", ...command] : command;
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: options.databasePath,
      PORT: String(port),
      PAGE_CACHE: options.pageCache ? "1" : "0",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail = [...tail, ...chunk.toString().split("\n").filter(Boolean)].slice(-40);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("error", (err) => keep(Buffer.from(String(err))));
  const output = () => tail.join("\n");

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    if (!(await exited(child, 5_000))) {
      child.kill("SIGKILL");
      await exited(child, 5_000);
    }
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(baseUrl, child, output);
  } catch (err) {
    await stop();
    throw err;
  }
  const ended = () =>
    child.signalCode
      ? `killed by ${child.signalCode}`
      : child.exitCode !== null
        ? `exited with code ${child.exitCode}`
        : null;
  return { pid: child.pid!, baseUrl, pinned, output, ended, stop };
}
