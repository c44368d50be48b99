import Database from "better-sqlite3";
import type { NextFunction, Request, Response } from "express";
import { type DatabaseFault, databaseFault, quickCheck } from "../../db/faults";
import { dropConnections } from "../../db/heldConnections";
import { RECHECK_MS, unavailableHeaders, unavailablePage } from "./unavailablePage.server";

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

/**
 * Whether the server's database can be read, as found on start or by a request that met a fault since. While it
 * is faulty every request gets the 503 page, and the file is checked again at most every RECHECK_MS; once it is
 * sound the server's connections are dropped and reopened, since the repair may have replaced the file.
 */
export class DatabaseHealth {
  private checkedAt = Date.now();

  constructor(
    readonly path: string,
    private fault: DatabaseFault | null,
  ) {}

  /** A fault met while serving: logged once, then every request is answered 503 until a check finds it gone. */
  report(fault: DatabaseFault): void {
    if (!this.fault) console.error(`${fault.message}. Serving 503 until it is repaired.`);
    this.fault = fault;
    this.checkedAt = Date.now();
  }

  /**
   * The error as a fault of this database, or null when it is some other error. A lock held past the busy
   * timeout (an import's batch, say) is this request's 503 only; any other fault is the server's until a check
   * finds it gone.
   */
  faultOf(err: unknown): DatabaseFault | null {
    const fault = databaseFault(err, this.path);
    if (fault && !/^SQLITE_(BUSY|LOCKED)/.test(fault.code)) this.report(fault);
    return fault;
  }

  current(): DatabaseFault | null {
    if (this.fault && Date.now() - this.checkedAt >= RECHECK_MS) {
      this.checkedAt = Date.now();
      this.fault = checkDatabase(this.path);
      if (!this.fault) {
        dropConnections(this.path);
        console.log(`Database ${this.path} is readable again.`);
      }
    }
    return this.fault;
  }

  /** Express middleware answering the 503 page while the database is faulty. */
  middleware() {
    return (_req: Request, res: Response, next: NextFunction) => {
      const fault = this.current();
      if (!fault) return next();
      sendUnavailable(res, fault);
    };
  }

  /** Express error handler, last in the chain: a database fault anywhere before Remix is a 503, not a 500. */
  errorHandler() {
    return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
      const fault = this.faultOf(err);
      if (!fault || res.headersSent) return next(err);
      sendUnavailable(res, fault);
    };
  }
}

function sendUnavailable(res: Response, fault: DatabaseFault) {
  res.status(503);
  for (const [name, value] of Object.entries(unavailableHeaders())) res.setHeader(name, value);
  res.type("html").send(unavailablePage(fault.reason));
}
