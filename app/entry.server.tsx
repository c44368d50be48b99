import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./nonce";
import { unavailableReason } from "./utils/loaderFaults.server";
import { unavailableResponse } from "./utils/unavailablePage.server";

/**
 * Remix's default Node entry, plus the Content-Security-Policy nonce: server.ts makes one per request, puts it in
 * the header and the load context; here it goes to React (for the scripts React itself writes while streaming)
 * and, through NonceContext, to <Scripts> and <ScrollRestoration> in root.tsx.
 */
const ABORT_DELAY = 5_000;

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
  // Bots and SPA mode get the whole document at once; browsers get the shell as soon as it is ready.
  const allReady = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(
        new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceContext.Provider>,
      {
        nonce: nonce || undefined,
        ...(allReady ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors of the shell reject and are logged by Remix; later ones only here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
