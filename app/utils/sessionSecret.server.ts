import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { defaultDatabasePath } from "../../db/client";

/**
 * The key that signs session cookies: SESSION_SECRET when set, else one made on first run and kept beside the
 * database (`data/session-secret`, readable by its owner only), so a fresh install needs no set-up and a restart
 * keeps people signed in. Deleting the file signs everyone out. On PostgreSQL (DATABASE_URL) it must be set.
 */
export function sessionSecret(): string {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters long");
    return fromEnv;
  }
  // Instances behind one proxy must accept each other's cookies, and have no folder in common to keep a key in.
  if (process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL is set: give every instance the same SESSION_SECRET (at least 32 characters)");
  }
  const file = join(dirname(defaultDatabasePath()), "session-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const made = randomBytes(32).toString("hex");
  try {
    // "wx": if another process made it first, theirs is the one to use.
    writeFileSync(file, `${made}\n`, { flag: "wx", mode: 0o600 });
    return made;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return readFileSync(file, "utf8").trim();
  }
}
