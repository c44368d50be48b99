import { Link, useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

/**
 * Where more figures come from, said to whoever reads an empty state: an analyst (or admin) gets a link to the web
 * import; a signed-in viewer is told who can import; a visitor may sign in as an analyst to do it. Signed-in pages
 * are never kept in the shared page cache, so a visitor's page never carries an analyst's link.
 */
export function ImportHint() {
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user ?? null;
  if (user && user.role !== "viewer")
    return (
      <span className="import-hint">
        <Link to="/import">Import articles</Link> that give them: upload files or paste an article's text.
      </span>
    );
  if (user) return <span className="import-hint">An analyst can import articles that give them.</span>;
  return (
    <span className="import-hint">
      Analysts can import articles that give them (<Link to="/login?next=/import">sign in</Link>).
    </span>
  );
}
