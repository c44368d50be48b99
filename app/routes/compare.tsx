import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ChartFrame } from "~/components/charts/ChartFrame";
import { CompareLineChart, CompareTable } from "~/components/charts/CompareLineChart";
import { ExportMenu } from "~/components/charts/ExportMenu";
import { RouteError } from "~/components/RouteError";
import { findCompanies } from "~/models/companies.server";
import { compareCompanies } from "~/models/compare.server";
import { badRequest, parseQuery } from "~/utils/params.server";
import { COMPARE_QUERY } from "~/utils/queries.server";

export const meta: MetaFunction = () => [{ title: "Compare companies — Financial figures" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const q = parseQuery(request, COMPARE_QUERY);
  const slugs = q.companies ?? [];
  const companies = findCompanies(slugs);
  const unknown = slugs.filter((s) => !companies.some((c) => c.slug === s));
  if (unknown.length) {
    throw json(
      { message: `No company called ${unknown.map((u) => `"${u}"`).join(", ")} has been imported.` },
      { status: 404 },
    );
  }
  if (q.companies && !companies.length) throw badRequest("Name at least one company.");
  // The order the user gave is the order of the legend.
  const ordered = slugs.map((s) => companies.find((c) => c.slug === s)!);
  return json({
    query: { ...q, companies: slugs },
    charts: compareCompanies(ordered, q.metric, q.mode),
    names: ordered.map((c) => c.name),
  });
}

export default function Compare() {
  const d = useLoaderData<typeof loader>();
  const what = d.query.metric === "revenue" ? "revenue" : "revenue changes";
  return (
    <>
      <h1>Compare companies</h1>
      <Form method="get" className="filters">
        <label>
          Companies{" "}
          <input name="companies" defaultValue={d.query.companies.join(",")} placeholder="renault,nissan" size={30} />
        </label>
        <label>
          Metric{" "}
          <select name="metric" defaultValue={d.query.metric}>
            <option value="revenue">Revenue</option>
            <option value="revenue_change">Revenue change</option>
          </select>
        </label>
        <label>
          Mode{" "}
          <select name="mode" defaultValue={d.query.mode}>
            <option value="absolute">Absolute</option>
            <option value="indexed">Indexed (first common year = 100)</option>
          </select>
        </label>
        <button type="submit">Compare</button>
      </Form>
      {d.query.companies.length === 0 ? (
        <p className="empty">
          Name the companies to compare, separated by commas, as in their address: e.g.{" "}
          <Link to="/compare?companies=renault,nissan&metric=revenue">renault,nissan</Link>.
        </p>
      ) : d.charts.length === 0 ? (
        <p className="empty">
          No full-year {what} for {d.names.join(", ")} yet — import articles with <code>npm run import -- path/</code>.
        </p>
      ) : (
        d.charts.map((c) => (
          <ChartFrame
            key={c.id}
            id={c.id}
            title={c.title}
            description={[c.description, c.note].filter(Boolean).join(" ")}
            chart={<CompareLineChart chart={c} />}
            table={<CompareTable chart={c} />}
            actions={
              <ExportMenu
                chart="compare"
                query={{
                  companies: d.query.companies.join(","),
                  metric: d.query.metric,
                  mode: d.query.mode,
                  unit: c.id.replace(/^compare-/, ""),
                }}
              />
            }
          />
        ))
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
