import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FactTable } from "~/components/FactTable";
import { Pager } from "~/components/Pager";
import { RouteError } from "~/components/RouteError";
import { queryFacts } from "~/models/facts.server";
import { FACT_KINDS, FACT_SORTS, STATUSES } from "~/models/types";
import { parseQuery } from "~/utils/params.server";
import { FACTS_QUERY } from "~/utils/queries.server";

export const meta: MetaFunction = () => [{ title: "All facts — Financial figures" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const q = parseQuery(request, FACTS_QUERY);
  return json({ query: q, ...queryFacts(q) });
}

export default function Facts() {
  const d = useLoaderData<typeof loader>();
  const q = d.query;
  return (
    <>
      <h1>All facts</h1>
      <Form method="get" className="filters">
        <label>
          Kind{" "}
          <select name="kind" defaultValue={q.kind ?? ""}>
            <option value="">any</option>
            {FACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          Company <input name="company" defaultValue={q.company ?? ""} placeholder="e.g. renault" />
        </label>
        <label>
          Year <input name="year" defaultValue={q.year ?? ""} inputMode="numeric" size={6} />
        </label>
        <label>
          Status{" "}
          <select name="status" defaultValue={q.status ?? ""}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by{" "}
          <select name="sort" defaultValue={q.sort}>
            {FACT_SORTS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order{" "}
          <select name="dir" defaultValue={q.dir}>
            <option value="asc">ascending</option>
            <option value="desc">descending</option>
          </select>
        </label>
        <button type="submit">Show</button>
      </Form>
      {q.company && d.companyName === null ? (
        <p className="empty">
          No company called "{q.company}" has been imported. Company names in filters are written as in their address,
          e.g. <code>renault</code>.
        </p>
      ) : d.facts.length === 0 ? (
        <p className="empty">
          No facts match — change the filters, or import articles with <code>npm run import -- path/</code>.
        </p>
      ) : (
        <>
          <FactTable facts={d.facts} />
          <Pager page={d.page} hasNext={d.hasNext} />
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
