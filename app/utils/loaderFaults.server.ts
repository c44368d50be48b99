import { type ActionFunction, json, type LoaderFunction, type ServerBuild } from "@remix-run/node";
import type { DatabaseFault } from "../../db/faults";
import { isLocked } from "../../db/writeWait";
import { isUnavailableData, type UnavailableData, unavailableHeaders } from "./unavailablePage.server";
import { writeBusyResponse } from "./writeBusy.server";

/**
 * The build with every route's loader and action guarded: a database fault a loader or action meets (the file damaged, locked, gone
 * read-only or unreadable since the server started) becomes a 503 with Retry-After instead of Remix's bare 500.
 * `faultOf` says whether an error is such a fault, and notes it, so later requests get the 503 page at once.
 * Done here, once, rather than in each route, so no route can forget it.
 */
export function guardLoaders(build: ServerBuild, faultOf: (err: unknown) => DatabaseFault | null): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: guarded(loader, faultOf, false) } : {}),
        ...(action ? { action: guarded(action, faultOf, true) } : {}),
      },
    };
  }
  return { ...build, routes };
}

function guarded<F extends LoaderFunction | ActionFunction>(
  run: F,
  faultOf: (err: unknown) => DatabaseFault | null,
  writes: boolean,
): F {
  return (async (args: Parameters<F>[0]) => {
    try {
      return await run(args as never);
    } catch (err) {
      // An action's write that waited its DATABASE_WRITE_WAIT_MS for the lock (the sign-in throttle's, say): the
      // same 503 as every model's, not the "cannot read its database" page (decision 040).
      if (writes && isLocked(err)) throw writeBusyResponse();
      const fault = faultOf(err);
      if (!fault) throw err;
      const data: UnavailableData = { databaseUnavailable: fault.reason };
      throw json(data, { status: 503, headers: unavailableHeaders() });
    }
  }) as F;
}

/**
 * The Retry-After a thrown Response carried, if a route threw one: Remix keeps only a thrown Response's cookies in
 * a document's headers unless the route exports `headers`, so a 503 or 429 page would reach the browser without
 * it. `context` is Remix's static handler context; a thrown Response's headers are kept by the route that threw.
 */
export function thrownRetryAfter(context: {
  errors?: Record<string, unknown> | null;
  actionHeaders?: Record<string, Headers>;
  loaderHeaders?: Record<string, Headers>;
}): string | null {
  if (!context.errors) return null;
  for (const headers of [context.actionHeaders, context.loaderHeaders]) {
    for (const h of Object.values(headers ?? {})) {
      const retry = h.get("Retry-After");
      if (retry) return retry;
    }
  }
  return null;
}

/**
 * The reason of the database fault a page's loaders met, if any: entry.server.tsx answers with the 503 page
 * rather than an error boundary, so a page and its data say the same thing. `errors` is Remix's by route.
 */
export function unavailableReason(errors: Record<string, unknown> | null | undefined): string | null {
  for (const error of Object.values(errors ?? {})) {
    const e = error as { status?: unknown; data?: unknown };
    if (e?.status === 503 && isUnavailableData(e.data)) return e.data.databaseUnavailable;
  }
  return null;
}
