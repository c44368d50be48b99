import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  articleProblems,
  cleanupAll,
  count,
  describeExit,
  expectedArticles,
  type ImportExit,
  integrityCheck,
  makeTempDir,
  parseSummary,
  seededDatabase,
  startImport,
  writeArticles,
} from "./helpers";
import { buildApp, startServer } from "./serverProcess";

/**
 * The database failing under an import or the server: read-only, full, locked, damaged. Each is one line that says
 * what is wrong, a non-zero exit (3), the summary of what was committed before the fault, and a file holding only
 * whole articles. The server checks the file on start and answers a 503 page that says why.
 */
const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const NEW_ARTICLE = "Velo Air results\n\nVelo Air said its revenue rose 5% to €2bn in 2008, the company said.\n";

let work: string;
let seeded: string;
let newFolder: string;
const mounts: string[] = [];

beforeAll(async () => {
  work = makeTempDir("faults");
  chmodSync(work, 0o777);
  // A database holding the seeds, checkpointed into the main file by close().
  seeded = await seededDatabase(join(work, "seeded.db"));
  newFolder = join(work, "new");
  mkdirSync(newFolder);
  writeFileSync(join(newFolder, "velo.txt"), NEW_ARTICLE);
  chmodSync(newFolder, 0o755);
});

afterAll(() => {
  for (const m of mounts) execFileSync("umount", [m]);
  cleanupAll();
});

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const faultLine = (run: ImportExit) => run.stdout.split("\n").filter((l) => l.startsWith("Import stopped"));

function copyOf(name: string, mode = 0o644): string {
  const path = join(work, name);
  copyFileSync(seeded, path);
  chmodSync(path, mode);
  return path;
}

function expectNoStack(run: ImportExit) {
  expect(run.timedOut, describeExit(run)).toBe(false);
  expect(run.stderr, describeExit(run)).not.toMatch(/\n\s+at |SqliteError/);
  expect(run.code, describeExit(run)).toBe(3);
}

