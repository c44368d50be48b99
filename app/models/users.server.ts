import { getSql } from "~/db.server";
import { decoyHash, verifyPassword } from "../../db/passwords";
import type { Role } from "../../db/schema";
import { findUser, userById } from "../../db/users";

/** Who is signed in, as pages and actions see them (never the hash). */
export interface SessionUser {
  id: number;
  name: string;
  role: Role;
}

/** The user whose name and password these are, or null; an unknown name costs the same time as a wrong password. */
export async function checkCredentials(
  name: string,
  password: string,
): Promise<(SessionUser & { epoch: number }) | null> {
  const user = await findUser(await getSql(), name);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) return null;
  return { id: user.id, name: user.name, role: user.role, epoch: user.sessionEpoch };
}

/** The user a session names, if they still exist and have not changed their password since it was made. */
export async function sessionUser(id: number, epoch: number): Promise<SessionUser | null> {
  const user = await userById(await getSql(), id);
  if (!user || user.sessionEpoch !== epoch) return null;
  return { id: user.id, name: user.name, role: user.role };
}
