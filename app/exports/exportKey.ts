import type { ExportParams } from "~/models/exports.server";
import type { ExportChartName, ExportFormat } from "./formats";

/** The parsed query of an export URL (EXPORT_QUERY), defaults applied: what a chart draws, and a PNG's scale. */
export type ExportKeyParams = ExportParams & { scale: number };

/**
 * The export cache's key: the chart, the format and only the parameters that change what this export draws,
 * after parsing (so `periods=year` and no `periods` are one key). A parameter a chart ignores, such as `market` on
 * a revenue chart or `scale` on a CSV, would otherwise make a distinct URL render the same bytes again: an
 * attacker's way around the cache at up to a second of CPU a request. Which parameters each chart reads is
 * models/exports.server.ts's exportChart: market-share and stakes are drawn by year whatever `periods` says.
 */
export function exportKey(
  chart: ExportChartName | "deck",
  format: ExportFormat,
  q: ExportKeyParams,
  origin = "",
): string {
  const unit = q.unit?.toLowerCase();
  const used: Record<string, unknown> = (() => {
    switch (chart) {
      case "compare":
        // Company names are matched without regard to case.
        return {
          companies: q.companies?.map((c) => c.toLowerCase()),
          metric: q.metric,
          mode: q.mode,
          periods: q.periods === "part-year" ? "year" : q.periods,
          from: q.from,
          to: q.to,
          unit,
        };
      case "stakes":
        return q.company ? { company: q.company } : { holder: q.holder, held: q.held };
      case "market-share":
        return { company: q.company, market: q.market, unit };
      case "deck":
        // Every chart of the company, each reading its own parameters.
        return { company: q.company, periods: q.periods, from: q.from, to: q.to, market: q.market, unit };
      default:
        return { company: q.company, periods: q.periods, from: q.from, to: q.to, unit };
    }
  })();
  if (format === "png") used.scale = q.scale;
  // The data files hold absolute links: one origin's file is not another's.
  if (format === "csv" || format === "xlsx") used.origin = origin;
  return JSON.stringify([chart, format, used]);
}
