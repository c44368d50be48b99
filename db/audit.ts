import type { Sql } from "./sql";

export interface AuditEntry {
  userName: string;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one row to the audit trail; call it inside the transaction that makes the change. */
export async function writeAudit(tx: Sql, entry: AuditEntry): Promise<void> {
  await tx.run("INSERT INTO audit_log (at, user_name, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?)", [
    new Date().toISOString(),
    entry.userName,
    entry.action,
    entry.subject,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  ]);
}
