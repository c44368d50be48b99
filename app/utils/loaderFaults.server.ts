import { type ActionFunction, json, type LoaderFunction, type ServerBuild } from "@remix-run/node";
import type { DatabaseFault } from "../../db/faults";
import { isUnavailableData, type UnavailableData, unavailableHeaders } from "./unavailablePage.server";

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
        ...(loader ? { loader: guarded(loader, faultOf) } : {}),
        ...(action ? { action: guarded(action, faultOf) } : {}),
      },
    };
  }
  return { ...build, routes };
}

function guarded<F extends LoaderFunction | ActionFunction>(
  run: F,
  faultOf: (err: unknown) => DatabaseFault | null,
): F {
  return (async (args: Parameters<F>[0]) => {
    try {
      return await run(args as never);
    } catch (err) {
      const fault = faultOf(err);
      if (!fault) throw err;
      const data: UnavailableData = { databaseUnavailable: fault.reason };
      throw json(data, { status: 503, headers: unavailableHeaders() });
    }
  }) as F;
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
