import { createCookieSessionStorage, json, redirect, type SessionStorage } from "@remix-run/node";
import type { Role } from "../db/schema";
import { type SessionUser, sessionUser } from "./models/users.server";
import { SESSION_COOKIE } from "./utils/sessionCookie";
import { sessionSecret } from "./utils/sessionSecret.server";

/** A sign-in lasts twelve hours; signing out or changing the password ends it sooner. */
const MAX_AGE_S = 12 * 60 * 60;

let storage: SessionStorage | undefined;

/** Made on first use: the secret lives beside the database, whose path tests set before the first request. */
function sessions(): SessionStorage {
  storage ??= createCookieSessionStorage({
    cookie: {
      name: SESSION_COOKIE,
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: MAX_AGE_S,
      secrets: [sessionSecret()],
    },
  });
  return storage;
}

/** HTTPS as the browser sees it: directly, or through a proxy that says so. */
function overHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

export async function currentUser(request: Request): Promise<SessionUser | null> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes(`${SESSION_COOKIE}=`)) return null;
  const session = await sessions().getSession(cookie);
  const id = session.get("userId");
  const epoch = session.get("epoch");
  if (typeof id !== "number" || typeof epoch !== "number") return null;
  return sessionUser(id, epoch);
}

/** The Set-Cookie header that signs this user in. */
export async function signInCookie(request: Request, user: { id: number; epoch: number }): Promise<string> {
  const session = await sessions().getSession();
  session.set("userId", user.id);
  session.set("epoch", user.epoch);
  return sessions().commitSession(session, { secure: overHttps(request) });
}

export async function signOutCookie(request: Request): Promise<string> {
  const session = await sessions().getSession(request.headers.get("Cookie"));
  return sessions().destroySession(session, { secure: overHttps(request) });
}

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

const ARTICLE: Record<Role, string> = { viewer: "a viewer", analyst: "an analyst", admin: "an admin" };

/**
 * The signed-in user when their role is at least `role`; otherwise a 403 whose page says what is needed (a
 * person who is not signed in is told to sign in). `what` completes "… needs the analyst role".
 */
export async function requireRole(request: Request, role: Role, what: string): Promise<SessionUser> {
  const user = await currentUser(request);
  if (user && RANK[user.role] >= RANK[role]) return user;
  const message = user
    ? `${what} needs the ${role} role; you are signed in as ${user.name}, ${ARTICLE[user.role]}.`
    : `${what} needs the ${role} role: sign in first.`;
  throw json({ message }, { status: 403, statusText: "Forbidden" });
}

/** Whether reading needs a sign-in: READ_ACCESS=signed-in; anything but "open" (the default) closes it too. */
export function readingClosed(): boolean {
  const mode = process.env.READ_ACCESS;
  return mode !== undefined && mode !== "" && mode !== "open";
}

/** Paths a visitor may open while reading is closed: the sign-in page itself. */
const OPEN_PATHS = new Set(["/login", "/logout"]);

/**
 * With READ_ACCESS=signed-in, a page asked for without a session sends the browser to sign in and back; a
 * resource (JSON, an export) is a 401 with the reason. Returns the user (or null when reading is open).
 */
export async function requireReader(request: Request, kind: "page" | "resource"): Promise<SessionUser | null> {
  const user = await currentUser(request);
  if (user || !readingClosed()) return user;
  const url = new URL(request.url);
  if (OPEN_PATHS.has(url.pathname)) return null;
  if (kind === "resource") {
    throw json({ message: "Sign in to read this dashboard (READ_ACCESS=signed-in)." }, { status: 401 });
  }
  url.searchParams.delete("_data");
  throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** For resource routes (JSON, exports): the 401 to send when reading is closed to visitors, else null. */
export async function readerRefusal(request: Request): Promise<Response | null> {
  try {
    await requireReader(request, "resource");
    return null;
  } catch (err) {
    if (err instanceof Response) return err;
    throw err;
  }
}
