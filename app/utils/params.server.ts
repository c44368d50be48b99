import { json } from "@remix-run/node";
import { z } from "zod";

/** Query keys Remix itself adds to data requests; they are never a user's mistake. */
const REMIX_KEYS = new Set(["_data", "index"]);

export const slugSchema = z
  .string()
  .max(200, "a company slug is at most 200 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a company slug is lowercase letters and digits joined by hyphens");

export const yearSchema = z.coerce
  .number({ invalid_type_error: "a year is a number such as 2008" })
  .int("a year is a whole number")
  .min(1900, "years before 1900 are not charted")
  .max(2100, "years after 2100 are not charted");

export const pageSchema = z.coerce
  .number({ invalid_type_error: "a page is a number" })
  .int("a page is a whole number")
  .min(1, "pages start at 1")
  .max(100000, "that page is past the end of any listing");

/** A 400 response whose body says what was wrong, for the route's error boundary to show. */
export function badRequest(message: string): Response {
  return json({ message }, { status: 400, statusText: "Bad Request" });
}

/**
 * Checks a URL's query against a zod object schema: the parsed values, or the message of the first mistake.
 * Unknown keys, repeated keys and invalid values are the user's mistake, named in the message.
 */
export function checkQuery<S extends z.ZodObject<z.ZodRawShape>>(
  params: URLSearchParams,
  schema: S,
): { data: z.infer<S> } | { message: string } {
  const known = new Set(Object.keys(schema.shape));
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (REMIX_KEYS.has(key)) continue;
    if (!known.has(key)) {
      return { message: `Unknown parameter "${key.slice(0, 40)}". This page takes: ${[...known].join(", ")}.` };
    }
    if (key in raw) return { message: `The parameter "${key}" is given more than once.` };
    // An empty value is the same as leaving the parameter out, as a form's blank field sends it.
    if (value !== "") raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { message: `Invalid parameter "${issue.path.join(".")}": ${issue.message}.` };
  }
  return { data: parsed.data };
}

/** Reads a URL's query with a zod object schema; a mistake is thrown as a 400 that names the parameter. */
export function parseQuery<S extends z.ZodObject<z.ZodRawShape>>(request: Request, schema: S): z.infer<S> {
  const checked = checkQuery(new URL(request.url).searchParams, schema);
  if ("message" in checked) throw badRequest(checked.message);
  return checked.data;
}

/**
 * Only the parameters a schema names, for a page that ignores the rest (the home page, where links from mail and
 * feeds add tracking parameters): a known one is still checked, an unknown one is dropped rather than refused.
 */
export function knownParams(params: URLSearchParams, schema: z.ZodObject<z.ZodRawShape>): URLSearchParams {
  const known = new Set(Object.keys(schema.shape));
  return new URLSearchParams([...params].filter(([key]) => known.has(key)));
}

/** Like parseQuery, for a page that ignores parameters it does not read (knownParams). */
export function parseKnownQuery<S extends z.ZodObject<z.ZodRawShape>>(request: Request, schema: S): z.infer<S> {
  const checked = checkQuery(knownParams(new URL(request.url).searchParams, schema), schema);
  if ("message" in checked) throw badRequest(checked.message);
  return checked.data;
}

/** A route parameter that must be a positive integer id; anything else is no such thing (404). */
export function parseId(value: string | undefined, what: string): number {
  const id = Number(value);
  if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
    throw json({ message: `No ${what} with the id "${(value ?? "").slice(0, 40)}".` }, { status: 404 });
  }
  return id;
}
