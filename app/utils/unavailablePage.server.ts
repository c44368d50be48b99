/** How often a faulty database is looked at again, so the server recovers once an operator repairs the file. */
export const RECHECK_MS = 10_000;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The page every request gets while the database cannot be read: a 503 that says why in one line, never a bare
 * 500. `reason` is a DatabaseFault's reason, which never names the file.
 */
export function unavailablePage(reason: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Database unavailable</title></head>
<body><h1>Database unavailable</h1>
<p>The dashboard cannot read its database: ${escapeHtml(reason)}.</p>
<p>The server keeps running and looks again every ${RECHECK_MS / 1000} seconds; the log names the file.</p>
</body></html>
`;
}

/** Headers of every such 503: when to come back, and never kept by a cache. */
export const unavailableHeaders = (): Record<string, string> => ({
  "Retry-After": String(RECHECK_MS / 1000),
  "Cache-Control": "no-store",
});

/** What a loader throws when it met a database fault: the reason travels to entry.server.tsx in the body. */
export interface UnavailableData {
  databaseUnavailable: string;
}

export function isUnavailableData(data: unknown): data is UnavailableData {
  return typeof (data as UnavailableData | null)?.databaseUnavailable === "string";
}

/** The 503 page as a Fetch response, for entry.server.tsx. */
export function unavailableResponse(reason: string): Response {
  return new Response(unavailablePage(reason), {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", ...unavailableHeaders() },
  });
}
