import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/Pager";
import { RouteError } from "~/components/RouteError";
import { auditPage } from "~/models/audit.server";
import { requireRole } from "~/sessions.server";
import { parseQuery } from "~/utils/params.server";
import { AUDIT_QUERY } from "~/utils/queries.server";

export const meta: MetaFunction = () => [{ title: "Audit trail — Financial figures" }];

/** Who changed what: open to every signed-in user, since it names people. */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = parseQuery(request, AUDIT_QUERY);
  await requireRole(request, "viewer", "The audit trail");
  return json(await auditPage(q.page));
}

export default function Audit() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit trail</h1>
      <p className="hint">
        <a href="/audit.csv" download>
          Download the trail as CSV
        </a>
      </p>
      {d.rows.length === 0 ? (
        <p className="empty">No changes yet.</p>
      ) : (
        <table className="audit">
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
                <td className="num">{r.at.slice(0, 19).replace("T", " ")}</td>
                <td>{r.userName}</td>
                <td>{r.action}</td>
                <td>{r.articleId ? <Link to={`/articles/${r.articleId}`}>{r.subject}</Link> : r.subject}</td>
                <td>
                  <ul className="audit-changes">
                    {r.changes.map((c) => (
                      <li key={c.field}>
                        <span className="audit-field">{c.field}</span>: {c.before || "—"} → {c.after || "—"}
                      </li>
                    ))}
                  </ul>
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
