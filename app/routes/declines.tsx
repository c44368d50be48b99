import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CompareForm } from "~/components/CompareForm";
import { ChartFrame } from "~/components/charts/ChartFrame";
import { FigureTable } from "~/components/charts/FigureTable";
import { RankedBarChart } from "~/components/charts/RankedBarChart";
import { FigureSources } from "~/components/FigureSources";
import { ImportHint } from "~/components/ImportHint";
import { SubmitButton } from "~/components/Pending";
import { PeriodFields } from "~/components/PeriodFields";
import { RouteError } from "~/components/RouteError";
import { CHARTED_DECLINES, declinePoints } from "~/models/declines";
import { largestDeclines } from "~/models/declines.server";
import { PERIOD_TYPE_WORDS } from "~/models/timeAxis";
import { requireReader } from "~/sessions.server";
import { formatFigure } from "~/utils/format";
import { parseQuery } from "~/utils/params.server";
import { DECLINES_QUERY } from "~/utils/queries.server";

export const meta: MetaFunction = () => [{ title: "Largest revenue declines — Financial figures" }];

/** Companies the comparison form is filled with: the two largest declines, as the page's title promises. */
const COMPARED = 2;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireReader(request, "page");
  const q = parseQuery(request, DECLINES_QUERY);
  return json(await largestDeclines(q.periods, q.year));
}

export default function Declines() {
  const d = useLoaderData<typeof loader>();
  const periodWords = PERIOD_TYPE_WORDS[d.periods].toLowerCase();
  const when = d.year === null ? "in any year" : `in ${d.year}`;
  const leaders = [...new Set(d.rows.map((r) => r.company))].slice(0, COMPARED);
  const points = declinePoints(d.rows, d.year === null);
  const chartTitle = `Largest revenue declines, ${periodWords} ${when}, %`;
  return (
    <>
      <h1>Largest revenue declines</h1>
      <p className="subtle">
        Each company's revenue change for one kind of period (never full years beside quarters), the figure its charts
        draw for the period, largest decline first; a range is ranked by its middle. Each decline names what it is
        measured against.
      </p>
      <Form method="get" className="filters declines-form" key={`${d.periods}-${d.year}`}>
        {/* The company pages' kind-of-period selector; the year is one year here, not a range. */}
        <PeriodFields periods={d.periods} range={false} available={d.available} />
        <label>
          Year{" "}
          <select name="year" defaultValue={d.year ?? ""}>
            <option value="">All years</option>
            {/* A year asked for in the URL stays choosable even when nothing declined in it. */}
            {[...new Set([...(d.year === null ? [] : [d.year]), ...d.years])]
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </label>
        <SubmitButton pending="Showing…">Show</SubmitButton>
      </Form>
      {d.rows.length === 0 ? (
        <p className="empty">
          None of the imported articles gives a revenue decline for {periodWords} {when}. <ImportHint />
        </p>
      ) : (
        <>
          <h2>
            {PERIOD_TYPE_WORDS[d.periods]} {when}
          </h2>
          {leaders.length > 1 && (
            <section aria-label="Compare the largest declines">
              <p>Compare the {leaders.length} largest declines over time (you can change the companies):</p>
              <CompareForm
                companies={leaders.join(", ")}
                metric="revenue_change"
                periods={d.periods}
                submit="Compare these companies"
              />
            </section>
          )}
          <ChartFrame
            id="declines-chart"
            title={chartTitle}
            description={`The ${Math.min(d.rows.length, CHARTED_DECLINES)} largest declines of the list below, in percent; forecasts and targets hatched.`}
            chart={(width) => (
              <RankedBarChart points={points} unit="percent" title={chartTitle} signColours width={width} />
            )}
            table={<FigureTable points={points} />}
            sources={points.flatMap((p) => p.sources)}
          />
          <table className="fact-table declines-table cards">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Company</th>
                <th>Period</th>
                <th className="num">Change</th>
                <th>Against</th>
                <th>Status</th>
                <th>Sources</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r, i) => (
                <tr key={`${r.slug}-${r.label}`} data-company={r.slug} data-period={r.label}>
                  <td className="num" data-label="Rank">
                    {i + 1}
                  </td>
                  <td data-label="Company">
                    <Link to={`/companies/${r.slug}${d.periods === "year" ? "" : `?periods=${d.periods}`}`}>
                      {r.company}
                    </Link>
                  </td>
                  <td data-label="Period">{r.label}</td>
                  <td className="num" data-label="Change">
                    {formatFigure({ ...r, unit: "percent" })}
                  </td>
                  <td data-label="Against">{r.base ? `vs ${r.base}` : "base not given"}</td>
                  <td data-label="Status" className={`status-${r.status}`}>
                    {r.status}
                  </td>
                  <td data-label="Sources" className="quote">
                    <FigureSources
                      sources={r.sources}
                      count={r.sourceCount}
                      more={`/facts?kind=revenue_change&company=${r.slug}&year=${r.year}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
