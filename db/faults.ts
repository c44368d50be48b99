import type Database from "better-sqlite3";

/**
 * A fault of the database itself (as opposed to one article's data): it will fail every later write too, so an
 * import stops at it, and the server answers 503 while it lasts. The message is one line an operator can act on.
 */
export class DatabaseFault extends Error {
  constructor(
    readonly path: string,
    /** What is wrong and what to do, without the file's path: what a web page may show. */
    readonly reason: string,
    readonly code: string,
  ) {
    super(`database ${path}: ${reason}`);
    this.name = "DatabaseFault";
  }
}

/** The busy timeout in milliseconds: how long a write waits for another process's lock (DATABASE_BUSY_MS). */
export function busyTimeoutMs(): number {
  const v = Number(process.env.DATABASE_BUSY_MS);
  return Number.isFinite(v) && v >= 0 ? v : 10_000;
}

/** The DatabaseFault an error from SQLite, PostgreSQL or the file system stands for, or null when it is not one. */
export function databaseFault(err: unknown, path: string): DatabaseFault | null {
  if (err instanceof DatabaseFault) return err;
  const code = String((err as { code?: unknown }).code ?? "");
  const detail = err instanceof Error ? err.message : String(err);
  const say = (what: string) => new DatabaseFault(path, what, code);
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS")
    return say("read-only (file or folder permissions, or a read-only disk); nothing could be written");
  if (code === "SQLITE_FULL" || code === "ENOSPC")
    return say("the disk is full; free some space and run the import again");
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code === "55P03")
    return say(`locked by another process for more than ${busyTimeoutMs() / 1000} s; try again when it is done`);
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB")
    return say(`the file is corrupted (${detail}); restore it from a backup, or move it away to start afresh`);
  if (code.startsWith("SQLITE_CANTOPEN") || code === "EACCES" || code === "EPERM")
    return say(`cannot be opened (${detail}); check that the file and its folder are readable and writable`);
  if (code.startsWith("SQLITE_IOERR") || code === "EIO") return say(`input/output error (${detail})`);
  // PostgreSQL's SQLSTATEs and the network's errors (decision 020): the server, not one article, is at fault.
  if (code === "53100") return say("the database server's disk is full; free some space and run the import again");
  if (code === "25006") return say("the database server is read-only (a standby?); nothing could be written");
  if (["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EPIPE"].includes(code) || /^(08|57P)/.test(code))
    return say(`the database server cannot be reached (${detail}); check that it runs and DATABASE_URL`);
  return null;
}

/**
 * PRAGMA quick_check: the structure of every page, without the slower index-content checks of integrity_check
 * (a second or so on a million facts). Throws a DatabaseFault naming the first problem.
 */
export function quickCheck(sqlite: Database.Database, path: string): void {
  let problems: string[];
  try {
    const rows = sqlite.pragma("quick_check(5)") as Array<{ quick_check: string }>;
    problems = rows.map((r) => r.quick_check).filter((r) => r !== "ok");
  } catch (err) {
    // A page too damaged to walk makes the check itself fail ("database disk image is malformed").
    const code = String((err as { code?: unknown }).code ?? "");
    if (!code.startsWith("SQLITE_CORRUPT") && code !== "SQLITE_NOTADB") throw databaseFault(err, path) ?? err;
    problems = [(err as Error).message];
  }
  if (problems.length) {
    throw new DatabaseFault(
      path,
      `the file is corrupted (quick_check: ${problems[0]}); restore it from a backup, or move it away to start afresh`,
      "SQLITE_CORRUPT",
    );
  }
}
