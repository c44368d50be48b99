import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CompareForm } from "~/components/CompareForm";
import { ChartFrame } from "~/components/charts/ChartFrame";
import { FigureTable } from "~/components/charts/FigureTable";
import { RankedBarChart } from "~/components/charts/RankedBarChart";
import { ImportHint } from "~/components/ImportHint";
import { SubmitButton } from "~/components/Pending";
import { PeriodFields } from "~/components/PeriodFields";
import { RouteError } from "~/components/RouteError";
import { recentArticles } from "~/models/articles.server";
import { companySummaries } from "~/models/companies.server";
import { latestRevenueChanges } from "~/models/overview.server";
import { PERIOD_TYPE_WORDS, type PeriodType } from "~/models/timeAxis";
import { requireReader } from "~/sessions.server";
import { parseKnownQuery } from "~/utils/params.server";
import { HOME_QUERY } from "~/utils/queries.server";

export const meta: MetaFunction = () => [{ title: "Financial figures" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireReader(request, "page");
  // Links from mail and feeds add tracking parameters to the home page: it reads `periods` and ignores the rest.
  const { periods } = parseKnownQuery(request, HOME_QUERY);
  return json({
    // Joint holders stored in either order are one row, as on the stakes pages.
    companies: await companySummaries(100, true),
    articles: await recentArticles(10),
    changes: await latestRevenueChanges(20, periods),
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
  "nine-months": "nine-month period",
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
        {/* Of the kind of period the chart below shows, so an analyst looking at quarters lands on quarters. */}
        <Link to={changes.periods === "year" ? "/declines" : `/declines?periods=${changes.periods}`}>
          The largest revenue declines
        </Link>
        , by year and kind of period, with what each is measured against.
      </p>
      {/* The company pages' selector, without years: a GET form, so the choice lives in the URL. The page stays
          where it is, on the chart, rather than jumping to the top. */}
      {changes.available.length > 0 && (
        <Form
          method="get"
          action="/"
          preventScrollReset
          className="filters period-form"
          aria-label="Periods ranked"
          key={changes.periods}
        >
          <PeriodFields periods={changes.periods} available={changes.available} range={false} />
          <SubmitButton pending="Showing…">Show</SubmitButton>
        </Form>
      )}
      {changes.points.length ? (
        <ChartFrame
          id="latest-revenue-changes"
          title={title}
          description={`Each company's most recent revenue change over a ${PERIOD_NOUN[changes.periods]}, in percent, largest decline first; declines in red, growth in green, forecasts hatched. Only ${PERIOD_TYPE_WORDS[changes.periods].toLowerCase()}, so no quarter is ranked against a year (the kind most companies report, unless another is picked above); each bar names its company's latest period.`}
          chart={(width) => (
            <RankedBarChart points={changes.points} unit="percent" title={title} signColours width={width} />
          )}
          table={<FigureTable points={changes.points} />}
          sources={changes.points.flatMap((p) => p.sources)}
        />
      ) : null}
      {changes.points.length ? (
        <Disagreeing points={changes.points} />
      ) : (
        <p className="empty">
          {changes.available.length
            ? `None of the imported articles gives a revenue change for ${PERIOD_NOUN[changes.periods]}s: pick another kind of period.`
            : "None of the imported articles gives a revenue change yet."}{" "}
          <ImportHint />
        </p>
      )}
      <h2>Companies</h2>
      {companies.length === 0 ? (
        <p className="empty">
          No articles with figures about companies have been imported yet. <ImportHint />
        </p>
      ) : (
        <table className="cards company-list">
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
                {KINDS.map(([kind, label]) => (
                  <td key={kind} className="num inline" data-label={label}>
                    {c.byKind[kind] || null}
                  </td>
                ))}
                <td className="inline" data-label="Years">
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

/**
 * How many of the ranked figures have sources that disagree (another article gives the same company, period and
 * status another value), each company linked to the review queue of its changes, where an analyst confirms one.
 */
function Disagreeing({ points }: { points: ReturnType<typeof useLoaderData<typeof loader>>["changes"]["points"] }) {
  const flagged = points.filter((p) => p.disagreeing > 0);
  if (!flagged.length) {
    return <p className="subtle disagreeing">The sources agree on every figure ranked here.</p>;
  }
  return (
    <p className="disagreeing" data-count={flagged.length}>
      ⚠ Sources disagree on {flagged.length} of the {points.length} figures ranked:{" "}
      {flagged.map((p, i) => (
        <span key={p.label}>
          {i > 0 ? ", " : ""}
          <Link to={p.settleHref ?? "/review?kind=revenue_change"}>
            {p.label} ({p.disagreeing} {p.disagreeing === 1 ? "source gives" : "sources give"} another figure)
          </Link>
        </span>
      ))}
      . Each link opens the review queue, where an analyst compares the figures and confirms one.
    </p>
  );
}

export const ErrorBoundary = RouteError;
