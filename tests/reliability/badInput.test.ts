import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { type ImportReport, importFiles } from "../../importers/run/importFiles";

/**
 * A folder of everything analysts feed the importer, built here byte by byte: each bad file gets a one-line
 * reason, every other file imports, and impossible figures are reported and never stored.
 */
const ARTICLE = "Corvan Foods said its revenue rose 5% to €2bn in 2008.";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

function files(): Record<string, Buffer> {
  return {
    "empty.txt": Buffer.alloc(0),
    "image.txt": Buffer.concat([PNG, Buffer.alloc(2000, 7)]),
    "invalid-utf8.txt": Buffer.concat([
      Buffer.from("Corvan Foods results\n\nBad bytes "),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from(` here. ${ARTICLE}\n`),
    ]),
    "utf16.txt": Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`Corvan Foods results\n\n${ARTICLE}\n`, "utf16le"),
    ]),
    "cp1252.txt": iconv.encode(`Corvan Foods results\n\n${ARTICLE}\n`, "win1252"),
    "crlf.txt": Buffer.from(`Corvan Foods results\r\n\r\n${ARTICLE}\r\n`),
    "cr.txt": Buffer.from(`Corvan Foods results\r\r${ARTICLE}\r`),
    "big.txt": Buffer.alloc(50 * 1024 * 1024, "Corvan Foods sold cars. "),
    "one-line.txt": Buffer.from(`${"Filler words without figures. ".repeat(70_000)}${ARTICLE}`),
    "page.html": Buffer.from(
      `<!doctype html><html><head><title>Corvan Foods results</title><style>p{color:red}</style></head><body><nav>Home</nav><article><h1>Corvan Foods results</h1><p>${ARTICLE}</p></article></body></html>`,
    ),
    "script.txt": Buffer.from(
      `Corvan Foods results <script>alert(1)</script>\n\n${ARTICLE} <img src=x onerror=alert(2)>\n`,
    ),
    "absurd.txt": Buffer.from(
      "Ostrel deal\n\nOstrel now owns a 150% stake in Velo, the firm said. Velo said its revenue rose to $1,000,000,000,000,000bn in 2008. Velo said sales fell NaN% in 2008 and it sold -5,000 cars in 2008.\n",
    ),
  };
}

let dir: string;
let folder: string;
let handle: DbHandle;
let report: ImportReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "figures-bad-input-"));
  folder = join(dir, "inbox");
  mkdirSync(folder);
  for (const [name, bytes] of Object.entries(files())) writeFileSync(join(folder, name), bytes);
  handle = openDatabase(join(dir, "bad.db"));
  report = await importFiles(handle, [folder], { maxBytes: 20 * 1024 * 1024 });
}, 120_000);

afterAll(async () => {
  handle?.sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

const factsOf = (name: string) =>
  handle.sqlite
    .prepare(
      `SELECT f.kind, c.name AS company, f.low, f.unit FROM facts f JOIN articles a ON a.id = f.article_id
       JOIN companies c ON c.id = f.company_id WHERE a.source_path = ? ORDER BY f.kind`,
    )
    .all(join(folder, name));

describe("a folder of bad input", () => {
  test("the bad files each get one clear line, and only they are skipped", async () => {
    const reasons = Object.fromEntries(report.errors.map((e) => [e.path.replace(`${folder}/`, ""), e.reason]));
    expect(reasons).toEqual({
      "empty.txt": "empty file",
      "image.txt": "binary file (contains NUL bytes), not text",
      "big.txt": "file is 50.0 MB, over the 20.0 MB limit (IMPORT_MAX_BYTES)",
    });
    for (const e of report.errors) expect(e.reason).not.toMatch(/\n/);
    expect(report.articlesImported).toBe(Object.keys(files()).length - 3);
  });

  test.each([
    "invalid-utf8.txt",
    "utf16.txt",
    "cp1252.txt",
    "crlf.txt",
    "cr.txt",
    "one-line.txt",
    "page.html",
    "script.txt",
  ])("%s imports with its revenue and its change", (name) => {
    expect(factsOf(name)).toEqual([
      { kind: "revenue", company: "Corvan Foods", low: 2000000000, unit: "EUR" },
      { kind: "revenue_change", company: "Corvan Foods", low: 5, unit: "percent" },
    ]);
  });

  test("markup is kept as text to be shown as text, and the page's own code is gone", async () => {
    const text = (name: string) =>
      (
        handle.sqlite
          .prepare("SELECT cleaned_text AS t FROM articles WHERE source_path = ?")
          .get(join(folder, name)) as {
          t: string;
        }
      ).t;
    expect(text("script.txt")).toContain("<img src=x onerror=alert(2)>");
    expect(text("page.html")).not.toMatch(/<style|color:red|<p>/);
  });

  test("impossible figures are rejected with a reason and never stored", async () => {
    expect(factsOf("absurd.txt")).toEqual([]);
    const rejected = report.figuresRejected.filter((r) => r.path.endsWith("absurd.txt")).map((r) => r.reason);
    expect(rejected.sort()).toEqual([
      "a revenue of 1.00e+24 USD is beyond any company's",
      "a sales volume must be above zero",
      "a stake of 150 % is over 100 %",
    ]);
  });

  test("the import command prints the reasons and exits non-zero when any file failed", async () => {
    const run = spawnSync("npx", ["tsx", "importers/cli/import.ts", folder], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_PATH: join(dir, "cli.db"), IMPORT_MAX_BYTES: String(20 * 1024 * 1024) },
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${join(folder, "empty.txt")}: empty file`);
    expect(run.stdout).toContain(
      `${join(folder, "big.txt")}: file is 50.0 MB, over the 20.0 MB limit (IMPORT_MAX_BYTES)`,
    );
    expect(run.stdout).toContain("Figures rejected as impossible, not stored: 3");
    expect(run.stdout).toMatch(/Files read: 11; articles imported: 9,/);
  }, 150_000);
});
