import type Database from "better-sqlite3";

export type Dialect = "sqlite" | "postgres";
export type SqlValue = string | number | boolean | null;

/**
 * What the models read through, on either backend (docs/decisions/019): SQL text with `?` for each argument, and
 * rows with the column names the text gives them (aliases are quoted, `AS "articleId"`, since PostgreSQL folds
 * unquoted names to lower case). Asynchronous because PostgreSQL is; on SQLite each call runs at once.
 */
export interface Sql {
  readonly dialect: Dialect;
  all<T>(text: string, args?: SqlValue[]): Promise<T[]>;
  get<T>(text: string, args?: SqlValue[]): Promise<T | undefined>;
  /** Runs a statement that returns no rows; resolves to the number of rows it changed. */
  run(text: string, args?: SqlValue[]): Promise<number>;
}

/** Prepared statements kept per connection; queries with lists of ids make many texts, so the memory is bounded. */
export const MAX_STATEMENTS = 500;

/** better-sqlite3 binds no booleans: SQLite stores them as 0 and 1. */
const sqliteArgs = (args: SqlValue[]) => args.map((a) => (typeof a === "boolean" ? Number(a) : a));

export function sqliteSql(sqlite: Database.Database): Sql {
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let st = statements.get(text);
    if (!st) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      st = sqlite.prepare(text);
      statements.set(text, st);
    }
    return st;
  };
  return {
    dialect: "sqlite",
    all: async <T>(text: string, args: SqlValue[] = []) => prepare(text).all(...sqliteArgs(args)) as T[],
    get: async <T>(text: string, args: SqlValue[] = []) => prepare(text).get(...sqliteArgs(args)) as T | undefined,
    run: async (text: string, args: SqlValue[] = []) => prepare(text).run(...sqliteArgs(args)).changes,
  };
}
