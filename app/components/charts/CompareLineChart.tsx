import {
  Area,
  CartesianGrid,
  ComposedChart,
  Customized,
  ErrorBar,
  LabelList,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { CompareChart, ComparePoint } from "~/models/compare.server";
import { timeDomain, timeLabel, timeTicks } from "~/models/timeAxis";
import { sourceHref } from "~/models/types";
import { formatFigure, formatTick, oneLine } from "~/utils/format";
import { CHECKED_WORDS, CheckedGlyph, checkedLegend } from "./CheckedGlyph";
import { labelPlaces, placeKey, pointText } from "./compareLabels";
import { type CompareRowData, compareRows, seriesKeys } from "./compareRows";
import { charWidth, labelEvery, valueAxisWidth } from "./layout";
import { niceLogScale, niceScale } from "./niceScale";
import { COLOURS, SERIES_COLOURS } from "./palette";

type Row = CompareRowData;

/** A comparison's figure in words: an index as "112 (index)", else as the figure with its unit. */
export const shown = (chart: CompareChart, p: ComparePoint) =>
  chart.unit === "index" ? `${p.value} (index)` : formatFigure({ ...p, unit: chart.unit });

function CompareTooltip({
  active,
  payload,
  chart,
}: {
  active?: boolean;
  payload?: Array<{ payload?: Row }>;
  chart: CompareChart;
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip" role="status">
      <p>
        <strong>{row.label}</strong>
      </p>
      {chart.companies.map((c) => {
        const p = row.points[c.slug];
        if (!p) return null;
        return (
          <div key={c.slug}>
            <p>
              {c.name}: {shown(chart, p)}
              {p.status !== "actual" ? ` (${p.status})` : ""}
              {p.base ? ` vs ${p.base}` : ""}
              {p.source.checked ? ` ✓ ${CHECKED_WORDS[p.source.checked]}` : ""}
            </p>
            <blockquote>{p.source.quote}</blockquote>
          </div>
        );
      })}
    </div>
  );
}

/** recharts hands a dot its position, the row it stands for and the series' key. */
interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Row;
  dataKey?: string;
}

