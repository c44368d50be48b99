import type { NextFunction, Request, Response } from "express";

/**
 * The deepest page is two segments (/companies/:slug, /export/:file) and static files are four at most. Remix's
 * lazy route discovery matches every ancestor of a path while it renders the page (getPartialManifest in
 * @remix-run/react's fog-of-war.js), each match linear in the path: quadratic in segments, 3.2 s of CPU for 7,900
 * `a/` segments. No route matches a path this deep or long, so it is a 404 (or 414) before Remix sees it.
 */
const MAX_SEGMENTS = 8;
const MAX_PATH_CHARS = 2048;

export function pathLimits(req: Request, res: Response, next: NextFunction) {
  const path = req.path;
  let status = 0;
  if (path.length > MAX_PATH_CHARS) status = 414;
  else {
    let segments = 0;
    for (let i = 0; i < path.length && segments <= MAX_SEGMENTS; i++) if (path.charCodeAt(i) === 47) segments++;
    if (segments > MAX_SEGMENTS) status = 404;
  }
  if (!status) return next();
  res.status(status).setHeader("Cache-Control", "no-store");
  res
    .type("text/plain; charset=utf-8")
    .send(
      status === 414
        ? `No page at an address this long: paths here are at most ${MAX_PATH_CHARS} characters.\n`
        : `No page at this address: paths here are at most ${MAX_SEGMENTS} segments deep.\n`,
    );
}
