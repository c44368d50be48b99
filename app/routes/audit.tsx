import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Pager } from "~/components/Pager";
import { RouteError } from "~/components/RouteError";
import { UndoButton } from "~/components/UndoButton";
import { auditPage } from "~/models/audit.server";
import { undoCompanyChange } from "~/models/companyEdits.server";
import { requireRole } from "~/sessions.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/params.server";
import { AUDIT_QUERY } from "~/utils/queries.server";
import { assertSameOrigin } from "~/utils/sameOrigin.server";

export const meta: MetaFunction = () => [{ title: "Audit trail — Financial figures" }];

/** Who changed what: open to every signed-in user, since it names people. */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = parseQuery(request, AUDIT_QUERY);
  const user = await requireRole(request, "viewer", "The audit trail");
  return json({ ...(await auditPage(q.page)), canUndo: user.role === "admin" });
}

const UNDO_FORM = z.object({
  intent: z.literal("undo", { errorMap: () => ({ message: "intent is undo" }) }),
  auditId: z.coerce
    .number({ invalid_type_error: "an audit row's number" })
    .int("an audit row's number")
    .min(1, "an audit row's number")
    .max(1e12, "an audit row's number"),
});

/**
 * An admin undoes a company merge or removal named by its audit row (here or from the company page), audited, and
 * lands on the company it brings back. A change that cannot be undone says why above the trail.
 */
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "admin", "Undoing a company merge or removal");
  try {
    const form = await parseForm(request, UNDO_FORM);
    const undone = await undoCompanyChange(user.name, form.auditId);
    // The company page says what the undo brought back and what it could not (its audit row's counts).
    return redirect(`/companies/${undone.slug}?undone=${undone.undoAuditId}`, 303);
  } catch (err) {
    if (err instanceof Response && [400, 404, 409].includes(err.status)) {
      return json({ message: ((await err.json()) as { message: string }).message }, { status: err.status });
    }
    throw err;
  }
}

export default function Audit() {
  const d = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <>
      <h1>Audit trail</h1>
      {refused ? (
        <p className="form-error" role="alert">
          {refused.message}
        </p>
      ) : null}
      <p className="hint">
        <a href="/audit.csv" download>
          Download the trail as CSV
        </a>
      </p>
      {d.rows.length === 0 ? (
        <p className="empty">No changes yet.</p>
      ) : (
        <table className="audit cards">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>What</th>
              <th>Of</th>
              <th>Before → after</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td className="num" data-label="When (UTC)">
                  {r.at.slice(0, 19).replace("T", " ")}
                </td>
                <td className="inline" data-label="Who">
                  {r.userName}
                </td>
                <td className="inline" data-label="What">
                  {r.action}
                </td>
                <td data-label="Of">
                  {r.articleId ? <Link to={`/articles/${r.articleId}`}>{r.subject}</Link> : r.subject}
                </td>
                <td data-label="Before → after">
                  <ul className="audit-changes">
                    {r.changes.map((c) => (
                      <li key={c.field}>
                        <span className="audit-field">{c.field}</span>: {c.before || "—"} → {c.after || "—"}
                      </li>
                    ))}
                  </ul>
                  {d.canUndo && r.undoable ? <UndoButton auditId={r.id} action={r.action} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={d.page} hasNext={d.hasNext} />
    </>
  );
}

export const ErrorBoundary = RouteError;
