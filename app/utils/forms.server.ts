import { json } from "@remix-run/node";
import { z } from "zod";

/** A form body read with a zod schema: the parsed values, or a 400 that names the field, never a 500. */
export async function parseForm<S extends z.ZodTypeAny>(request: Request, schema: S): Promise<z.infer<S>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw json({ message: "The form could not be read: send it from the page." }, { status: 400 });
  }
  const raw: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value !== "string") continue;
    // An empty field is the same as a missing one, as for query parameters.
    if (value !== "" && !(key in raw)) raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".");
    throw json({ message: `${field ? `The field "${field}": ` : ""}${issue.message}.` }, { status: 400 });
  }
  return parsed.data;
}

/**
 * A local path to go back to after signing in; anything else (another site, "//host", a path too long to be one
 * of ours) is the overview. Never a mistake to report: the sign-in works either way.
 */
export const nextPath = z
  .string()
  .optional()
  .transform((s) => (s && s.length <= 2000 && /^\/(?![/\\])/.test(s) ? s : "/"));
