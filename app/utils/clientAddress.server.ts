import type { AppLoadContext } from "@remix-run/node";

/**
 * The address a request came from, for counting failed sign-ins: the socket's peer, which server.ts puts in the
 * load context (the Fetch Request Remix builds has no socket). Behind a proxy every visitor shares the proxy's
 * address, so the per-address count then limits them together; the per-account count is unaffected.
 */
export function clientAddress(context: AppLoadContext): string {
  return typeof context.clientAddress === "string" && context.clientAddress ? context.clientAddress : "unknown";
}
