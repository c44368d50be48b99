import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FigureSection } from "~/components/FigureSection";
import { RouteError } from "~/components/RouteError";
import { companyCharts } from "~/models/charts.server";
import { findCompany } from "~/models/companies.server";
import { pointConflicts } from "~/models/figureConflicts.server";
import { requireReader } from "~/sessions.server";
import { badRequest, parseQuery, slugSchema } from "~/utils/params.server";
import { COMPANY_QUERY } from "~/utils/queries.server";

const KIND_TITLE: Record<string, string> = {
  revenue: "Revenue",
  revenue_change: "Revenue change",
  market_share: "Market share",
  sales_volume: "Sales volumes",
};

/** A chart's id on its company page ("revenue-eur-actual"): what `slugPart` makes of its kind, unit and class. */
const chartSchema = z
  .string()
  .max(200, "a chart's name is at most 200 characters")
  .regex(/^[a-z0-9-]+$/, "a chart's name is lowercase letters, digits and hyphens");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.series.title} — Financial figures` : "Chart not found — Financial figures" },
];

/**
 * One chart of a company page with its table and sources views in full: where the company page's views lead
 * without scripts, and what they load with them (docs/decisions/039). Takes the company page's own query, so the
 * chart is the one drawn there (the same periods, years and market).
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await requireReader(request, "page");
  const view = parseQuery(request, COMPANY_QUERY);
  const chart = chartSchema.safeParse(params.chart);
  if (!chart.success) throw badRequest(`Invalid chart name: ${chart.error.issues[0].message}.`);
  const slug = slugSchema.safeParse(params.slug);
  const company = slug.success ? await findCompany(slug.data) : null;
  if (!company) {
    throw json(
      { message: `No company called "${(params.slug ?? "").slice(0, 80)}" has been imported.` },
      { status: 404 },
    );
  }
  const charts = await companyCharts(company, view);
  const series = [...charts.revenue, ...charts.revenueChange, ...charts.marketShare, ...charts.salesVolume].find(
    (s) => s.id === chart.data,
  );
  if (!series) {
    throw json(
      { message: `${company.name}'s page has no chart "${chart.data.slice(0, 80)}" for these periods.` },
      { status: 404 },
    );
  }
  const canEdit = user?.role === "analyst" || user?.role === "admin";
  const search = new URL(request.url).search;
  return json({
    company: { name: company.name, slug: company.slug },
    series,
    conflicts: canEdit ? await pointConflicts(series.points) : {},
    // The export links keep the page's view, as the company page's do.
    query: {
      company: company.slug,
      periods: charts.periods === "year" ? undefined : charts.periods,
      from: charts.range.from?.toString(),
      to: charts.range.to?.toString(),
      market: series.kind === "market_share" ? (charts.market ?? undefined) : undefined,
    },
    back: `/companies/${company.slug}${search}`,
  });
}

export default function CompanyChart() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{d.company.name}</h1>
      <p className="subtle">
        <Link to={d.back}>Back to {d.company.name}'s page</Link>
      </p>
      <FigureSection
        title={KIND_TITLE[d.series.kind]}
        series={[d.series]}
        empty={null}
        signColours={d.series.kind === "revenue_change"}
        query={d.query}
        conflicts={d.conflicts}
        // Settling posts to the company page's action, which leads back to the company page.
        settleAction={d.back}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
