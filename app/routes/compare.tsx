import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CompareForm } from "~/components/CompareForm";
import { ChartFrame } from "~/components/charts/ChartFrame";
import { CompareLineChart } from "~/components/charts/CompareLineChart";
import { CompareTable } from "~/components/charts/CompareTable";
import { ExportMenu } from "~/components/charts/ExportMenu";
import { ImportHint } from "~/components/ImportHint";
import { RouteError } from "~/components/RouteError";
import { UnknownCompanies } from "~/components/UnknownCompanies";
import { compareCompanies } from "~/models/compare.server";
import { resolveCompanyNames } from "~/models/search.server";
import { PERIOD_TYPE_WORDS } from "~/models/timeAxis";
import { requireReader } from "~/sessions.server";
import { parseQuery } from "~/utils/params.server";
import { COMPARE_QUERY } from "~/utils/queries.server";
import { suggestionLinks } from "~/utils/suggestionLinks.server";

export const meta: MetaFunction = () => [{ title: "Compare companies — Financial figures" }];

/** More lines than this on one chart cannot be told apart. */
const MAX_COMPANIES = 8;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireReader(request, "page");
  const q = parseQuery(request, COMPARE_QUERY);
  const typed = q.companies ?? [];
  const { companies, unknown } = await resolveCompanyNames(typed);
  // The order typed is the order of the legend.
  const shown = companies.slice(0, MAX_COMPANIES);
  return json({
    query: { metric: q.metric, mode: q.mode, periods: q.periods, from: q.from, to: q.to },
    // What the field shows again: the companies' own names once every name was found, else the words typed.
    field: unknown.length ? typed.join(", ") : shown.map((c) => c.name).join(", "),
    companies: shown.map((c) => ({ name: c.name, slug: c.slug })),
    left: companies.slice(MAX_COMPANIES).map((c) => c.name),
    unknown: suggestionLinks(request, "companies", unknown, (name, slug) =>
      typed.map((t) => (t === name ? slug : t)).join(","),
    ),
    charts: shown.length ? await compareCompanies(shown, q) : [],
  });
}

export default function Compare() {
  const d = useLoaderData<typeof loader>();
  const what = d.query.metric === "revenue" ? "revenue figures" : "revenue changes";
  const names = d.companies.map((c) => c.name).join(", ");
  return (
    <>
      <h1>Compare companies</h1>
      <CompareForm
        companies={d.field}
        metric={d.query.metric}
        mode={d.query.mode}
        periods={d.query.periods}
        from={d.query.from}
        to={d.query.to}
      />
      <UnknownCompanies names={d.unknown} />
      {d.left.length > 0 && (
        <p className="empty">
          At most {MAX_COMPANIES} companies fit on one chart: {d.left.join(", ")} {d.left.length === 1 ? "is" : "are"}{" "}
          left out.
        </p>
      )}
      {d.companies.length === 0 ? (
        d.unknown.length === 0 && (
          <p className="empty">
            Type the names of the companies to compare, separated by commas (suggestions appear as you type), for
            example <Link to="/compare?companies=Renault,Nissan&metric=revenue">Renault, Nissan</Link>.
          </p>
        )
      ) : d.charts.length === 0 ? (
        <p className="empty">
          The imported articles give no {what} of this kind of period (
          {PERIOD_TYPE_WORDS[d.query.periods].toLowerCase()}
          {d.query.from || d.query.to ? `, ${d.query.from ?? "…"}–${d.query.to ?? "…"}` : ""}) for {names}.{" "}
          <ImportHint />
        </p>
      ) : (
        d.charts.map((c) => (
          <ChartFrame
            key={c.id}
            id={c.id}
            title={c.title}
            description={[c.description, c.note].filter(Boolean).join(" ")}
            chart={(width) => <CompareLineChart chart={c} width={width} />}
            table={<CompareTable chart={c} />}
            sources={c.rows.flatMap((r) => Object.values(r.points).map((p) => p.source))}
            actions={
              <ExportMenu
                chart="compare"
                query={{
                  companies: d.companies.map((x) => x.slug).join(","),
                  metric: d.query.metric,
                  mode: d.query.mode,
                  periods: d.query.periods === "year" ? undefined : d.query.periods,
                  from: d.query.from?.toString(),
                  to: d.query.to?.toString(),
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
