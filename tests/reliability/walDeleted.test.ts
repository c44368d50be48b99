import { copyFileSync, existsSync, mkdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  cleanupAll,
  describeExit,
  integrityCheck,
  makeTempDir,
  parseSummary,
  seededDatabase,
  startImport,
} from "./helpers";
import { buildApp, startServer } from "./serverProcess";

/**
 * The WAL deleted under a running server (docs/decisions/007): the server drops its connections and reopens the
 * database, so imports committed afterwards work and are kept, and what was committed before the deletion is
 * checkpointed from the deleted file the server still had open. It used to make every later import fail until the
 * server was restarted.
 */
let work: string;
let seeded: string;

const article = (name: string, figure: number) =>
  `${name} results\n\n${name} said its revenue rose 5% to €${figure}bn in 2008, the company said.\n`;

function folderWith(name: string, text: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, `${name}.txt`), text);
  return dir;
}

beforeAll(async () => {
  buildApp();
  work = makeTempDir("wal");
  seeded = await seededDatabase(join(work, "seeded.db"));
}, 120_000);
afterAll(cleanupAll);

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000) {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the WAL deleted under a running server", () => {
  test("the server reopens the database; imports before and after the deletion are kept and served", async () => {
    const path = join(work, "wal.db");
    copyFileSync(seeded, path);
    const server = await startServer(path);
    try {
      expect((await fetch(`${server.url}/`)).status).toBe(200);

      // Committed into the WAL; the server's open connection keeps it from being checkpointed on the import's exit.
      const before = await startImport(path, [folderWith("before", article("Velo Air", 2))], 60_000).done;
      expect(before.code, describeExit(before)).toBe(0);
      expect(parseSummary(before.stdout).imported).toBe(1);
      const velo = await fetch(`${server.url}/companies/velo-air`);
      expect(velo.status).toBe(200);
      expect(await velo.text()).toContain("Velo Air");
      expect(existsSync(`${path}-wal`)).toBe(true);

      unlinkSync(`${path}-wal`);
      await until("the server to notice", () => server.output().includes("its WAL file was deleted or replaced"));
      expect(server.output()).toContain(
        `Database ${path}: its WAL file was deleted or replaced under the server; closed 2 connection(s), reopening on the next request.`,
      );

      const after = await startImport(path, [folderWith("after", article("Kestrel Foods", 3))], 60_000).done;
      expect(after.code, describeExit(after)).toBe(0);
      expect(after.stdout).not.toContain("Import stopped");
      expect(parseSummary(after.stdout)).toMatchObject({ imported: 1, skipped: 0 });

      for (const [slug, name] of [
        ["kestrel-foods", "Kestrel Foods"],
        ["velo-air", "Velo Air"],
        ["renault", "Renault"],
      ]) {
        const res = await fetch(`${server.url}/companies/${slug}`);
        expect(res.status, slug).toBe(200);
        expect(await res.text(), slug).toContain(name);
      }
    } finally {
      await server.stop();
    }
    const db = new Database(path, { readonly: true });
    try {
      expect(integrityCheck(db)).toEqual(["ok"]);
      const names = db.prepare("SELECT name FROM companies WHERE name IN ('Velo Air', 'Kestrel Foods')").all();
      expect(names.map((r) => (r as { name: string }).name).sort()).toEqual(["Kestrel Foods", "Velo Air"]);
    } finally {
      db.close();
    }
  }, 180_000);
});
