import { writeAudit } from "./audit";
import { hashPassword, passwordProblem } from "./passwords";
import { ROLES, type Role } from "./schema";
import type { Sql } from "./sql";

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  sessionEpoch: number;
  createdAt: string;
}

const COLUMNS = `id, name, role, password_hash AS "passwordHash", session_epoch AS "sessionEpoch", created_at AS "createdAt"`;

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

export function findUser(db: Sql, name: string): Promise<UserRow | undefined> {
  return db.get<UserRow>(`SELECT ${COLUMNS} FROM users WHERE name = ?`, [name]);
}

export function userById(db: Sql, id: number): Promise<UserRow | undefined> {
  return db.get<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`, [id]);
}

export function listUsers(db: Sql): Promise<UserRow[]> {
  return db.all<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY name`);
}

/** `by` is who did it, for the audit trail: a user's name, or "(command line)". */
export async function addUser(db: Sql, name: string, role: Role, password: string, by: string) {
  checkName(name);
  checkPassword(password);
  if (await findUser(db, name)) throw new UserError(`a user named ${name} already exists`);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    // Checked again under the write lock: another instance may have added the name while the hash was made.
    if (await findUser(tx, name)) throw new UserError(`a user named ${name} already exists`);
    await tx.run("INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?)", [name, role, hash]);
    await writeAudit(tx, { userName: by, action: "user.add", subject: `user ${name}`, after: { name, role } });
  });
}

export async function setPassword(db: Sql, name: string, password: string, by: string) {
  checkPassword(password);
  if (!(await findUser(db, name))) throw new UserError(`no user named ${name}`);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const changed = await tx.run(
      "UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1 WHERE name = ?",
      [hash, name],
    );
    if (!changed) throw new UserError(`no user named ${name}`);
    // The hash is never written to the trail, only that the password changed.
    await writeAudit(tx, { userName: by, action: "user.passwd", subject: `user ${name}` });
  });
}

export async function setRole(db: Sql, name: string, role: Role, by: string) {
  await db.transaction(async (tx) => {
    const user = await findUser(tx, name);
    if (!user) throw new UserError(`no user named ${name}`);
    await tx.run("UPDATE users SET role = ? WHERE name = ?", [role, name]);
    await writeAudit(tx, {
      userName: by,
      action: "user.role",
      subject: `user ${name}`,
      before: { role: user.role },
      after: { role },
    });
  });
}

export async function removeUser(db: Sql, name: string, by: string) {
  await db.transaction(async (tx) => {
    const user = await findUser(tx, name);
    if (!user) throw new UserError(`no user named ${name}`);
    await tx.run("DELETE FROM users WHERE id = ?", [user.id]);
    await writeAudit(tx, {
      userName: by,
      action: "user.remove",
      subject: `user ${name}`,
      before: { name, role: user.role },
    });
  });
}
