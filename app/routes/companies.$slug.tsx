import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ChartFrame } from "~/components/charts/ChartFrame";
import { FigureBarChart } from "~/components/charts/FigureBarChart";
import { FigureTable } from "~/components/charts/FigureTable";
import { RouteError } from "~/components/RouteError";
import { StakeList } from "~/components/StakeList";
import { type ChartSeries, companyCharts } from "~/models/charts.server";
import { findCompany } from "~/models/companies.server";
import { slugSchema } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.company.name} — Financial figures` : "Company not found — Financial figures" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug);
  const company = slug.success ? findCompany(slug.data) : null;
  if (!company) {
    throw json(
      { message: `No company called "${(params.slug ?? "").slice(0, 80)}" has been imported.` },
      { status: 404 },
    );
  }
  return json({ company: { name: company.name, slug: company.slug }, ...companyCharts(company) });
}

function Section({
  title,
  series,
  empty,
  signColours = false,
}: {
  title: string;
  series: ChartSeries[];
  empty: ReactNode;
  signColours?: boolean;
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
          />
        ))
      )}
    </section>
  );
}

export default function CompanyPage() {
  const d = useLoaderData<typeof loader>();
  const name = d.company.name;
  const nothing = (what: string) => (
    <>
      No {what} for {name} yet — import articles with <code>npm run import -- path/</code>.
    </>
  );
  return (
    <>
      <h1>{name}</h1>
      <p className="subtle">
        <Link to={`/facts?company=${d.company.slug}`}>All facts about {name}</Link> ·{" "}
        <Link to={`/stakes?holder=${d.company.slug}`}>Stakes it holds</Link> ·{" "}
        <Link to={`/compare?companies=${d.company.slug}&metric=revenue`}>Compare with others</Link>
      </p>
      <Section title="Revenue" series={d.revenue} empty={nothing("revenue figures")} />
      <Section title="Revenue change" series={d.revenueChange} empty={nothing("revenue changes")} signColours />
      <section>
        <h2>Stakes</h2>
        <h3>Stakes {name} holds</h3>
        {d.stakesHeld.length ? <StakeList groups={d.stakesHeld} /> : <p className="empty">{nothing("stakes held")}</p>}
        {d.moreStakesHeld > 0 && (
          <p>
            <Link to={`/stakes?holder=${d.company.slug}`}>{d.moreStakesHeld} more holdings on the stakes page</Link>
          </p>
        )}
        <h3>Stakes held in {name}</h3>
        {d.stakesIn.length ? (
          <StakeList groups={d.stakesIn} />
        ) : (
          <p className="empty">{nothing("stakes held in it")}</p>
        )}
        {d.moreStakesIn > 0 && (
          <p>
            <Link to={`/stakes?held=${d.company.slug}`}>{d.moreStakesIn} more holders on the stakes page</Link>
          </p>
        )}
      </section>
      <Section title="Market share" series={d.marketShare} empty={nothing("market shares")} />
      <Section title="Sales volumes" series={d.salesVolume} empty={nothing("sales volumes")} />
    </>
  );
}

export const ErrorBoundary = RouteError;
