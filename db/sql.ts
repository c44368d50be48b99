import type Database from "better-sqlite3";
import { retryWhileLocked, writeDeadline } from "./writeWait";

export type Dialect = "sqlite" | "postgres";
export type SqlValue = string | number | boolean | null;

/**
 * What the models read and write through, on either backend (docs/decisions/019, 020): SQL text with `?` for each
 * argument, and rows with the column names the text gives them (aliases are quoted, `AS "articleId"`, since
 * PostgreSQL folds unquoted names to lower case). Asynchronous because PostgreSQL is; on SQLite each call runs at
 * once.
 */
export interface Sql {
  readonly dialect: Dialect;
  all<T>(text: string, args?: SqlValue[]): Promise<T[]>;
  get<T>(text: string, args?: SqlValue[]): Promise<T | undefined>;
  /** Runs a statement that returns no rows; resolves to the number of rows it changed. */
  run(text: string, args?: SqlValue[]): Promise<number>;
  /**
   * Runs `fn` in one write transaction, committed when it resolves and rolled back when it throws. Write
   * transactions run one at a time on a database, whichever process or instance starts them (SQLite's write lock,
   * PostgreSQL's advisory lock: decision 020). Inside a transaction it is a savepoint: `fn` goes in whole or not
   * at all, and the outer transaction goes on.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * The connection, for what a process may remember of the rows it wrote (the importer's aliases, db/store.ts);
   * null where nothing may be remembered, because other instances change the same rows unseen (PostgreSQL).
   */
  readonly memoKey: object | null;
}

/** Prepared statements kept per connection; queries with lists of ids make many texts, so the memory is bounded. */
export const MAX_STATEMENTS = 500;

/** better-sqlite3 binds no booleans: SQLite stores them as 0 and 1. */
const sqliteArgs = (args: SqlValue[]) => args.map((a) => (typeof a === "boolean" ? Number(a) : a));

/**
 * Transactions waiting for a SQLite connection, per connection: a transaction's statements are awaited, so
 * another request's transaction could otherwise interleave its statements into the open one.
 */
const queues = new WeakMap<Database.Database, Promise<unknown>>();

export interface SqliteSqlOptions {
  /**
   * The server's connections (decision 040): a transaction takes the write lock without SQLite's busy timeout,
   * which would sleep on the event loop, and waits for it on timers until DATABASE_WRITE_WAIT_MS (db/writeWait.ts).
   */
  writesWaitOnTimers?: boolean;
}

export function sqliteSql(sqlite: Database.Database, options: SqliteSqlOptions = {}): Sql {
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
  let savepoints = 0;
  const base = {
    dialect: "sqlite" as const,
    all: async <T>(text: string, args: SqlValue[] = []) => prepare(text).all(...sqliteArgs(args)) as T[],
    get: async <T>(text: string, args: SqlValue[] = []) => prepare(text).get(...sqliteArgs(args)) as T | undefined,
    run: async (text: string, args: SqlValue[] = []) => prepare(text).run(...sqliteArgs(args)).changes,
  };
  const transaction = <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => {
    if (!options.writesWaitOnTimers) return serialised(sqlite, () => outer(fn));
    // Fixed now, so the time spent queued behind this connection's other transactions counts against it too.
    const deadline = writeDeadline();
    return serialised(sqlite, () => retryWhileLocked(() => outer(fn), { deadline }));
  };
  const sql: Sql = { ...base, memoKey: sqlite, transaction };
  const inner: Sql = { ...base, memoKey: sqlite, transaction: (fn) => savepoint(fn) };
  async function outer<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock at once, so two writers queue on the busy timeout instead of deadlocking.
    if (options.writesWaitOnTimers) beginWithoutWaiting(sqlite);
    else sqlite.exec("BEGIN IMMEDIATE");
    try {
      const out = await fn(inner);
      sqlite.exec("COMMIT");
      return out;
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw err;
    }
  }
  async function savepoint<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const name = `sp${++savepoints}`;
    sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const out = await fn(inner);
      sqlite.exec(`RELEASE ${name}`);
      return out;
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw err;
    }
  }
  return sql;
}

/**
 * BEGIN IMMEDIATE with the busy timeout set to 0 for that one statement: it fails at once (SQLITE_BUSY) when
 * another connection holds the lock, and retryWhileLocked waits on a timer. The connection keeps its timeout for
 * everything else (the server's reading connection waits for a WAL recovery as before); once the lock is held,
 * nothing in a WAL-mode transaction waits for another connection.
 */
function beginWithoutWaiting(sqlite: Database.Database): void {
  const timeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  if (timeout === 0) return void sqlite.exec("BEGIN IMMEDIATE");
  sqlite.pragma("busy_timeout = 0");
  try {
    sqlite.exec("BEGIN IMMEDIATE");
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Runs `task` after the connection's earlier transactions have settled. */
function serialised<T>(sqlite: Database.Database, task: () => Promise<T>): Promise<T> {
  const before = queues.get(sqlite) ?? Promise.resolve();
  const run = before.then(task, task);
  queues.set(
    sqlite,
    run.catch(() => {}),
  );
  return run;
}
