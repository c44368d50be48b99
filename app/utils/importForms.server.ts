import { json } from "@remix-run/node";
import type { FactValues } from "../../db/reviews";
import { FACT_VALUES, factValues } from "./reviewForms.server";

/** A fact of the import preview edited before saving has its fields named `edit.FILE.FACT.FIELD`. */
const EDIT_FIELD = /^edit\.(\d{1,4})\.(\d{1,6})\.(\w{1,20})$/;

/** At most this many facts of one file carry edit fields in the preview (the rest are corrected on /review). */
export const EDITABLE_FACTS = 300;

/**
 * The values of every kept fact the preview form sent fields for, by "FILE:FACT", checked as a correction on
 * /review is; a mistake is a 400 that names the file's fact and the field, before anything is stored.
 */
export function previewEdits(
  form: FormData,
  factName: (key: string) => string,
  kept: (key: string) => boolean,
): Map<string, FactValues> {
  const raw = new Map<string, Record<string, string>>();
  for (const [name, value] of form) {
    const m = EDIT_FIELD.exec(name);
    if (!m || typeof value !== "string") continue;
    const key = `${Number(m[1])}:${Number(m[2])}`;
    const fields = raw.get(key) ?? {};
    // An empty field is the same as a missing one, as on /review.
    if (value !== "" && !(m[3] in fields)) fields[m[3]] = value;
    raw.set(key, fields);
  }
  const edits = new Map<string, FactValues>();
  for (const [key, fields] of raw) {
    // A fact dropped is stored rejected as the extractor gave it: what its fields say does not matter.
    if (!kept(key)) continue;
    const parsed = FACT_VALUES.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join(".");
      throw json(
        { message: `${factName(key)}: ${field ? `the field "${field}": ` : ""}${issue.message}.` },
        { status: 400 },
      );
    }
    if (parsed.data.low > parsed.data.high) {
      throw json({ message: `${factName(key)}: low is above high, swap them.` }, { status: 400 });
    }
    edits.set(key, factValues(parsed.data));
  }
  return edits;
}