describe("an import whose database fails", () => {
  test("read-only file: one line, exit 3, a summary of nothing stored, the file untouched", async () => {
    const path = copyOf("readonly.db", 0o444);
    const before = sha(path);
    const run = await startImport(path, [newFolder], 60_000, asNobody).done;
    expectNoStack(run);
    expect(parseSummary(run.stdout)).toMatchObject({ imported: 0, factsWritten: 0 });
    expect(faultLine(run)).toEqual([
      `Import stopped: database ${path}: read-only (file or folder permissions, or a read-only disk); nothing could be written (1 files listed were not stored)`,
    ]);
    expect(sha(path)).toBe(before);
  }, 90_000);

  test("locked by another process: one line naming the wait, exit 3, nothing stored", async () => {
    const path = copyOf("locked.db");
    const holder = new Database(path);
    holder.pragma("journal_mode = WAL");
    holder.exec("BEGIN EXCLUSIVE");
    try {
      // Half a second of waiting for the lock instead of ten.
      const run = await startImport(path, [newFolder], 60_000, { env: { DATABASE_BUSY_MS: "500" } }).done;
      expectNoStack(run);
      expect(parseSummary(run.stdout)).toMatchObject({ imported: 0, factsWritten: 0 });
      expect(faultLine(run)).toHaveLength(1);
      expect(faultLine(run)[0]).toMatch(
        new RegExp(
          `^Import stopped: database ${path}: locked by another process for more than 0.5 s; try again when it is done( \\(1 files listed were not stored\\))?$`,
        ),
      );
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  }, 90_000);

  test("damaged pages: quick_check refuses the file before anything is written", async () => {
    const path = copyOf("damaged.db");
    const db = new Database(path);
    const { root } = db.prepare("SELECT rootpage AS root FROM sqlite_master WHERE name = 'facts'").get() as {
      root: number;
    };
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    db.close();
    // The first cell pointer of the facts table's page (after its 8-byte leaf header) points past the page's end.
    const bytes = readFileSync(path);
    bytes.fill(0xff, (root - 1) * pageSize + 8, (root - 1) * pageSize + 10);
    writeFileSync(path, bytes);
    const before = sha(path);
    const run = await startImport(path, [newFolder], 60_000).done;
    expectNoStack(run);
    expect(parseSummary(run.stdout)).toMatchObject({ filesRead: 0, imported: 0 });
    expect(faultLine(run)).toHaveLength(1);
    expect(faultLine(run)[0]).toMatch(
      new RegExp(
        `^Import stopped: database ${path}: the file is corrupted \\(quick_check: .+\\); restore it from a backup, or move it away to start afresh$`,
      ),
    );
    expect(sha(path)).toBe(before);
  }, 90_000);

  test("not a database at all: one line, exit 3, the file untouched", async () => {
    const path = join(work, "garbage.db");
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    const run = await startImport(path, [newFolder], 60_000).done;
    expectNoStack(run);
    expect(faultLine(run)).toEqual([
      `Import stopped: database ${path}: the file is corrupted (file is not a database); restore it from a backup, or move it away to start afresh`,
    ]);
    expect(readFileSync(path).length).toBe(8192);
  }, 90_000);
});

describe("an import that fills the disk", () => {
  // A 1 MB tmpfs needs root (mount); elsewhere the test is skipped.
  const canMount = process.getuid?.() === 0 && existsSync("/proc/filesystems");
  test.skipIf(!canMount)(
    "stops at the fault with what was committed, and every stored article is whole",
    async () => {
      const disk = join(work, "disk");
      mkdirSync(disk);
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]);
      mounts.push(disk);
      const folder = join(work, "many");
      mkdirSync(folder);
      const paths = writeArticles(folder, 600, { seed: 5 });
      const path = join(disk, "full.db");
      const run = await startImport(path, [folder], 60_000).done;
      expectNoStack(run);
      const summary = parseSummary(run.stdout);
      expect(summary.imported).toBeGreaterThan(0);
      expect(summary.imported).toBeLessThan(600);
      // The job queue's file sits beside the database on the same disk (docs/decisions/023): whichever of the two
      // filled it is named.
      const jobsPath = join(disk, "full.jobs.db");
      expect(
        [path, jobsPath].map(
          (p) =>
            `Import stopped: database ${p}: the disk is full; free some space and run the import again (${600 - summary.imported} files listed were not stored)`,
        ),
      ).toContain(faultLine(run)[0]);
      expect(faultLine(run)).toHaveLength(1);
      // Read on a roomy disk: the main file and its WAL, recovered on open.
      const copy = join(work, "full-copy.db");
      copyFileSync(path, copy);
      if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
      const db = new Database(copy);
      try {
        expect(integrityCheck(db)).toEqual(["ok"]);
        expect(count(db, "articles")).toBe(summary.imported);
        expect(count(db, "facts")).toBe(summary.factsWritten);
        expect(articleProblems(db, expectedArticles(paths))).toEqual([]);
      } finally {
        db.close();
      }
    },
    120_000,
  );
});

describe("the server on a damaged database", () => {
  beforeAll(buildApp, 120_000);

  test("starts, says why in one log line, and answers every page with a 503 that names the fault", async () => {
    const path = join(work, "server-garbage.db");
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    const server = await startServer(path);
    try {
      for (const route of ["/", "/companies/renault", "/export/revenue.png?company=renault"]) {
        const res = await fetch(server.url + route);
        expect(res.status, route).toBe(503);
        expect(res.headers.get("retry-after")).toBe("10");
        expect(res.headers.get("content-type")).toMatch(/^text\/html/);
        const body = await res.text();
        expect(body).toContain("<h1>Database unavailable</h1>");
        expect(body).toContain(
          "The dashboard cannot read its database: the file is corrupted (file is not a database); restore it from a backup, or move it away to start afresh.",
        );
        expect(body).not.toContain(path);
      }
      expect(server.output()).toContain(
        `database ${path}: the file is corrupted (file is not a database); restore it from a backup, or move it away to start afresh. Serving 503 until it is repaired.`,
      );
      expect(server.output()).not.toMatch(/\n\s+at /);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
