import { CartesianGrid, Customized, ErrorBar, LabelList, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint, CheckedState } from "~/models/types";
import { formatFigure, formatTick } from "~/utils/format";
import { CheckedGlyph, checkedLegend, checkedOf } from "./CheckedGlyph";
import { focusable } from "./FigureBarChart";
import { FigureTooltip } from "./FigureTooltip";
import { charWidth, labelEvery, valueAxisWidth } from "./layout";
import { niceScale } from "./niceScale";
import { openFirstSource } from "./openSource";
import { COLOURS } from "./palette";

/** The most year ticks a stake's axis draws; a longer span gets one every few years. */
const MAX_YEAR_TICKS = 40;

interface Row {
  year: number;
  value: number;
  range: [number, number] | null;
  text: string;
  /** Set when an analyst checked one of the figure's sources: the point carries a check mark. */
  checked: CheckedState | null;
  point: ChartPoint;
}

const mid = (p: ChartPoint) => (p.low + p.high) / 2;

/** recharts hands a dot its position and the row it stands for. */
interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Row;
}

/**
 * One holder's stake in one company over time: a point per as-of year on a real time axis (years without a figure
 * are gaps in the axis, not missing categories), the value axis from zero, each point labelled, a range drawn as a
 * whisker and a forecast or target as a hollow, dashed point. The page (at its own width, via ChartFrame) and the
 * exports both draw it; on a page each point is a link that takes keyboard focus.
 */
export function StakeChart({
  points,
  title,
  width = 720,
  height = 280,
  interactive = true,
  fontSize = 12,
}: {
  points: ChartPoint[];
  title: string;
  width?: number;
  height?: number;
  /** Off for exports: no tooltip and no links, just the drawing. */
  interactive?: boolean;
  fontSize?: number;
}) {
  const rows: Row[] = points
    .filter((p): p is ChartPoint & { year: number } => p.year !== null)
    .map((p) => ({
      year: p.year,
      value: mid(p),
      range: p.low === p.high ? null : [mid(p) - p.low, p.high - mid(p)],
      text: formatFigure(p),
      checked: checkedOf(p.sources),
      point: p,
    }));
  const anyChecked = rows.some((r) => r.checked);
  const years = rows.map((r) => r.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  // A year's margin either side keeps the first and last points' labels inside the drawing.
  const span = first === last ? 1 : Math.max(1, Math.round((last - first) / 12));
  const scale = niceScale(points.flatMap((p) => [p.low, p.high]));
  const yWidth = valueAxisWidth(Math.max(...scale.ticks.map((v) => formatTick(v, "percent").length)), fontSize);
  const plotWidth = width - 16 - fontSize * 3 - yWidth;
  // Labels of every n-th year on a narrow chart; a point's own label says its figure, the table its year.
  const every = labelEvery(last - first + 2 * span + 1, 4, fontSize, plotWidth);
  // A tick for every year of the span, as the charts by period have (a year no source gives is an empty slot), or
  // every n-th across a long span; labelled every `every`-th year from the first.
  const step = Math.max(1, Math.ceil((last - first) / MAX_YEAR_TICKS));
  const ticks = Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, i) => first + i * step);
  const dot = ({ cx, cy, payload }: DotProps) => {
    if (cx === undefined || cy === undefined || !payload) return <g key="none" />;
    const projected = payload.point.status !== "actual";
    const circle = (
      <circle
        key={payload.year}
        className="stake-point"
        cx={cx}
        cy={cy}
        r={fontSize / 2}
        fill={projected ? "#ffffff" : COLOURS.bar}
        stroke={COLOURS.bar}
        strokeWidth={2}
        strokeDasharray={projected ? "3 2" : undefined}
        data-year={payload.year}
        data-checked={payload.checked ?? undefined}
        data-status={payload.point.status}
        {...(interactive
          ? {
              ...focusable({ ...payload.point, label: String(payload.year) }),
              style: { cursor: "pointer" },
              onClick: () => openFirstSource(payload),
            }
          : {})}
      />
    );
    if (!payload.checked) return circle;
    // The mark after the point's figure, which is written above it (LabelList at "top", offset by fontSize).
    return (
      <g key={`checked-${payload.year}`}>
        {circle}
        <CheckedGlyph
          x={cx + (payload.text.length * charWidth(fontSize)) / 2 + fontSize * 0.7}
          y={cy - fontSize * 1.4}
          size={fontSize}
          state={payload.checked}
        />
      </g>
    );
  };
  return (
    <LineChart
      width={width}
      height={height}
      data={rows}
      // A line more at the top for the check mark's legend.
      margin={{ top: fontSize * (anyChecked ? 3.5 : 2), right: fontSize * 3, bottom: 8, left: 16 }}
      style={{ width: "100%", maxWidth: width, height: "auto" }}
      role="img"
      aria-label={title}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={COLOURS.grid} />
      <XAxis
        dataKey="year"
        type="number"
        domain={[first - span, last + span]}
        ticks={ticks}
        // The ticks are given: no tick count, or recharts works out "nice" ticks (decimal.js) only to drop them.
        tickCount={0}
        interval={0}
        allowDecimals={false}
        tickFormatter={(y: number) => ((y - first) % (every * step) === 0 ? String(y) : "")}
        tick={{ fontSize }}
        height={fontSize * 2.5}
      />
      <YAxis
        interval={0}
        domain={scale.domain}
        ticks={scale.ticks}
        // As on the year axis: the ticks are given.
        tickCount={0}
        tickFormatter={(v: number) => formatTick(v, "percent")}
        tick={{ fontSize }}
        width={yWidth}
      />
      {interactive && <Tooltip content={<FigureTooltip />} />}
      <Line
        dataKey="value"
        stroke={COLOURS.bar}
        strokeWidth={2}
        // Between two reported years nothing is known: a thin dotted line, not a measured trend.
        strokeDasharray="2 4"
        dot={dot}
        activeDot={false}
        isAnimationActive={false}
      >
        <ErrorBar dataKey="range" width={8} strokeWidth={2} stroke={COLOURS.text} direction="y" />
        <LabelList dataKey="text" position="top" offset={fontSize} fontSize={fontSize} fill={COLOURS.text} />
      </Line>
      {anyChecked && <Customized component={checkedLegend(fontSize)} />}
    </LineChart>
  );
}
