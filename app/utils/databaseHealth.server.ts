import Database from "better-sqlite3";
import type { NextFunction, Request, Response } from "express";
import { type DatabaseFault, databaseFault, quickCheck } from "../../db/faults";

/** How often a faulty database is looked at again, so the server recovers once an operator repairs the file. */
const RECHECK_MS = 10_000;

/** Opens the file read-only and runs quick_check: the fault found, or null when the database is sound. */
export function checkDatabase(path: string): DatabaseFault | null {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    quickCheck(sqlite, path);
    return null;
  } catch (err) {
    const fault = databaseFault(err, path);
    if (fault) return fault;
    throw err;
  } finally {
    sqlite?.close();
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The page every request gets while the database cannot be read: a 503 that says why, never a bare 500. */
export function unavailablePage(fault: DatabaseFault): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Database unavailable</title></head>
<body><h1>Database unavailable</h1>
<p>The dashboard cannot read its database: ${escapeHtml(fault.reason)}.</p>
<p>The server keeps running and looks again every ${RECHECK_MS / 1000} seconds; the log names the file.</p>
</body></html>
`;
}

/**
 * Express middleware answering 503 while the database is faulty. `initial` is what the server found on start;
 * while faulty, the file is checked again at most every ten seconds, and requests pass once it is sound.
 */
export function databaseHealth(path: string, initial: DatabaseFault | null) {
  let fault = initial;
  let checkedAt = Date.now();
  return (_req: Request, res: Response, next: NextFunction) => {
    if (fault && Date.now() - checkedAt >= RECHECK_MS) {
      checkedAt = Date.now();
      fault = checkDatabase(path);
      if (!fault) console.log(`Database ${path} is readable again.`);
    }
    if (!fault) return next();
    res.status(503);
    res.setHeader("Retry-After", String(RECHECK_MS / 1000));
    res.setHeader("Cache-Control", "no-store");
    res.type("html").send(unavailablePage(fault));
  };
}
