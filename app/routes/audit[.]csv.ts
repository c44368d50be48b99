import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { csvCell } from "~/exports/csv.server";
import { auditForExport } from "~/models/audit.server";
import { requireRole } from "~/sessions.server";
import { parseQuery } from "~/utils/params.server";

const HEADER = ["when (UTC)", "who", "action", "subject", "changes"];

/** The audit trail as CSV (UTF-8 with a byte-order mark, cells neutralised like the chart exports), newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  try {
    parseQuery(request, z.object({}));
    await requireRole(request, "viewer", "The audit trail");
  } catch (err) {
    // A resource route has no error boundary: the 400 or 403 goes out as the JSON it already is.
    if (err instanceof Response) return err;
    throw err;
  }
  const lines = [HEADER.map(csvCell).join(",")];
  for (const r of await auditForExport()) {
    const changes = r.changes.map((c) => `${c.field}: ${c.before || "—"} → ${c.after || "—"}`).join("; ");
    lines.push([r.at, r.userName, r.action, r.subject, changes].map(csvCell).join(","));
  }
  return new Response(`\ufeff${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="audit-trail.csv"',
      "Cache-Control": "no-store",
    },
  });
}
