import { afterEach, describe, expect, test } from "vitest";
import { defaultDatabasePath } from "../../db/client";
import { chosenDatabaseName } from "../../db/open";
import { numberedPlaceholders, postgresUrl } from "../../db/postgres";

/** How the backend is chosen (docs/decisions/019), and the one rewrite PostgreSQL needs of every query. */
const saved = { url: process.env.DATABASE_URL, path: process.env.DATABASE_PATH };
afterEach(() => {
  for (const [key, value] of [
    ["DATABASE_URL", saved.url],
    ["DATABASE_PATH", saved.path],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("choosing the backend", () => {
  test("no DATABASE_URL: SQLite at DATABASE_PATH, as before", () => {
    delete process.env.DATABASE_URL;
    process.env.DATABASE_PATH = "/tmp/some/figures.db";
    expect(postgresUrl()).toBeUndefined();
    expect(defaultDatabasePath()).toBe("/tmp/some/figures.db");
  });

  test("a postgres:// or postgresql:// URL is PostgreSQL; anything else is refused, naming DATABASE_PATH", () => {
    expect(postgresUrl({ DATABASE_URL: "postgres://u@h:5432/db" })).toBe("postgres://u@h:5432/db");
    expect(postgresUrl({ DATABASE_URL: "postgresql://u@h/db" })).toBe("postgresql://u@h/db");
    expect(() => postgresUrl({ DATABASE_URL: "sqlite:data/figures.db" })).toThrow(
      "DATABASE_URL must be a postgres:// URL (SQLite is chosen by DATABASE_PATH), not sqlite:data/figures.db",
    );
  });

  test("with DATABASE_URL set, the commands name PostgreSQL (its password hidden), unless --db names a file", () => {
    process.env.DATABASE_URL = "postgres://u:secret@h:5432/db";
    process.env.DATABASE_PATH = "/tmp/some/figures.db";
    expect(chosenDatabaseName()).toBe("postgres://u:***@h:5432/db");
    expect(chosenDatabaseName("/tmp/other.db")).toBe("/tmp/other.db");
    delete process.env.DATABASE_URL;
    expect(chosenDatabaseName()).toBe("/tmp/some/figures.db");
  });
});

describe("placeholders for PostgreSQL", () => {
  test("each ? is numbered in order; a ? inside quotes is text", () => {
    expect(numberedPlaceholders(`SELECT '?', "a?b", x FROM t WHERE a = ? AND b IN (?, ?) AND c = 'it''s ?'`)).toBe(
      `SELECT '?', "a?b", x FROM t WHERE a = $1 AND b IN ($2, $3) AND c = 'it''s ?'`,
    );
    expect(numberedPlaceholders("SELECT 1")).toBe("SELECT 1");
  });
});
