/**
 * The session cookie's name, shared with the page cache: a request that carries it may see a page made for its
 * user (their name in the header, review buttons), so the cache neither answers nor keeps it.
 */
export const SESSION_COOKIE = "figures_session";

export function hasSessionCookie(cookieHeader: string | undefined | null): boolean {
  return !!cookieHeader && cookieHeader.split(";").some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));
}
