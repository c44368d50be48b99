import bcrypt from "bcryptjs";

/**
 * bcrypt through bcryptjs (docs/decisions/009). Cost 12 takes about a quarter of a second in plain JavaScript:
 * slow enough to make guessing a stolen hash expensive, fast enough for a sign-in. The async functions yield to
 * the event loop while they work, so a sign-in does not stall other requests.
 */
const COST = 12;

/** bcrypt reads only the first 72 bytes; a longer password would be silently cut, so it is refused instead. */
export const MAX_PASSWORD_BYTES = 72;
export const MIN_PASSWORD_LENGTH = 8;

/** Why a password cannot be used, or null when it can. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `a password has at least ${MIN_PASSWORD_LENGTH} characters`;
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES)
    return `a password has at most ${MAX_PASSWORD_BYTES} bytes (bcrypt ignores the rest)`;
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/**
 * A hash of no one's password, compared against when the user does not exist, so that an unknown name costs the
 * same time as a wrong password and response times do not tell which names exist.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("no user has this password, it only spends time");
  return decoy;
}