/**
 * Several companies over time, on one unit and one kind of period, on a real time axis: solid lines join actual
 * figures, dashed lines forecasts and targets (hollow points), a shaded band spans a range, and a period without a
 * figure breaks the line. A change against an earlier base than the period before is a point apart, joined back
 * to its base by a dashed line labelled "vs 2007". Clicking a point opens its source, and on a page each point takes
 * keyboard focus. Pages (at their own width, via ChartFrame) and exports draw it; time labels thin out to fit.
 */
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
  const rows = compareRows(chart);
  const first = chart.rows[0]?.t ?? 0;
  const last = chart.rows.at(-1)?.t ?? 0;
  const values = chart.rows.flatMap((r) =>
    Object.values(r.points).flatMap((p) => (chart.unit === "index" ? [p.value] : [p.low, p.high])),
  );
  // A twentieth of the span beyond each end away from zero, so a point at the extreme is not drawn on the axis
  // line itself (and positive figures never get a negative tick).
  const [lo, hi] = [Math.min(0, ...values), Math.max(0, ...values)];
  const pad = (hi - lo) / 20;
  // The model says when figures span orders of magnitude (then each tick is ten times the one below).
  const log = chart.scale === "log";
  const scale = log ? niceLogScale(values) : niceScale([...values, lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0]);
  const yWidth = valueAxisWidth(Math.max(...scale.ticks.map((v) => formatTick(v, chart.unit).length)), fontSize);
  const ticks = timeTicks(first, last, chart.periods);
  const every = labelEvery(
    ticks.length,
    Math.max(...ticks.map((t) => timeLabel(t, chart.periods).length)),
    fontSize,
    width - 40 - yWidth,
  );
  const anyChecked = chart.rows.some((r) => Object.values(r.points).some((p) => p.source.checked));
  // A line more at the top for the check mark's legend, and one for figures written above the highest point.
  const top = fontSize * (anyChecked ? 3 : 1.5) + fontSize;
  // The plot's height as recharts will lay it out, less the legend (about two lines; recharts measures it only in a
  // browser), so a figure's room below its point is never over-estimated.
  const plotHeight = height - top - 8 - fontSize * 2.5 - fontSize * 2;
  const [d0, d1] = scale.domain;
  const toY = (v: number) =>
    log
      ? ((Math.log10(d1) - Math.log10(Math.max(v, d0))) / (Math.log10(d1) - Math.log10(d0))) * plotHeight
      : ((d1 - v) / (d1 - d0 || 1)) * plotHeight;
  const places = labelPlaces(chart, { width: width - 40 - yWidth, height: plotHeight, y: toY }, fontSize);
  const dot =
    (colour: string, hollow: boolean | "by-status") =>
    ({ cx, cy, payload, dataKey }: DotProps) => {
      if (cx == null || cy == null || !payload) return <g key={`${dataKey}-none`} />;
      const slug = chart.companies[Number(String(dataKey).slice(1))]?.slug ?? "";
      const p = payload.points[slug];
      const open = hollow === "by-status" ? p?.status !== "actual" : hollow;
      const checked = p?.source.checked ?? null;
      const circle = (
        <circle
          key={`${dataKey}-${payload.t}`}
          className="compare-point"
          cx={cx}
          cy={cy}
          r={fontSize / 3}
          fill={open ? "#ffffff" : colour}
          stroke={colour}
          strokeWidth={2}
          data-company={slug}
          data-t={payload.t}
          data-status={p?.status}
          data-checked={checked ?? undefined}
          {...(interactive && p
            ? {
                tabIndex: 0,
                role: "link",
                "aria-label": `${chart.companies.find((c) => c.slug === slug)?.name}, ${payload.label}: ${shown(chart, p)}${p.status !== "actual" ? ` (${p.status})` : ""}${checked ? `, ${CHECKED_WORDS[checked]}` : ""}, open its sentence`,
                "data-href": sourceHref(p.source),
              }
            : {})}
        />
      );
      // The figure beside the point, where labelPlaces put it; the dashed line repeats the actual figure it starts
      // from, which its own line writes.
      const place =
        p && !(String(dataKey).startsWith("f") && p.status === "actual")
          ? places.get(placeKey(slug, payload.t))
          : undefined;
      const text = place && p ? pointText(chart, p) : "";
      // Beyond a range's whisker, at its end on the label's side (the whisker's length as the plot's scale gives it).
      const whisker =
        p && place && chart.unit !== "index"
          ? Math.max(0, place === "above" ? toY(p.value) - toY(p.high) : toY(p.low) - toY(p.value))
          : 0;
      const baseline = place === "above" ? cy - whisker - fontSize * 0.8 : cy + whisker + fontSize * 1.6;
      if (!checked && !text) return circle;
      return (
        <g key={`${dataKey}-${payload.t}-labelled`}>
          {circle}
          {text ? (
            <text
              className="point-value"
              x={cx}
              y={baseline}
              textAnchor="middle"
              fontSize={fontSize}
              fill={COLOURS.text}
            >
              {text}
            </text>
          ) : null}
          {/* The mark after the figure when it is written, else to the point's lower right, where a line's label
              (above, for points apart) is not. */}
          {checked ? (
            text ? (
              <CheckedGlyph
                x={cx + (text.length * charWidth(fontSize)) / 2 + fontSize * 0.7}
                y={baseline - fontSize * 0.35}
                size={fontSize * 0.9}
                state={checked}
              />
            ) : (
              <CheckedGlyph x={cx + fontSize} y={cy + fontSize * 0.8} size={fontSize * 0.9} state={checked} />
            )
          ) : null}
        </g>
      );
    };
  return (
    <ComposedChart
      width={width}
      height={height}
      data={rows}
      margin={{ top, right: 24, bottom: 8, left: 16 }}
      style={{ width: "100%", maxWidth: width, height: "auto" }}
      role="img"
      aria-label={chart.title}
      // A click opens the source of the first company with a figure that period; the table links every one.
      onClick={
        interactive
          ? (state: { activePayload?: Array<{ payload?: Row }> } | null) => {
              const row = state?.activePayload?.[0]?.payload;
              const firstPoint = row && Object.values(row.points)[0];
              if (firstPoint) window.location.assign(sourceHref(firstPoint.source));
            }
          : undefined
      }
    >
      <CartesianGrid strokeDasharray="3 3" stroke={COLOURS.grid} />
      {/* Every tick on both axes: see FigureBarChart. A period without a figure keeps its tick. */}
      <XAxis
        dataKey="t"
        type="number"
        domain={timeDomain(first, last, chart.periods)}
        ticks={ticks}
        interval={0}
        allowDecimals
        // Every tick keeps its line; on a narrow chart only every n-th carries its label.
        tickFormatter={(t: number, i: number) => (i % every === 0 ? oneLine(timeLabel(t, chart.periods)) : "")}
        tick={{ fontSize }}
        height={fontSize * 2.5}
      />
      <YAxis
        interval={0}
        scale={log ? "log" : "auto"}
        domain={scale.domain}
        ticks={scale.ticks}
        tickFormatter={(v: number) => formatTick(v, chart.unit)}
        tick={{ fontSize }}
        width={yWidth}
      />
      {interactive && <Tooltip content={<CompareTooltip chart={chart} />} />}
      <Legend wrapperStyle={{ fontSize }} />
      {chart.companies.flatMap((c, i) => {
        const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
        const k = seriesKeys(i);
        const common = { isAnimationActive: false, connectNulls: false, legendType: "none" as const };
        return [
          <Area
            key={k.band}
            {...common}
            className="range-band"
            dataKey={k.band}
            stroke="none"
            fill={colour}
            fillOpacity={0.18}
            activeDot={false}
          />,
          <Line
            key={k.projected}
            {...common}
            className="line-projected"
            dataKey={k.projected}
            stroke={colour}
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={dot(colour, "by-status")}
            activeDot={false}
          >
            <ErrorBar dataKey={k.projectedRange} width={8} strokeWidth={2} stroke={colour} direction="y" />
          </Line>,
          <Line
            key={k.actual}
            {...common}
            legendType="line"
            className="line-actual"
            dataKey={k.actual}
            name={c.name}
            stroke={colour}
            strokeWidth={2}
            dot={dot(colour, false)}
            activeDot={interactive ? { r: 6, cursor: "pointer" } : false}
          >
            <ErrorBar dataKey={k.actualRange} width={8} strokeWidth={2} stroke={colour} direction="y" />
          </Line>,
          <Line
            key={k.apart}
            {...common}
            className="line-apart"
            dataKey={k.apart}
            stroke="none"
            dot={dot(colour, "by-status")}
            activeDot={false}
          >
            <ErrorBar dataKey={k.apartRange} width={8} strokeWidth={2} stroke={colour} direction="y" />
            <LabelList
              dataKey={k.apartLabel}
              position="top"
              offset={fontSize}
              fontSize={fontSize}
              fill={COLOURS.text}
            />
          </Line>,
          ...chart.rows.flatMap((r) => {
            const p = r.points[c.slug];
            if (!p || p.chained || p.baseAt === null || p.baseAt >= r.t) return [];
            return [
              <ReferenceLine
                key={`${k.apart}-base-${r.t}`}
                className="base-link"
                segment={[
                  { x: Math.max(p.baseAt, first), y: p.value },
                  { x: r.t, y: p.value },
                ]}
                stroke={colour}
                strokeWidth={1.5}
                strokeDasharray="2 3"
              />,
            ];
          }),
        ];
      })}
      {anyChecked && <Customized component={checkedLegend(fontSize)} />}
    </ComposedChart>
  );
}
