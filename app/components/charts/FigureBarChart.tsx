import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint } from "~/models/types";
import { sourceHref } from "~/models/types";
import { formatTick, oneLine } from "~/utils/format";
import { FigureTooltip } from "./FigureTooltip";
import { Hatches } from "./Hatches";
import { niceScale } from "./niceScale";
import { COLOURS, hatchId } from "./palette";

interface Row {
  label: string;
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
}) {
  const rows: Row[] = points.map((p) => ({
    label: p.label,
    value: mid(p),
    range: p.low === p.high ? null : [mid(p) - p.low, p.high - mid(p)],
    point: p,
  }));
  const colours = [...new Set(points.map((p) => colourOf(p, signColours)))];
  const scale = niceScale(points.flatMap((p) => [p.low, p.high]));
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
        <XAxis dataKey="label" interval={0} tick={{ fontSize }} height={fontSize * 3} tickFormatter={oneLine} />
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
              />
            );
          })}
          <ErrorBar dataKey="range" width={8} strokeWidth={2} stroke={COLOURS.text} direction="y" />
        </Bar>
      </BarChart>
    </>
  );
}
