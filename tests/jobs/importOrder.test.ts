import { spawnSync } from "node:child_process";
import { mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { generateArticle } from "../../importers/bench/corpusGen";
import { cleanupAll, makeTempDir, REPO } from "../reliability/helpers";

afterAll(cleanupAll);

/**
 * Two threads finish files out of order (a long file beside short ones), but the import stores articles in the
 * order the files were listed, as the one-thread import did: article ids, and so every order by id the pages use
 * (the review queue's ties, "recent articles"), do not depend on threads.
 */
test.each([
  ["two threads", "2"],
  ["no thread (--workers 0)", "0"],
])(
  "articles are stored in the order the files are listed, whichever thread finishes first: %s",
  (_, workers) => {
    const dir = makeTempDir("order");
    const folder = join(dir, "in");
    mkdirSync(folder);
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      const name = `f${String(i).padStart(2, "0")}.txt`;
      // Every fourth article is some 60 times longer than the others.
      writeFileSync(join(folder, name), generateArticle(5000 + i, i % 4 === 0 ? 60_000 : 900, 9));
      names.push(name);
    }
    const run = spawnSync(
      join(REPO, "node_modules/.bin/tsx"),
      ["importers/cli/import.ts", "--workers", workers, folder],
      {
        cwd: REPO,
        env: { ...process.env, DATABASE_PATH: join(dir, "figures.db") },
        encoding: "utf8",
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Files read: 40; articles imported: 40");
    const db = new Database(join(dir, "figures.db"), { readonly: true });
    try {
      const stored = (
        db.prepare("SELECT source_path AS p FROM articles ORDER BY id").all() as Array<{ p: string }>
      ).map((r) => r.p);
      expect(stored).toEqual(names.map((n) => join(realpathSync(folder), n)));
    } finally {
      db.close();
    }
  },
  60_000,
);
