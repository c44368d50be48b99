import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * Content-Security-Policy for a nonce: scripts only from this origin or inline with the request's nonce (Remix
 * writes its route manifest and hydration data inline); no plugins, no <base> tricks, no framing. Style
 * attributes stay allowed: recharts draws its server-rendered SVG with them. Style sheets and fonts come from
 * this origin only.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, fresh for every response: a nonce an attacker cannot guess. */
export const newNonce = () => randomBytes(16).toString("base64");

/**
 * Express middleware: every response, static files and error pages included, gets the policy, nosniff, a
 * referrer policy and a frame ban (X-Frame-Options for browsers older than frame-ancestors). The nonce waits in
 * res.locals for server.ts to hand to Remix's load context, and for the page cache to refresh on a hit.
 */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  const nonce = newNonce();
  res.locals.nonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  next();
}
