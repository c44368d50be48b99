import type { NextFunction, Request, Response } from "express";
import { CONTENT_TYPES, parseExportFile, unknownExportMessage } from "../exports/formats";
import { checkQuery } from "./params.server";
import { EXPORT_QUERY } from "./queries.server";

/** Pages and exports are read with GET (and HEAD, OPTIONS); the only writes are the forms' POSTs. */
const ALLOWED = "GET, HEAD, OPTIONS";

function refuse(res: Response, status: number, message: string) {
  res.status(status).setHeader("Cache-Control", "no-store");
  if (status === 405) res.setHeader("Allow", ALLOWED);
  res.type("text/plain; charset=utf-8").send(`${message}\n`);
}

/**
 * Whether a request comes from another site: its Origin (sent by browsers with every POST) names another host
 * than the one it was sent to, or is "null" (sandboxed frames, file: pages), or the browser says so itself.
 */
function crossSite(req: Request): boolean {
  if (req.get("sec-fetch-site") === "cross-site") return true;
  const origin = req.get("origin");
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== req.get("host");
  } catch {
    return true;
  }
}

/**
 * What GET of an export would refuse before rendering: an unknown export (404) or a parameter it would reject
 * (400), with the same JSON body. Whether the company exists is the route's to say, with the data.
 */
function exportRefusal(req: Request): { status: number; message: string } | null {
  const name = req.path.slice("/export/".length);
  if (!parseExportFile(name)) return { status: 404, message: unknownExportMessage(name) };
  const checked = checkQuery(new URL(req.originalUrl, "http://localhost").searchParams, EXPORT_QUERY);
  return "message" in checked ? { status: 400, message: checked.message } : null;
}

/**
 * Express middleware, before Remix. Remix cannot build a Fetch Request for TRACE or CONNECT (undici refuses them)
 * and throws on a cross-site POST, both 500s; here they are a 405 and a 403 with a reason. OPTIONS is answered
 * with the allowed methods, and HEAD of an export with its headers, neither rendering anything (an export costs
 * up to a second of CPU, a HEAD must not); both check an export's name and parameters as GET does first.
 */
export function requestMethods(req: Request, res: Response, next: NextFunction) {
  const method = req.method;
  if (method === "GET") return next();
  if (method === "OPTIONS" || method === "HEAD") {
    const isExport = req.path.startsWith("/export/");
    const refusal = isExport ? exportRefusal(req) : null;
    if (refusal) {
      // Express leaves the body out of a HEAD response but keeps its length and type, as GET would send them.
      res.status(refusal.status).setHeader("Cache-Control", "no-store");
      res.json({ message: refusal.message });
      return;
    }
    if (method === "OPTIONS") {
      res.status(204).setHeader("Allow", ALLOWED);
      res.end();
      return;
    }
    if (!isExport) return next();
    const parsed = parseExportFile(req.path.slice("/export/".length));
    res.status(200).setHeader("Cache-Control", "no-store");
    if (parsed) res.type(CONTENT_TYPES[parsed.format]);
    res.end();
    return;
  }
  if (crossSite(req))
    return refuse(res, 403, "Cross-site request refused: this dashboard accepts no writes from other sites.");
  // Forms of this site (sign-in, review): each action checks the origin and the role again itself.
  if (method === "POST") return next();
  refuse(res, 405, `Method ${method.slice(0, 20)} not allowed: this dashboard is read-only (${ALLOWED}).`);
}
