import { writeAudit } from "./audit";
import type { DbHandle } from "./client";
import { hashPassword, passwordProblem } from "./passwords";
import { ROLES, type Role } from "./schema";

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  sessionEpoch: number;
  createdAt: string;
}

const COLUMNS = `id, name, role, password_hash AS passwordHash, session_epoch AS sessionEpoch, created_at AS createdAt`;

/** Letters, digits and . _ - : a name is typed at a prompt and shown in the audit trail, so nothing fancier. */
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class UserError extends Error {}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function checkName(name: string): void {
  if (!USER_NAME.test(name))
    throw new UserError(`"${name.slice(0, 80)}" is not a user name: letters, digits, ".", "_" and "-", at most 64`);
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new UserError(problem);
}

export function findUser(handle: DbHandle, name: string): UserRow | undefined {
  return handle.sqlite.prepare(`SELECT ${COLUMNS} FROM users WHERE name = ?`).get(name) as UserRow | undefined;
}

export function userById(handle: DbHandle, id: number): UserRow | undefined {
  return handle.sqlite.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
}

export function listUsers(handle: DbHandle): UserRow[] {
  return handle.sqlite.prepare(`SELECT ${COLUMNS} FROM users ORDER BY name`).all() as UserRow[];
}

/** `by` is who did it, for the audit trail: a user's name, or "(command line)". */
export async function addUser(handle: DbHandle, name: string, role: Role, password: string, by: string) {
  checkName(name);
  checkPassword(password);
  if (findUser(handle, name)) throw new UserError(`a user named ${name} already exists`);
  const hash = await hashPassword(password);
  handle.sqlite.transaction(() => {
    handle.sqlite.prepare("INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?)").run(name, role, hash);
    writeAudit(handle, { userName: by, action: "user.add", subject: `user ${name}`, after: { name, role } });
  })();
}

export async function setPassword(handle: DbHandle, name: string, password: string, by: string) {
  checkPassword(password);
  if (!findUser(handle, name)) throw new UserError(`no user named ${name}`);
  const hash = await hashPassword(password);
  handle.sqlite.transaction(() => {
    handle.sqlite
      .prepare("UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1 WHERE name = ?")
      .run(hash, name);
    // The hash is never written to the trail, only that the password changed.
    writeAudit(handle, { userName: by, action: "user.passwd", subject: `user ${name}` });
  })();
}

export function setRole(handle: DbHandle, name: string, role: Role, by: string) {
  const user = findUser(handle, name);
  if (!user) throw new UserError(`no user named ${name}`);
  handle.sqlite.transaction(() => {
    handle.sqlite.prepare("UPDATE users SET role = ? WHERE name = ?").run(role, name);
    writeAudit(handle, {
      userName: by,
      action: "user.role",
      subject: `user ${name}`,
      before: { role: user.role },
      after: { role },
    });
  })();
}

export function removeUser(handle: DbHandle, name: string, by: string) {
  const user = findUser(handle, name);
  if (!user) throw new UserError(`no user named ${name}`);
  handle.sqlite.transaction(() => {
    handle.sqlite.prepare("DELETE FROM users WHERE id = ?").run(user.id);
    writeAudit(handle, {
      userName: by,
      action: "user.remove",
      subject: `user ${name}`,
      before: { name, role: user.role },
    });
  })();
}
