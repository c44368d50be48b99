import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { type SeriesAxis, slotsBetween, timeDomain, timeLabel, timeTicks } from "~/models/timeAxis";
import type { ChartPoint } from "~/models/types";
import { sourceHref } from "~/models/types";
import { formatTick, oneLine } from "~/utils/format";
import { FigureTooltip } from "./FigureTooltip";
import { Hatches } from "./Hatches";
import { niceScale } from "./niceScale";
import { COLOURS, hatchId } from "./palette";

interface Row {
  label: string;
  t: number | null;
  value: number;
  range: [number, number] | null;
  point: ChartPoint;
}

const mid = (p: ChartPoint) => (p.low + p.high) / 2;

function colourOf(p: ChartPoint, signColours: boolean): string {
  if (!signColours) return COLOURS.bar;
  return mid(p) < 0 ? COLOURS.decline : COLOURS.growth;
}

/**
 * Figures as bars: a range is a bar to its middle with the range drawn over it, forecasts and targets are hatched,
 * and (with `signColours`) declines and growth get their own colours. Drawn at a fixed size so it renders on the
 * server and in exports; the page lets the SVG scale down on narrow screens.
 *
 * With an `axis`, the bars stand on a real time axis of one kind of period: a period without a figure keeps its
 * tick and an empty slot, and a change against an earlier base than the period before is joined back to that base
 * by a dashed line labelled "vs 2007". Without one (companies side by side, undated figures) bars are categories.
 */
export function FigureBarChart({
  points,
  unit,
  title,
  signColours = false,
  width = 720,
  height = 320,
  interactive = true,
  fontSize = 12,
  axis = null,
}: {
  points: ChartPoint[];
  unit: string;
  title: string;
  signColours?: boolean;
  width?: number;
  height?: number;
  /** Off for exports: no tooltip and no links, just the drawing. */
  interactive?: boolean;
  fontSize?: number;
  axis?: SeriesAxis | null;
}) {
  const rows: Row[] = points.map((p) => ({
    label: p.label,
    t: p.t ?? null,
    value: mid(p),
    range: p.low === p.high ? null : [mid(p) - p.low, p.high - mid(p)],
    point: p,
  }));
  const colours = [...new Set(points.map((p) => colourOf(p, signColours)))];
  const scale = niceScale(points.flatMap((p) => [p.low, p.high]));
  const domain = axis ? timeDomain(axis.first, axis.last, axis.type) : null;
  const plotWidth = width - 32 - fontSize * 5.5;
  // A bar is 60 % of its period's width, however many periods the axis spans.
  const barSize = axis
    ? Math.max(2, Math.min(64, (plotWidth / (slotsBetween(axis.first, axis.last, axis.type).length + 1)) * 0.6))
    : undefined;
  const linked = domain
    ? points.filter(
        (p): p is ChartPoint & { t: number; baseAt: number } =>
          p.t != null && p.baseAt != null && !p.chained && p.baseAt < p.t,
      )
    : [];
  const open = (row: Row | undefined) => {
    const source = row?.point.sources[0];
    if (source) window.location.assign(sourceHref(source));
  };
  return (
    <>
      {/* Recharts draws only its own children, so the hatch patterns live in an SVG of their own beside it. */}
      <svg width="0" height="0" aria-hidden="true" style={{ position: "absolute" }}>
        <Hatches colours={colours} />
      </svg>
      <BarChart
        width={width}
        height={height}
        data={rows}
        margin={{ top: 16, right: 16, bottom: 8, left: 16 }}
        style={{ width: "100%", maxWidth: width, height: "auto" }}
        role="img"
        aria-label={title}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={COLOURS.grid} />
        {axis && domain ? (
          <XAxis
            dataKey="t"
            type="number"
            domain={domain}
            ticks={timeTicks(axis.first, axis.last, axis.type)}
            interval={0}
            allowDecimals
            tick={{ fontSize }}
            height={fontSize * 3}
            tickFormatter={(t: number) => oneLine(timeLabel(t, axis.type))}
          />
        ) : (
          <XAxis dataKey="label" interval={0} tick={{ fontSize }} height={fontSize * 3} tickFormatter={oneLine} />
        )}
        <YAxis
          // Every tick, always: dropping ticks that overlap needs text measured in a browser, so the server would
          // draw other ticks than the browser and hydration would fail.
          interval={0}
          domain={scale.domain}
          ticks={scale.ticks}
          tickFormatter={(v: number) => formatTick(v, unit)}
          tick={{ fontSize }}
          width={fontSize * 5.5}
        />
        <ReferenceLine y={0} stroke={COLOURS.axis} />
        {interactive && <Tooltip content={<FigureTooltip />} cursor={{ fill: "rgba(0,0,0,0.05)" }} />}
        <Bar
          dataKey="value"
          barSize={barSize}
          isAnimationActive={false}
          cursor={interactive ? "pointer" : undefined}
          onClick={interactive ? (data: { payload?: Row }) => open(data?.payload) : undefined}
        >
          {rows.map((r) => {
            const colour = colourOf(r.point, signColours);
            const projected = r.point.status !== "actual";
            return (
              <Cell
                key={`${r.label}-${r.value}`}
                fill={projected ? `url(#${hatchId(colour)})` : colour}
                stroke={colour}
                strokeDasharray={projected ? "4 2" : undefined}
                data-status={r.point.status}
                data-label={r.label}
                data-t={r.t ?? undefined}
              />
            );
          })}
          <ErrorBar dataKey="range" width={8} strokeWidth={2} stroke={COLOURS.text} direction="y" />
        </Bar>
        {linked.flatMap((p) => {
          const colour = colourOf(p, signColours);
          const from = Math.max(p.baseAt, domain![0]);
          return [
            <ReferenceLine
              key={`base-${p.t}`}
              className="base-link"
              segment={[
                { x: from, y: mid(p) },
                { x: p.t, y: mid(p) },
              ]}
              stroke={colour}
              strokeWidth={2}
              strokeDasharray="6 4"
              label={{ value: `vs ${p.base}`, position: "top", fontSize, fill: COLOURS.text }}
            />,
            <ReferenceDot
              key={`base-dot-${p.t}`}
              x={p.baseAt}
              y={mid(p)}
              r={fontSize / 3}
              fill="#ffffff"
              stroke={colour}
              strokeWidth={2}
              ifOverflow="discard"
            />,
          ];
        })}
      </BarChart>
    </>
  );
}
