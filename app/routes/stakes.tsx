import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ExportMenu } from "~/components/charts/ExportMenu";
import { Pager } from "~/components/Pager";
import { RouteError } from "~/components/RouteError";
import { StakeList } from "~/components/StakeList";
import { listStakes } from "~/models/stakes.server";
import { parseQuery } from "~/utils/params.server";
import { STAKES_QUERY } from "~/utils/queries.server";

export const meta: MetaFunction = () => [{ title: "Stakes — Financial figures" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const q = parseQuery(request, STAKES_QUERY);
  return json({ query: q, ...listStakes(q) });
}

export default function Stakes() {
  const d = useLoaderData<typeof loader>();
  const filtered = d.query.holder || d.query.held;
  return (
    <>
      <h1>Stakes</h1>
      <p className="subtle">
        Who holds what share of whom, with every article that says so. Where sources give different figures for the same
        holder, company and year, the rows are marked ⚠.
      </p>
      <Form method="get" className="filters">
        <label>
          Holder <input name="holder" defaultValue={d.query.holder ?? ""} placeholder="e.g. renault" />
        </label>
        <label>
          Company held <input name="held" defaultValue={d.query.held ?? ""} placeholder="e.g. nissan" />
        </label>
        <button type="submit">Filter</button>
      </Form>
      {d.unknownFilter ? (
        <p className="empty">
          No company called {d.query.holder && !d.holderName ? `"${d.query.holder}"` : `"${d.query.held}"`} has been
          imported. Company names in filters are written as in their address, e.g. <code>renault</code>.
        </p>
      ) : d.groups.length === 0 ? (
        <p className="empty">
          {filtered ? "No stakes match these filters." : "No stakes yet"} — import articles with{" "}
          <code>npm run import -- path/</code>.
        </p>
      ) : (
        <>
          <ExportMenu chart="stakes" query={{ holder: d.query.holder, held: d.query.held }} />
          <StakeList groups={d.groups} />
          <Pager page={d.page} hasNext={d.hasNext} />
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
