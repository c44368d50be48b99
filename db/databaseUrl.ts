/**
 * Which backend DATABASE_URL chooses, apart from db/postgres.ts so that a command on SQLite does not load the
 * PostgreSQL driver to find out (decision 020).
 */
/** The URL of the PostgreSQL database DATABASE_URL names, or undefined: SQLite at DATABASE_PATH (db/client.ts). */
export function postgresUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const url = env.DATABASE_URL;
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must be a postgres:// URL (SQLite is chosen by DATABASE_PATH), not ${url}`);
  }
  return url;
}

/** The URL without its password, for messages and logs. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "DATABASE_URL";
  }
}
