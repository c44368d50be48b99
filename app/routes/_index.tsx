import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CompareForm } from "~/components/CompareForm";
import { ChartFrame } from "~/components/charts/ChartFrame";
import { FigureTable } from "~/components/charts/FigureTable";
import { RankedBarChart } from "~/components/charts/RankedBarChart";
import { ImportHint } from "~/components/ImportHint";
import { RouteError } from "~/components/RouteError";
import { recentArticles } from "~/models/articles.server";
import { companySummaries } from "~/models/companies.server";
import { latestRevenueChanges } from "~/models/overview.server";
import { PERIOD_TYPE_WORDS, type PeriodType } from "~/models/timeAxis";
import { requireReader } from "~/sessions.server";

export const meta: MetaFunction = () => [{ title: "Financial figures" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireReader(request, "page");
  return json({
    companies: await companySummaries(100),
    articles: await recentArticles(10),
    changes: await latestRevenueChanges(20),
  });
}

const KINDS = [
  ["revenue", "Revenue"],
  ["revenue_change", "Change"],
  ["stake", "Stakes"],
  ["market_share", "Share"],
  ["sales_volume", "Volumes"],
] as const;

/** The home chart's title and description say which one kind of period it ranks. */
const PERIOD_ADJECTIVE: Record<PeriodType, string> = {
  year: "full-year",
  half: "half-year",
  quarter: "quarterly",
  "nine-months": "nine-month",
};
const PERIOD_NOUN: Record<PeriodType, string> = {
  year: "full year",
  half: "half year",
  quarter: "quarter",
  "nine-months": "nine months",
};

export default function Index() {
  const { companies, articles, changes } = useLoaderData<typeof loader>();
  const title = `Latest ${PERIOD_ADJECTIVE[changes.periods]} revenue change by company, %`;
  return (
    <>
      <h1>Financial figures from the news</h1>
      <nav className="subtle">
        <Link to="/compare">Compare companies</Link> · <Link to="/declines">Largest revenue declines</Link> ·{" "}
        <Link to="/stakes">Stakes</Link> · <Link to="/facts">All facts</Link>
      </nav>
      <h2>Compare companies</h2>
      <CompareForm />
      <h2>Latest revenue change by company</h2>
      <p className="subtle">
        <Link to="/declines">The largest revenue declines</Link>, by year and kind of period, with what each is measured
        against.
      </p>
      {changes.points.length ? (
        <ChartFrame
          id="latest-revenue-changes"
          title={title}
          description={`Each company's most recent revenue change over a ${PERIOD_NOUN[changes.periods]}, in percent, largest decline first; declines in red, growth in green, forecasts hatched. Only ${PERIOD_TYPE_WORDS[changes.periods].toLowerCase()}, the kind most companies report, so no quarter is ranked against a year.`}
          chart={(width) => (
            <RankedBarChart points={changes.points} unit="percent" title={title} signColours width={width} />
          )}
          table={<FigureTable points={changes.points} />}
          sources={changes.points.flatMap((p) => p.sources)}
        />
      ) : (
        <p className="empty">
          None of the imported articles gives a revenue change yet. <ImportHint />
        </p>
      )}
      <h2>Companies</h2>
      {companies.length === 0 ? (
        <p className="empty">
          No articles with figures about companies have been imported yet. <ImportHint />
        </p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>Company</th>
                {KINDS.map(([, label]) => (
                  <th key={label} className="num">
                    {label}
                  </th>
                ))}
                <th>Years</th>
              </tr>
            </thead>
            <tbody>
              {companies.map((c) => (
                <tr key={c.slug}>
                  <td>
                    <Link to={`/companies/${c.slug}`}>{c.name}</Link>
                  </td>
                  {KINDS.map(([kind]) => (
                    <td key={kind} className="num">
                      {c.byKind[kind] || ""}
                    </td>
                  ))}
                  <td>
                    {c.firstYear === null
                      ? "—"
                      : c.firstYear === c.lastYear
                        ? c.firstYear
                        : `${c.firstYear}–${c.lastYear}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Recent articles</h2>
      {articles.length === 0 ? (
        <p className="empty">
          No articles have been imported yet. <ImportHint />
        </p>
      ) : (
        <ul className="article-list">
          {articles.map((a) => (
            <li key={a.id}>
              <Link to={`/articles/${a.id}`}>{a.title}</Link>{" "}
              <span className="subtle">
                {a.publishedYear ?? "year unknown"} · {a.factCount} {a.factCount === 1 ? "fact" : "facts"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
