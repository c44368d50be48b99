import type { DbHandle } from "./client";

export interface AuditEntry {
  userName: string;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one row to the audit trail; call it inside the transaction that makes the change. */
export function writeAudit(handle: DbHandle, entry: AuditEntry): void {
  handle.sqlite
    .prepare("INSERT INTO audit_log (at, user_name, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?)")
    .run(
      new Date().toISOString(),
      entry.userName,
      entry.action,
      entry.subject,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    );
}
