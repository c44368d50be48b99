import type { ReactNode } from "react";
import { ChartFrame } from "~/components/charts/ChartFrame";
import { ExportMenu } from "~/components/charts/ExportMenu";
import { FigureBarChart } from "~/components/charts/FigureBarChart";
import { FigureTable } from "~/components/charts/FigureTable";
import type { ChartSeries } from "~/models/charts.server";
import type { ConflictFigure } from "~/models/conflictTypes";

const EXPORT_NAME: Record<string, string> = {
  revenue: "revenue",
  revenue_change: "revenue-change",
  market_share: "market-share",
  sales_volume: "sales-volume",
};

/** What a chart's own page (routes/companies.$slug_.charts.$chart.tsx) gives a company page's lazy views. */
export interface ChartViewsData {
  series: ChartSeries;
  conflicts: Record<number, ConflictFigure[]>;
}

/**
 * One kind of figure on a company page: a chart per series (currency or unit), each with its table, sources and
 * exports, or a sentence saying what is missing. `conflicts` (analysts only) lets the table settle a flagged figure,
 * posting to `settleAction` when given. With `chartHref` the table and sources views are drawn only when opened,
 * from the chart's own page at that address (docs/decisions/039); the series' points then carry only the sources
 * the chart draws.
 */
export function FigureSection({
  title,
  series,
  empty,
  signColours = false,
  query,
  conflicts,
  settleAction,
  chartHref,
}: {
  title: string;
  series: ChartSeries[];
  empty: ReactNode;
  signColours?: boolean;
  /** The page's parameters, for the export links. */
  query: Record<string, string | undefined>;
  conflicts?: Record<number, ConflictFigure[]>;
  settleAction?: string;
  chartHref?: (id: string) => string;
}) {
  const settleHref = (s: ChartSeries) => `/review?company=${encodeURIComponent(query.company ?? "")}&kind=${s.kind}`;
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
            chart={(width) => (
              <FigureBarChart
                points={s.points}
                unit={s.unit}
                title={s.title}
                signColours={signColours}
                axis={s.axis}
                width={width}
              />
            )}
            {...(chartHref
              ? {
                  lazy: {
                    href: chartHref(s.id),
                    label: "the chart's own page",
                    views: (data: ChartViewsData) => ({
                      table: (
                        <FigureTable
                          points={data.series.points}
                          settleHref={settleHref(data.series)}
                          conflicts={data.conflicts}
                        />
                      ),
                      sources: data.series.points.flatMap((p) => p.sources),
                    }),
                  },
                }
              : {
                  table: (
                    <FigureTable
                      points={s.points}
                      settleHref={settleHref(s)}
                      conflicts={conflicts}
                      settleAction={settleAction}
                    />
                  ),
                  sources: s.points.flatMap((p) => p.sources),
                })}
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
