import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { cleanupAll, describeExit, makeTempDir, parseSummary, startImport } from "./helpers";

/**
 * A folder walk meets everything a shared drive holds: a link back to its parent, a link to itself, a link whose
 * target is gone, a folder it may not read, a FIFO and a socket with article names. Each is one line of the
 * summary; the good files import; nothing hangs (a FIFO opened for reading waits for ever for a writer).
 */
const ARTICLE = (name: string) =>
  `${name} results\n\n${name} said its revenue rose 5% to €2bn in 2008, the company said on Monday.\n`;

// Root reads any folder whatever its mode, so the import runs as nobody when the tests run as root.
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
  // The locked folder must be removable again.
  cleanupAll();
});

function listen(path: string): Promise<void> {
  return new Promise((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(path, () => resolve());
  });
}

/** A temporary folder the import (maybe running as nobody) can write its database into. */
function workDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  chmodSync(dir, 0o777);
  return dir;
}

const facts = (dbPath: string) => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT a.source_path AS path, count(f.id) AS n FROM articles a LEFT JOIN facts f ON f.article_id = a.id GROUP BY a.id ORDER BY a.source_path",
      )
      .all();
  } finally {
    db.close();
  }
};

describe("a folder walk that meets links, locked folders and special files", () => {
  test("skips each bad entry with one line and imports the good files", async () => {
    const dir = workDir("walk");
    const inbox = join(dir, "in");
    mkdirSync(join(inbox, "sub"), { recursive: true });
    mkdirSync(join(inbox, "locked"));
    writeFileSync(join(inbox, "good.txt"), ARTICLE("Corvan Foods"));
    writeFileSync(join(inbox, "sub", "also.txt"), ARTICLE("Ostrel Motors"));
    writeFileSync(join(inbox, "locked", "hidden.txt"), ARTICLE("Velo Air"));
    chmodSync(join(inbox, "locked"), 0o000);
    symlinkSync("..", join(inbox, "sub", "back"));
    symlinkSync("self.txt", join(inbox, "self.txt"));
    symlinkSync("nowhere.txt", join(inbox, "dangling.txt"));
    execFileSync("mkfifo", [join(inbox, "pipe.txt")]);
    await listen(join(inbox, "sock.txt"));
    for (const p of [inbox, join(inbox, "sub")]) chmodSync(p, 0o777);

    const dbPath = join(dir, "walk.db");
    const run = await startImport(dbPath, [inbox], 60_000, asUser).done;
    expect(run.timedOut, describeExit(run)).toBe(false);
    expect(run.code, describeExit(run)).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const summary = parseSummary(run.stdout);
    expect(summary).toMatchObject({ filesRead: 2, imported: 2, skipped: 6 });
    const lines = run.stdout.split("\n").filter((l) => l.startsWith("  "));
    expect(lines.sort()).toEqual(
      [
        `  ${inbox}/dangling.txt: dangling symbolic link: its target does not exist`,
        `  ${inbox}/locked: cannot read folder: permission denied`,
        `  ${inbox}/pipe.txt: a FIFO (named pipe), not a regular file: not opened`,
        `  ${inbox}/self.txt: symbolic link loop: the link never reaches a file`,
        `  ${inbox}/sock.txt: a socket, not a regular file: not opened`,
        `  ${inbox}/sub/back: symbolic link loop: leads back to ${realpathSync(inbox)}`,
      ].sort(),
    );
    expect(facts(dbPath)).toEqual([
      { path: join(realpathSync(inbox), "good.txt"), n: 2 },
      { path: join(realpathSync(inbox), "sub", "also.txt"), n: 2 },
    ]);
    chmodSync(join(inbox, "locked"), 0o755);
  }, 90_000);

  test("a FIFO named on the command line is refused without being opened, and the other file imports", async () => {
    const dir = workDir("fifo");
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    writeFileSync(join(dir, "good.txt"), ARTICLE("Corvan Foods"));
    const dbPath = join(dir, "fifo.db");
    const run = await startImport(dbPath, [fifo, join(dir, "good.txt")], 60_000).done;
    expect(run.timedOut, describeExit(run)).toBe(false);
    expect(run.code, describeExit(run)).toBe(1);
    expect(parseSummary(run.stdout)).toMatchObject({ filesRead: 1, imported: 1, skipped: 1 });
    expect(run.stdout).toContain(`\n  ${fifo}: a FIFO (named pipe), not a regular file: not opened\n`);
  }, 90_000);
});
