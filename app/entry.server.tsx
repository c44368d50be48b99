import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./nonce";
import { thrownRetryAfter, unavailableReason } from "./utils/loaderFaults.server";
import { unavailableResponse } from "./utils/unavailablePage.server";

/**
 * Remix's Node entry, plus the Content-Security-Policy nonce: server.ts makes one per request, puts it in the header
 * and the load context; here it goes, through NonceContext, to <Scripts> and <ScrollRestoration> in root.tsx.
 *
 * The page is rendered to one string, not streamed. No route defers data or suspends, so a stream's shell was the
 * whole page anyway and nothing reached the browser sooner. And React 18.3's `renderToPipeableStream` wrote NUL
 * bytes into pages where a character of several bytes (“, ”, €, é) fell on the edge of one of its 2 kB chunks
 * (github.com/facebook/react/issues/31134; five in the bench's /stakes page), while encoding chunk by chunk cost
 * about a tenth of a large page's render. A route that defers data would need the stream back.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A loader met a database fault (server.ts guards every loader): the 503 page, not an error boundary.
  const unavailable = unavailableReason(remixContext.staticHandlerContext.errors);
  if (unavailable) return unavailableResponse(unavailable);
  const nonce = typeof loadContext.nonce === "string" ? loadContext.nonce : "";
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html");
  // An error page drawn for a thrown 503 (a write that waited too long for the lock) or 429 says when to come back.
  const retry = responseStatusCode >= 400 ? thrownRetryAfter(remixContext.staticHandlerContext) : null;
  if (retry && !responseHeaders.has("Retry-After")) responseHeaders.set("Retry-After", retry);
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}
