import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ChartFrame } from "~/components/charts/ChartFrame";
import { ExportMenu } from "~/components/charts/ExportMenu";
import { FigureBarChart } from "~/components/charts/FigureBarChart";
import { FigureTable } from "~/components/charts/FigureTable";
import { RouteError } from "~/components/RouteError";
import { StakeCharts } from "~/components/StakeCharts";
import { StakeList } from "~/components/StakeList";
import { type ChartSeries, companyCharts } from "~/models/charts.server";
import { findCompany } from "~/models/companies.server";
import { requireReader } from "~/sessions.server";
import { parseQuery, slugSchema } from "~/utils/params.server";
import { COMPANY_QUERY } from "~/utils/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.company.name} — Financial figures` : "Company not found — Financial figures" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireReader(request, "page");
  const view = parseQuery(request, COMPANY_QUERY);
  const slug = slugSchema.safeParse(params.slug);
  const company = slug.success ? findCompany(slug.data) : null;
  if (!company) {
    throw json(
      { message: `No company called "${(params.slug ?? "").slice(0, 80)}" has been imported.` },
      { status: 404 },
    );
  }
  return json({ company: { name: company.name, slug: company.slug }, ...companyCharts(company, view) });
}

const EXPORT_NAME: Record<string, string> = {
  revenue: "revenue",
  revenue_change: "revenue-change",
  market_share: "market-share",
  sales_volume: "sales-volume",
};

function Section({
  title,
  series,
  empty,
  signColours = false,
  query,
}: {
  title: string;
  series: ChartSeries[];
  empty: ReactNode;
  signColours?: boolean;
  /** The page's parameters, for the export links. */
  query: Record<string, string | undefined>;
}) {
  return (
    <section>
      <h2>{title}</h2>
      {series.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        series.map((s) => (
          <ChartFrame
            key={s.id}
            id={s.id}
            title={s.title}
            description={s.description}
            chart={<FigureBarChart points={s.points} unit={s.unit} title={s.title} signColours={signColours} />}
            table={<FigureTable points={s.points} />}
            actions={
              <ExportMenu
                chart={EXPORT_NAME[s.kind]}
                query={{ ...query, unit: s.kind === "revenue" || s.kind === "sales_volume" ? s.unit : undefined }}
              />
            }
          />
        ))
      )}
    </section>
  );
}

export default function CompanyPage() {
  const d = useLoaderData<typeof loader>();
  const name = d.company.name;
  const query = { company: d.company.slug, periods: d.periods === "part-year" ? d.periods : undefined };
  const nothing = (what: string) => `None of the imported articles gives ${what} for ${name}.`;
  return (
    <>
      <h1>{name}</h1>
      <p className="subtle">
        <Link to={`/facts?company=${d.company.slug}`}>All facts about {name}</Link> ·{" "}
        <Link to={`/stakes?holder=${d.company.slug}`}>Stakes it holds</Link> ·{" "}
        <Link to={`/compare?companies=${d.company.slug}&metric=revenue`}>Compare with others</Link> ·{" "}
        <a href={`/export/deck.pptx?company=${d.company.slug}`} download>
          All charts as a PowerPoint deck
        </a>
      </p>
      <nav className="view-switch" aria-label="Periods shown">
        {d.periods === "year" ? (
          <strong>Full years</strong>
        ) : (
          <Link to={`/companies/${d.company.slug}`}>Full years</Link>
        )}
        {" · "}
        {d.periods === "part-year" ? (
          <strong>Quarters and part-years</strong>
        ) : d.hasPartYears ? (
          <Link to={`/companies/${d.company.slug}?periods=part-year`}>Quarters and part-years</Link>
        ) : (
          <span className="subtle">no quarterly or part-year figures</span>
        )}
      </nav>
      <Section
        title="Revenue"
        series={d.revenue}
        empty={nothing(d.periods === "part-year" ? "quarterly or part-year revenue" : "full-year revenue")}
        query={query}
      />
      <Section
        title="Revenue change"
        series={d.revenueChange}
        empty={nothing(
          d.periods === "part-year" ? "quarterly or part-year revenue changes" : "full-year revenue changes",
        )}
        signColours
        query={query}
      />
      <section>
        <h2>Stakes</h2>
        <h3>Stakes {name} holds</h3>
        {d.stakesHeld.length + d.stakesIn.length > 0 && (
          <ExportMenu chart="stakes" query={{ company: d.company.slug }} />
        )}
        {d.stakesHeld.length ? (
          <>
            <StakeList groups={d.stakesHeld} />
            <StakeCharts groups={d.stakesHeld} />
          </>
        ) : (
          <p className="empty">{`None of the imported articles says ${name} holds a stake in another company.`}</p>
        )}
        {d.moreStakesHeld > 0 && (
          <p>
            <Link to={`/stakes?holder=${d.company.slug}`}>{d.moreStakesHeld} more holdings on the stakes page</Link>
          </p>
        )}
        <h3>Stakes held in {name}</h3>
        {d.stakesIn.length ? (
          <>
            <StakeList groups={d.stakesIn} />
            <StakeCharts groups={d.stakesIn} />
          </>
        ) : (
          <p className="empty">{`None of the imported articles says another company holds a stake in ${name}.`}</p>
        )}
        {d.moreStakesIn > 0 && (
          <p>
            <Link to={`/stakes?held=${d.company.slug}`}>{d.moreStakesIn} more holders on the stakes page</Link>
          </p>
        )}
      </section>
      <Section
        title="Market share"
        series={d.marketShare}
        empty={nothing("a market share")}
        query={{ ...query, market: d.market ?? undefined }}
      />
      {d.markets.length > 1 && (
        <nav className="view-switch" aria-label="Markets">
          Other markets:{" "}
          {d.markets
            .filter((m) => m !== d.market)
            .slice(0, 20)
            .map((m, i) => (
              <span key={m}>
                {i > 0 ? " · " : ""}
                <Link
                  to={`/companies/${d.company.slug}?${new URLSearchParams({ ...(d.periods === "part-year" ? { periods: d.periods } : {}), market: m })}`}
                >
                  {m}
                </Link>
              </span>
            ))}
        </nav>
      )}
      <Section title="Sales volumes" series={d.salesVolume} empty={nothing("sales volumes")} query={query} />
    </>
  );
}

export const ErrorBoundary = RouteError;
