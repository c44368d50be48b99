import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Customized,
  ErrorBar,
  LabelList,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { type SeriesAxis, slotsBetween, timeDomain, timeLabel, timeTicks } from "~/models/timeAxis";
import type { ChartPoint, CheckedState } from "~/models/types";
import { sourceHref } from "~/models/types";
import { formatFigure, formatTick, oneLine } from "~/utils/format";
import { CHECKED_WORDS, CheckedGlyph, checkedLegend, checkedOf } from "./CheckedGlyph";
import { FigureTooltip } from "./FigureTooltip";
import { Hatches } from "./Hatches";
import { charWidth, clip, labelEvery, valueAxisWidth } from "./layout";
import { barScale } from "./niceScale";
import { openFirstSource } from "./openSource";
import { COLOURS, hatchId } from "./palette";

interface Row {
  label: string;
  t: number | null;
  value: number;
  range: [number, number] | null;
  /** The figure written on its bar, or "" where bars are too narrow for it (the table and tooltip still have it). */
  text: string;
  /** Set when an analyst checked one of the figure's sources: the bar carries a check mark. */
  checked: CheckedState | null;
  point: ChartPoint;
}

const mid = (p: ChartPoint) => (p.low + p.high) / 2;

function colourOf(p: ChartPoint, signColours: boolean): string {
  if (!signColours) return COLOURS.bar;
  return mid(p) < 0 ? COLOURS.decline : COLOURS.growth;
}

/** A bar or point a keyboard can reach: a link to its sentence (ChartFrame opens `data-href` on Enter). */
export function focusable(p: ChartPoint) {
  const source = p.sources[0];
  const checked = checkedOf(p.sources);
  return {
    tabIndex: 0,
    role: "link",
    "aria-label": `${p.label}: ${formatFigure(p)}${p.status !== "actual" ? ` (${p.status})` : ""}${checked ? `, ${CHECKED_WORDS[checked]}` : ""}${source ? ", open its sentence" : ""}`,
    "data-href": source ? sourceHref(source) : undefined,
  };
}

/** recharts hands a label its bar's box and the row's index. */
interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
}

/**
 * A bar's figure past its end, away from zero, and past a range's whisker, with a check mark after it when the
 * figure was checked (the mark alone where bars are too narrow for figures). A plain <text>: recharts' own label
 * wraps words by measuring them, which the server cannot do, so server and browser would draw different lines.
 */
function valueLabel(rows: Row[], fontSize: number) {
  return function ValueLabel({ x, y, width, height, index }: LabelProps) {
    const row = index === undefined ? undefined : rows[index];
    if (!row?.text && !row?.checked) return null;
    const [top, bottom] = [Number(y), Number(y) + Number(height)].sort((a, b) => a - b);
    const perUnit = row.value === 0 ? 0 : (bottom - top) / Math.abs(row.value);
    const whisker = row.range ? Math.max(...row.range) * perUnit : 0;
    const below = row.value < 0;
    const centre = Number(x) + Number(width) / 2;
    const baseline = below ? bottom + whisker + fontSize + 2 : top - whisker - 4;
    const textWidth = row.text.length * charWidth(fontSize);
    return (
      <g key={`value-${row.label}`}>
        {row.text && (
          <text
            className="bar-value"
            x={centre}
            y={baseline}
            textAnchor="middle"
            fontSize={fontSize}
            fill={COLOURS.text}
          >
            {row.text}
          </text>
        )}
        {row.checked && (
          <CheckedGlyph
            x={row.text ? centre + textWidth / 2 + fontSize * 0.7 : centre}
            y={baseline - fontSize / 3}
            size={fontSize}
            state={row.checked}
          />
        )}
      </g>
    );
  };
}

