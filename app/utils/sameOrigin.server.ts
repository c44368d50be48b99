import { json } from "@remix-run/node";

/**
 * Every write checks where its form came from, besides the SameSite cookie: the Origin a browser sends with a
 * POST must be this site, and so must Sec-Fetch-Site when the browser sends it. A request with neither (an old
 * browser, a script) still needs the session cookie, which SameSite=Lax keeps off other sites' POSTs.
 * server.ts already refuses POSTs whose Origin is another host (requestMethods.server.ts); this is the route's own
 * check, so a write stays protected if the middleware changes.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw refused();
  const origin = request.headers.get("origin");
  if (origin === null) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw refused();
  }
  if (host !== (request.headers.get("host") ?? new URL(request.url).host)) throw refused();
}

function refused(): Response {
  return json(
    { message: "Cross-site request refused: forms of this dashboard can only be sent from its own pages." },
    { status: 403, statusText: "Forbidden" },
  );
}
