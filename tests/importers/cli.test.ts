import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { GOLD_FIELDS } from "../../importers/eval/score";

const tsx = join("node_modules", ".bin", "tsx");

describe("npm run extract -- --json (the contract)", () => {
  test("prints one JSON document with the contract's fields and nothing else on stdout", () => {
    const out = execFileSync(
      tsx,
      ["importers/cli/extract.ts", "--json", "seeds/000_c0781cebfd980f41.txt", "seeds/001_027ae69c3d8632c6.txt"],
      {
        encoding: "utf8",
      },
    );
    const doc = JSON.parse(out) as {
      articles: Array<Record<string, unknown> & { facts: Array<Record<string, unknown>> }>;
    };
    expect(doc.articles.map((a) => a.path)).toEqual([
      "seeds/000_c0781cebfd980f41.txt",
      "seeds/001_027ae69c3d8632c6.txt",
    ]);
    expect(doc.articles[0].publishedYear).toBe(2009);
    expect(doc.articles[1].facts).toEqual([]);
    // The contract: the fields gold holds, and where the quote is.
    const fields = [...GOLD_FIELDS, "quote", "start", "end"];
    for (const fact of doc.articles[0].facts) for (const f of fields) expect(fact).toHaveProperty(f);
    const nineMonths = doc.articles[0].facts.find((f) => f.period === "9M");
    expect(nineMonths).toMatchObject({
      kind: "revenue_change",
      company: "Renault",
      year: 2009,
      low: -20,
      high: -20,
      comparedTo: { year: 2008, period: "9M" },
    });
  });

  test("--published wins over the year inferred from the body", () => {
    const dir = mkdtempSync(join(tmpdir(), "figures-cli-"));
    try {
      const file = join(dir, "a.txt");
      writeFileSync(file, "Pellworth results\n\nPellworth Retail said its revenue rose 6% to £2.1bn last year.\n");
      const out = execFileSync(tsx, ["importers/cli/extract.ts", "--json", "--published", "2012-03-01", file], {
        encoding: "utf8",
      });
      const article = JSON.parse(out).articles[0];
      expect(article.publishedYear).toBe(2012);
      expect(article.facts.map((f: { year: number }) => f.year)).toEqual([2011, 2011]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a bad option or a missing file is a clear message on stderr and a non-zero exit", () => {
    const bad = spawnSync(tsx, ["importers/cli/extract.ts", "--json", "--published", "soon", "seeds"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--published wants a date like 2009-11-20, got "soon"');
    expect(bad.stdout).toBe("");
    const missing = spawnSync(tsx, ["importers/cli/extract.ts", "--json", "no/such/file.txt"], { encoding: "utf8" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no/such/file.txt: no such file or folder");
    expect(JSON.parse(missing.stdout)).toEqual({ articles: [] });
  });
});

describe("npm run extract -- --explain", () => {
  test("prints each fact with the rule that made it, its figure and its quote", () => {
    const dir = mkdtempSync(join(tmpdir(), "explain-"));
    try {
      const file = join(dir, "table.txt");
      // A table row claimed by the table rule; a headline in capitals gives the company.
      writeFileSync(file, "Date: 2 March 1987\n\nHALDEN TOOL INC <HTL> 4TH QTR NET\n\nRevs 15.4 mln vs 12.1 mln\n");
      const out = execFileSync(tsx, ["importers/cli/extract.ts", "--explain", file], { encoding: "utf8" });
      expect(out).toContain("revenue Halden Tool 1986/Q4 15400000 USD actual");
      expect(out).toContain('rule   table.revenue-row   figure "15.4 mln"');
      expect(out).toContain("revenue Halden Tool 1985/Q4 12100000 USD actual");
      expect(out).toContain("quote  Revs 15.4 mln vs 12.1 mln");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