/**
 * Figures as bars: a range is a bar to its middle with the range drawn over it, forecasts and targets are hatched,
 * and (with `signColours`) declines and growth get their own colours. Drawn at the width it is given (the page's
 * own width, via ChartFrame, or the export's): the value axis is as wide as its longest tick, time labels are
 * thinned and names clipped to fit, and each bar carries its figure when there is room for it. On a page each bar
 * is a link that takes keyboard focus (Enter opens its sentence).
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
  const colours = [...new Set(points.map((p) => colourOf(p, signColours)))];
  const scale = barScale(points.flatMap((p) => [p.low, p.high]));
  const domain = axis ? timeDomain(axis.first, axis.last, axis.type) : null;
  const yWidth = valueAxisWidth(Math.max(...scale.ticks.map((v) => formatTick(v, unit).length)), fontSize);
  const plotWidth = width - 32 - yWidth;
  const slots = axis ? slotsBetween(axis.first, axis.last, axis.type).length + 1 : Math.max(1, points.length);
  // A bar is 60 % of its period's width, however many periods the axis spans.
  const barSize = axis ? Math.max(2, Math.min(64, (plotWidth / slots) * 0.6)) : undefined;
  const texts = points.map((p) => formatFigure(p));
  // Figures on the bars only when the longest fits its slot: some labelled and some not would read as missing.
  const labelled = Math.max(...texts.map((t) => t.length)) * charWidth(fontSize) <= (plotWidth / slots) * 0.95;
  const rows: Row[] = points.map((p, i) => ({
    label: p.label,
    t: p.t ?? null,
    value: mid(p),
    range: p.low === p.high ? null : [mid(p) - p.low, p.high - mid(p)],
    text: labelled ? texts[i] : "",
    checked: checkedOf(p.sources),
    point: p,
  }));
  const anyChecked = rows.some((r) => r.checked);
  const ticks = axis ? timeTicks(axis.first, axis.last, axis.type) : [];
  const every = axis
    ? labelEvery(ticks.length, Math.max(...ticks.map((t) => timeLabel(t, axis.type).length)), fontSize, plotWidth)
    : 1;
  // A category's name gets its slot's width; longer ones are clipped (the table and tooltip give them whole).
  const nameChars = Math.max(3, Math.floor(plotWidth / slots / charWidth(fontSize)) - 1);
  const linked = domain
    ? points.filter(
        (p): p is ChartPoint & { t: number; baseAt: number } =>
          p.t != null && p.baseAt != null && !p.chained && p.baseAt < p.t,
      )
    : [];
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
        // A line more at the top for the check mark's legend.
        margin={{ top: anyChecked ? 16 + fontSize * 1.5 : 16, right: 16, bottom: 8, left: 16 }}
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
            ticks={ticks}
            interval={0}
            allowDecimals
            tick={{ fontSize }}
            height={fontSize * 3}
            // Every tick keeps its line; on a narrow chart only every n-th carries its label.
            tickFormatter={(t: number, i: number) => (i % every === 0 ? oneLine(timeLabel(t, axis.type)) : "")}
          />
        ) : (
          <XAxis
            dataKey="label"
            interval={0}
            tick={{ fontSize }}
            height={fontSize * 3}
            tickFormatter={(name: string) => oneLine(clip(name, nameChars))}
          />
        )}
        <YAxis
          // Every tick, always: dropping ticks that overlap needs text measured in a browser, so the server would
          // draw other ticks than the browser and hydration would fail.
          interval={0}
          domain={scale.domain}
          ticks={scale.ticks}
          tickFormatter={(v: number) => formatTick(v, unit)}
          tick={{ fontSize }}
          width={yWidth}
        />
        <ReferenceLine y={0} stroke={COLOURS.axis} />
        {interactive && <Tooltip content={<FigureTooltip />} cursor={{ fill: "rgba(0,0,0,0.05)" }} />}
        <Bar
          dataKey="value"
          barSize={barSize}
          isAnimationActive={false}
          cursor={interactive ? "pointer" : undefined}
          onClick={interactive ? (data: { payload?: Row }) => openFirstSource(data?.payload) : undefined}
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
                data-checked={r.checked ?? undefined}
                data-t={r.t ?? undefined}
                {...(interactive ? focusable(r.point) : {})}
              />
            );
          })}
          <ErrorBar dataKey="range" width={8} strokeWidth={2} stroke={COLOURS.text} direction="y" />
          {(labelled || anyChecked) && <LabelList dataKey="text" content={valueLabel(rows, fontSize)} />}
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
        {anyChecked && <Customized component={checkedLegend(fontSize)} />}
      </BarChart>
    </>
  );
}
