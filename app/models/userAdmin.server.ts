import { json } from "@remix-run/node";
import { getSql } from "~/db.server";
import { busyAsResponse } from "~/utils/writeBusy.server";
import { getWriteSql } from "~/writeDb.server";
import type { Role } from "../../db/schema";
import { addUser, listUsers, removeUser, setPassword, setRole, UserError } from "../../db/users";

export interface UserListing {
  name: string;
  role: Role;
  createdAt: string;
}

/** Every user, by name; never their hash. */
export async function userList(): Promise<UserListing[]> {
  return (await listUsers(await getSql())).map(({ name, role, createdAt }) => ({ name, role, createdAt }));
}

export type UserChange =
  | { intent: "add"; name: string; role: Role; password: string }
  | { intent: "role"; name: string; role: Role }
  | { intent: "passwd"; name: string; password: string }
  | { intent: "remove"; name: string };

/**
 * Applies an admin's change (audited by db/users.ts). Returns the sentence to show, or throws a 400 whose message
 * says why nothing changed. An admin cannot remove or demote themselves, so the last admin cannot lock everyone out.
 */
export async function changeUser(by: string, change: UserChange): Promise<string> {
  const handle = await getWriteSql();
  if (change.name === by && (change.intent === "remove" || (change.intent === "role" && change.role !== "admin"))) {
    throw json(
      { message: "You cannot remove yourself or take away your own admin role: ask another admin." },
      { status: 400 },
    );
  }
  try {
    switch (change.intent) {
      case "add":
        await addUser(handle, change.name, change.role, change.password, by);
        return `Added ${change.name} (${change.role}).`;
      case "role":
        await setRole(handle, change.name, change.role, by);
        return `${change.name} is now ${change.role}.`;
      case "passwd":
        await setPassword(handle, change.name, change.password, by);
        return `Password of ${change.name} changed; their sessions are over.`;
      case "remove":
        await removeUser(handle, change.name, by);
        return `Removed ${change.name}.`;
    }
  } catch (err) {
    if (err instanceof UserError) throw json({ message: `Nothing changed: ${err.message}.` }, { status: 400 });
    throw busyAsResponse(err);
  }
}
