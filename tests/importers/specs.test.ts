import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { extractArticle } from "../../importers/pipeline";
import { FACT_KINDS, type Fact, type FactKind } from "../../importers/types";

/**
 * One spec file per fact kind, `tests/specs/<kind>.json`: short invented articles (a title line, a blank line, a few
 * sentences; optionally a `Date:` line first) and the facts each must yield through the whole pipeline. A case
 * lives in the file of its first expected fact's kind; a negative case (`expected: []`) in the file of the kind it
 * could be mistaken for. Only the fields a case's expected facts list are compared (the union of their keys, a fact
 * missing one must not have it either), and the facts come out as exactly that set, in any order. Cases marked
 * `knownFailure` run with `test.fails`, so they error once the pipeline gets them right and the mark must then be
 * removed.
 */
interface SpecCase {
  name: string;
  input: string;
  /** Publication date, YYYY-MM-DD: its year is passed as the user's `--published` year. */
  published?: string;
  expected: Array<Partial<Fact>>;
  knownFailure?: string;
  note?: string;
}

const CASE_KEYS = new Set(["name", "input", "published", "expected", "knownFailure", "note"]);
/** The fields shown for a fact that should not exist, so that a failure says what came out. */
const BRIEF: Array<keyof Fact> = ["kind", "company", "low", "high", "unit", "year", "period"];

const specs = FACT_KINDS.map((kind) => ({
  kind,
  file: `tests/specs/${kind}.json`,
  cases: JSON.parse(readFileSync(`tests/specs/${kind}.json`, "utf8")) as SpecCase[],
}));

function check(c: SpecCase): void {
  const publishedYear = c.published ? Number(c.published.slice(0, 4)) : undefined;
  const facts = extractArticle(Buffer.from(c.input), "spec.txt", { publishedYear }).facts;
  const listed = [...new Set(c.expected.flatMap((e) => Object.keys(e)))] as Array<keyof Fact>;
  const keys = listed.length ? listed : BRIEF;
  const pick = (f: Partial<Fact>) => Object.fromEntries(keys.map((k) => [k, f[k] ?? null]));
  // Extractors run kind by kind, so the order of facts says nothing: compare them sorted.
  const sorted = (list: Array<Partial<Fact>>) => list.map((x) => JSON.stringify(pick(x))).sort();
  expect(sorted(facts)).toEqual(sorted(c.expected));
}

function wellFormed(kind: FactKind, cases: unknown): void {
  expect(Array.isArray(cases)).toBe(true);
  const names = new Set<string>();
  for (const [i, c] of (cases as SpecCase[]).entries()) {
    const where = `case ${i} (${c?.name ?? "unnamed"})`;
    expect(typeof c.name === "string" && c.name.trim() !== "", `${where}: a name`).toBe(true);
    expect(typeof c.input === "string" && c.input.trim() !== "", `${where}: an input`).toBe(true);
    expect(Array.isArray(c.expected), `${where}: an expected array`).toBe(true);
    expect(names.has(c.name), `${where}: a name used once in the file`).toBe(false);
    names.add(c.name);
    expect(
      Object.keys(c).filter((k) => !CASE_KEYS.has(k)),
      `${where}: known keys only`,
    ).toEqual([]);
    if (c.published !== undefined) expect(c.published, `${where}: published`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (c.knownFailure !== undefined) expect(typeof c.knownFailure, `${where}: knownFailure`).toBe("string");
    for (const f of c.expected) expect(FACT_KINDS, `${where}: every fact has a kind`).toContain(f.kind);
    if (c.expected.length) expect(c.expected[0].kind, `${where}: filed under its first fact's kind`).toBe(kind);
  }
}

for (const { kind, file, cases } of specs) {
  describe(`${kind} specs (${file})`, () => {
    test("every case has a name, an input and an expected array; names are unique", () => wellFormed(kind, cases));
    const passing = cases.filter((c) => !c.knownFailure);
    const known = cases.filter((c) => c.knownFailure);
    if (passing.length) test.each(passing)("$name", check);
    if (known.length) test.fails.each(known)("$name (known failure: $knownFailure)", check);
  });
}
