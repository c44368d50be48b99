import { appendFileSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { formatReport, importFiles } from "../../importers/run/importFiles";
import { cleanupAll, makeTempDir } from "./helpers";

/** One file is one article however it is named, and it holds only what its current bytes say. */
const REVENUE = (name: string, amount: number) =>
  `${name} results\n\n${name} said its revenue rose 5% to €${amount}bn in 2008, the company said on Monday.\n`;
const STAKE = "Ostrel stake\n\nOstrel Motors now owns 12% of Velo Air, the company said on Monday.\n";

const handles: DbHandle[] = [];
afterAll(async () => {
  for (const h of handles) h.sqlite.close();
  cleanupAll();
});

function setup(prefix: string) {
  const dir = realpathSync(makeTempDir(prefix));
  mkdirSync(join(dir, "in"));
  const handle = openDatabase(join(dir, "paths.db"));
  handles.push(handle);
  const rows = () =>
    handle.sqlite
      .prepare(
        `SELECT a.source_path AS path, f.kind, f.low FROM articles a LEFT JOIN facts f ON f.article_id = a.id
         ORDER BY a.source_path, f.kind, f.low`,
      )
      .all();
  return { dir, handle, rows };
}

describe("paths are stored resolved", () => {
  test("in/a.txt, ./in/../in/a.txt and a link to it are one article; a change through any name replaces it", async () => {
    const { dir, handle, rows } = setup("realpath");
    const file = join(dir, "in", "a.txt");
    writeFileSync(file, REVENUE("Corvan Foods", 2));
    symlinkSync(file, join(dir, "link.txt"));
    const first = await importFiles(handle, [file]);
    expect(first.articlesImported).toBe(1);

    writeFileSync(file, REVENUE("Corvan Foods", 3));
    // Spelt by hand: path.join would normalise the dots away.
    const second = await importFiles(handle, [`${dir}/./in/../in/a.txt`, join(dir, "link.txt")]);
    expect(second).toMatchObject({ filesRead: 1, articlesImported: 0, articlesReplaced: 1, errors: [] });
    expect(rows()).toEqual([
      { path: file, kind: "revenue", low: 3e9 },
      { path: file, kind: "revenue_change", low: 5 },
    ]);
  });

  test("a file whose bytes become another stored article's drops its old facts", async () => {
    const { dir, handle, rows } = setup("copy");
    const a = join(dir, "in", "a.txt");
    const b = join(dir, "in", "b.txt");
    writeFileSync(a, REVENUE("Corvan Foods", 2));
    writeFileSync(b, STAKE);
    await importFiles(handle, [join(dir, "in")]);
    expect(rows()).toContainEqual({ path: b, kind: "stake", low: 12 });

    writeFileSync(b, REVENUE("Corvan Foods", 2));
    const report = await importFiles(handle, [join(dir, "in")]);
    expect(report).toMatchObject({ articlesUnchanged: 1, articlesDropped: 1, articlesReplaced: 0, errors: [] });
    expect(formatReport(report)).toContain(
      "Files read: 2; articles imported: 0, replaced: 0, unchanged: 1, dropped as copies of another article: 1",
    );
    expect(rows()).toEqual([
      { path: a, kind: "revenue", low: 2e9 },
      { path: a, kind: "revenue_change", low: 5 },
    ]);
  });
});

describe("the size limit applies to the bytes read", () => {
  test("a file that grows past IMPORT_MAX_BYTES after the folder is listed is refused", async () => {
    const { dir, handle, rows } = setup("grow");
    const first = join(dir, "in", "1-first.txt");
    const second = join(dir, "in", "2-grows.txt");
    writeFileSync(first, REVENUE("Corvan Foods", 2));
    writeFileSync(second, REVENUE("Ostrel Motors", 4));
    const report = await importFiles(handle, [join(dir, "in")], {
      maxBytes: 1024 * 1024,
      // Called before each file is read, after the listing: the second file grows to 1.5 MB meanwhile.
      onProgress: (done) => {
        if (done === 0) appendFileSync(second, Buffer.alloc(1536 * 1024, "Filler words without figures. "));
      },
    });
    expect(report.errors).toEqual([
      { path: second, reason: "file is 1.5 MB, over the 1.0 MB limit (IMPORT_MAX_BYTES)" },
    ]);
    expect(report.articlesImported).toBe(1);
    expect(new Set(rows().map((r) => (r as { path: string }).path))).toEqual(new Set([first]));
  });
});

describe("file names in the summary", () => {
  test("newlines and escape codes in a name are printed escaped, one line per file", async () => {
    const { dir, handle } = setup("names");
    const evil = "evil\nFiles skipped: 0\n  \x1b[2K\x1b[32mall good\u202e.txt";
    writeFileSync(join(dir, "in", evil), Buffer.alloc(0));
    writeFileSync(join(dir, "in", "good.txt"), REVENUE("Corvan Foods", 2));
    const summary = formatReport(await importFiles(handle, [join(dir, "in")]));
    expect(summary).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202e]/);
    const lines = summary.split("\n");
    expect(lines.filter((l) => l.startsWith("Files skipped"))).toEqual(["Files skipped: 1"]);
    expect(lines.filter((l) => l.startsWith("  "))).toEqual([
      `  ${dir}/in/evil\\nFiles skipped: 0\\n  \\x1b[2K\\x1b[32mall good\\u202e.txt: empty file`,
    ]);
  });
});
