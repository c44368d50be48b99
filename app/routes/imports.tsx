import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/RouteError";
import { importsPage } from "~/models/imports.server";
import { requireRole } from "~/sessions.server";

export const meta: MetaFunction = () => [{ title: "Imports — Financial figures" }];

/** The import queue: open to every signed-in user, as the audit trail is, since it names files on the server. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "viewer", "The imports page");
  return json(await importsPage());
}

const STATE_WORDS = { finished: "Finished", running: "Importing", waiting: "Waiting for a worker" } as const;
const when = (iso: string | null) => (iso ? iso.slice(0, 19).replace("T", " ") : "—");

export default function Imports() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Imports</h1>
      <p className="hint">
        Files queued by <code>npm run import</code> are read and stored by workers (<code>npm run worker</code>, or the
        import command itself). A file is stored once, whichever worker reads it; a worker that stops part way leaves
        its files to be read again. <Link to="/imports">Refresh</Link>
      </p>
      {d.runs.length === 0 ? (
        <p className="empty">No imports queued yet.</p>
      ) : (
        <table className="imports cards">
          <caption>Imports, newest first</caption>
          <thead>
            <tr>
              <th>Queued (UTC)</th>
              <th>State</th>
              <th className="num">Files</th>
              <th className="num">Waiting</th>
              <th className="num">Being read</th>
              <th className="num">Done</th>
              <th className="num">Failed</th>
            </tr>
          </thead>
          <tbody>
            {d.runs.map((r) => (
              <tr key={r.runId} data-run={r.runId}>
                <td className="num" data-label="Queued (UTC)">
                  {when(r.startedAt)}
                </td>
                <td data-label="State">{STATE_WORDS[r.state]}</td>
                <td className="num inline" data-label="Files">
                  {r.total}
                </td>
                <td className="num inline" data-label="Waiting">
                  {r.queued}
                </td>
                <td className="num inline" data-label="Being read">
                  {r.active}
                </td>
                <td className="num inline" data-label="Done">
                  {r.done}
                </td>
                <td className="num inline" data-label="Failed">
                  {r.failed}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Being read now</h2>
      {d.active.length === 0 ? (
        <p className="empty">No file is being read.</p>
      ) : (
        <ul className="imports-active">
          {d.active.map((j) => (
            <li key={`${j.runId}-${j.path}`}>
              {j.path}
              {j.attempts > 1 ? ` (attempt ${j.attempts}: a worker stopped while reading it)` : ""}
            </li>
          ))}
        </ul>
      )}
      <h2>Files that failed</h2>
      {d.failed.length === 0 ? (
        <p className="empty">No file failed.</p>
      ) : (
        <table className="imports-failed cards">
          <thead>
            <tr>
              <th>File</th>
              <th>Why</th>
              <th>When (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {d.failed.map((j) => (
              <tr key={`${j.runId}-${j.path}`}>
                <td data-label="File">{j.path}</td>
                <td data-label="Why">{j.reason ?? "failed"}</td>
                <td className="num" data-label="When (UTC)">
                  {when(j.finishedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
