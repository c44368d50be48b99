import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { importFiles } from "../../importers/run/importFiles";
import { tempDb } from "../helpers/tempDb";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const count = (h: ReturnType<typeof tempDb>["handle"], table: string) =>
  (h.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("importing articles into SQLite", () => {
  test("the seeds import once: a second run changes nothing", async () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const first = await importFiles(t.handle, ["seeds"]);
    expect(first.articlesImported).toBe(5);
    expect(first.factsWritten).toBe(8);
    expect(first.errors).toEqual([]);
    const second = await importFiles(t.handle, ["seeds"]);
    expect(second.articlesImported).toBe(0);
    expect(second.articlesUnchanged).toBe(5);
    expect(count(t.handle, "articles")).toBe(5);
    expect(count(t.handle, "facts")).toBe(8);
    const renault = t.handle.sqlite
      .prepare(
        `SELECT f.low, f.unit, f.year FROM facts f JOIN companies c ON c.id = f.company_id
         WHERE c.slug = 'renault' AND f.kind = 'revenue' ORDER BY f.year`,
      )
      .all();
    expect(renault).toEqual([
      { low: 40680000000, unit: "EUR", year: 2007 },
      { low: 37790000000, unit: "EUR", year: 2008 },
    ]);
    expect(count(t.handle, "import_runs")).toBe(2);
  });

  test("a changed file replaces its own facts and nothing else", async () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const folder = join(t.dir, "articles");
    mkdirSync(folder);
    for (const f of readdirSync("seeds").filter((n) => n.endsWith(".txt")))
      copyFileSync(join("seeds", f), join(folder, f));
    await importFiles(t.handle, [folder]);
    const target = join(folder, "002_e51498022814d686.txt");
    writeFileSync(target, "Nissan stake cut\n\nRenault now owns 15% of Nissan after selling shares.\n");
    const report = await importFiles(t.handle, [folder]);
    expect(report.articlesReplaced).toBe(1);
    expect(report.articlesUnchanged).toBe(4);
    expect(count(t.handle, "articles")).toBe(5);
    const stakes = t.handle.sqlite
      .prepare(
        `SELECT a.source_path AS path, f.low FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.kind = 'stake' ORDER BY f.low`,
      )
      .all() as Array<{ path: string; low: number }>;
    expect(stakes.map((s) => s.low)).toEqual([15, 43]);
    expect(stakes[0].path).toBe(target);
  });

  test("bad files are reported one line each and the others still import", async () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const folder = join(t.dir, "mixed");
    mkdirSync(folder);
    writeFileSync(join(folder, "empty.txt"), "");
    writeFileSync(
      join(folder, "image.txt"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    copyFileSync("seeds/002_e51498022814d686.txt", join(folder, "good.txt"));
    const report = await importFiles(t.handle, [folder, join(t.dir, "nope")]);
    expect(report.articlesImported).toBe(1);
    expect(report.errors.map((e) => e.reason).sort()).toEqual([
      "binary file (contains NUL bytes), not text",
      "empty file",
      "no such file or folder",
    ]);
  });
});

describe("npm run import (the command)", () => {
  test("ends with a summary, and exits 1 when a file could not be imported", async () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const folder = join(t.dir, "in");
    mkdirSync(folder);
    copyFileSync("seeds/000_c0781cebfd980f41.txt", join(folder, "good.txt"));
    writeFileSync(join(folder, "empty.txt"), "");
    const run = spawnSync(join("node_modules", ".bin", "tsx"), ["importers/cli/import.ts", folder], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_PATH: join(t.dir, "cli.db") },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Files read: 2; articles imported: 1, replaced: 0, unchanged: 0");
    expect(run.stdout).toContain(
      "Facts written: 6 (revenue 2, revenue_change 2, stake 0, market_share 1, sales_volume 1)",
    );
    expect(run.stdout).toContain(`${join(folder, "empty.txt")}: empty file`);
  });
});

describe("company aliases", () => {
  test("a name learnt in one article resolves the same company in the next", async () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const folder = join(t.dir, "alias");
    mkdirSync(folder);
    writeFileSync(
      join(folder, "a.txt"),
      "Airline results\n\nNorth Atlantic Airways said revenue rose 4% to £2bn in 2004. NAA also said its market share in the UK was 30% in 2004.\n",
    );
    writeFileSync(
      join(folder, "b.txt"),
      "NAA update\n\nNAA, which owns 12% of Corvan Travel, said it would keep the stake.\n",
    );
    await importFiles(t.handle, [folder]);
    const rows = t.handle.sqlite
      .prepare(`SELECT c.name AS company, f.kind FROM facts f JOIN companies c ON c.id = f.company_id ORDER BY f.kind`)
      .all() as Array<{ company: string; kind: string }>;
    expect(rows).toEqual([
      { company: "North Atlantic Airways", kind: "market_share" },
      { company: "North Atlantic Airways", kind: "revenue" },
      { company: "North Atlantic Airways", kind: "revenue_change" },
      { company: "North Atlantic Airways", kind: "stake" },
    ]);
  });
});
