import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { CompareChart, ComparePoint } from "~/models/compare.server";
import { sourceHref } from "~/models/types";
import { formatFigure, formatTick } from "~/utils/format";
import { COLOURS, SERIES_COLOURS } from "./palette";

type Row = { year: number; points: Record<string, ComparePoint> } & Record<string, unknown>;

function CompareTooltip({
  active,
  payload,
  label,
  chart,
}: {
  active?: boolean;
  payload?: Array<{ payload?: Row }>;
  label?: number;
  chart: CompareChart;
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip" role="status">
      <p>
        <strong>{label}</strong>
      </p>
      {chart.companies.map((c) => {
        const p = row.points[c.slug];
        if (!p) return null;
        const shown = chart.unit === "index" ? `${p.value} (index)` : formatFigure({ ...p, unit: chart.unit });
        return (
          <div key={c.slug}>
            <p>
              {c.name}: {shown}
              {p.status !== "actual" ? ` (${p.status})` : ""}
            </p>
            <blockquote>{p.source.quote}</blockquote>
          </div>
        );
      })}
    </div>
  );
}

/** Several companies over the years, one line each, on one unit; clicking a point opens its source. */
export function CompareLineChart({
  chart,
  width = 720,
  height = 340,
  interactive = true,
  fontSize = 12,
}: {
  chart: CompareChart;
  width?: number;
  height?: number;
  interactive?: boolean;
  fontSize?: number;
}) {
  const rows: Row[] = chart.rows.map((r) => ({
    ...Object.fromEntries(Object.entries(r.points).map(([slug, p]) => [slug, p.value])),
    year: r.year,
    points: r.points,
  }));
  return (
    <LineChart
      width={width}
      height={height}
      data={rows}
      margin={{ top: 16, right: 24, bottom: 8, left: 16 }}
      style={{ width: "100%", maxWidth: width, height: "auto" }}
      role="img"
      aria-label={chart.title}
      // A click opens the source of the first company with a figure that year; the table links every one.
      onClick={
        interactive
          ? (state: { activePayload?: Array<{ payload?: Row }> } | null) => {
              const row = state?.activePayload?.[0]?.payload;
              const first = row && Object.values(row.points)[0];
              if (first) window.location.assign(sourceHref(first.source));
            }
          : undefined
      }
    >
      <CartesianGrid strokeDasharray="3 3" stroke={COLOURS.grid} />
      {/* Every tick on both axes: see FigureBarChart. */}
      <XAxis dataKey="year" type="category" interval={0} tick={{ fontSize }} />
      <YAxis
        interval={0}
        tickFormatter={(v: number) => formatTick(v, chart.unit)}
        tick={{ fontSize }}
        width={fontSize * 5.5}
      />
      {interactive && <Tooltip content={<CompareTooltip chart={chart} />} />}
      <Legend wrapperStyle={{ fontSize }} />
      {chart.companies.map((c, i) => (
        <Line
          key={c.slug}
          dataKey={c.slug}
          name={c.name}
          stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
          dot={{ r: 4 }}
          activeDot={interactive ? { r: 6, cursor: "pointer" } : false}
        />
      ))}
    </LineChart>
  );
}

/** The comparison as a table: a row per year, a column per company. */
export function CompareTable({ chart }: { chart: CompareChart }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Year</th>
          {chart.companies.map((c) => (
            <th key={c.slug}>{c.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {chart.rows.map((r) => (
          <tr key={r.year}>
            <td>{r.year}</td>
            {chart.companies.map((c) => {
              const p = r.points[c.slug];
              return (
                <td key={c.slug} className="num">
                  {p ? (
                    <a href={sourceHref(p.source)} title={p.source.quote}>
                      {chart.unit === "index" ? String(p.value) : formatFigure({ ...p, unit: chart.unit })}
                      {p.status !== "actual" ? ` (${p.status})` : ""}
                    </a>
                  ) : (
                    "—"
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
