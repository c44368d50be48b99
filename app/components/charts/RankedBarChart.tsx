import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Customized,
  LabelList,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChartPoint, CheckedState } from "~/models/types";
import { formatFigure, formatTick, oneLine } from "~/utils/format";
import { CheckedGlyph, checkedLegend, checkedOf } from "./CheckedGlyph";
import { focusable } from "./FigureBarChart";
import { FigureTooltip } from "./FigureTooltip";
import { Hatches } from "./Hatches";
import { charWidth, clip, labelEvery } from "./layout";
import { niceScale } from "./niceScale";
import { openFirstSource } from "./openSource";
import { COLOURS, hatchId } from "./palette";

interface Row {
  label: string;
  value: number;
  text: string;
  /** Set when an analyst checked one of the figure's sources: a check mark follows its figure. */
  checked: CheckedState | null;
  point: ChartPoint;
}

const mid = (p: ChartPoint) => (p.low + p.high) / 2;
const colourOf = (p: ChartPoint, signColours: boolean) =>
  !signColours ? COLOURS.bar : mid(p) < 0 ? COLOURS.decline : COLOURS.growth;

/** Room for a bar and the gap below it, in pixels: names and figures at 12 px need about this much. */
const ROW = 30;

/** recharts hands a label its bar's box and the row's value. */
interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: string | number;
  index?: number;
}

/**
 * Companies ranked by one figure each, as horizontal bars: a name per line reads at any width, where names under
 * vertical bars collide. Each bar carries its figure at its end (left of a decline, right of growth); forecasts
 * are hatched. Drawn at the width it is given (ChartFrame's), names clipped to at most two fifths of it.
 */
export function RankedBarChart({
  points,
  unit,
  title,
  signColours = false,
  width = 720,
  interactive = true,
  fontSize = 12,
}: {
  points: ChartPoint[];
  unit: string;
  title: string;
  signColours?: boolean;
  width?: number;
  interactive?: boolean;
  fontSize?: number;
}) {
  const rows: Row[] = points.map((p) => ({
    label: p.label,
    value: mid(p),
    text: formatFigure(p),
    checked: checkedOf(p.sources),
    point: p,
  }));
  const anyChecked = rows.some((r) => r.checked);
  const colours = [...new Set(points.map((p) => colourOf(p, signColours)))];
  const longestName = Math.max(...rows.map((r) => r.label.length));
  const nameChars = Math.min(longestName, Math.floor((width * 0.4) / charWidth(fontSize)) - 1);
  const yWidth = Math.ceil((nameChars + 1) * charWidth(fontSize));
  // Each side keeps room for the longest figure written past a bar's end.
  // (and two characters more for a check mark after it).
  const room = Math.ceil((Math.max(...rows.map((r) => r.text.length)) + (anyChecked ? 3 : 1)) * charWidth(fontSize));
  const plotWidth = width - yWidth - 16;
  // The figures are written past the bars' ends, inside the plot: the value axis reaches that much further on
  // each side that has bars (in value units, the label's share of the plot's width).
  const values = points.flatMap((p) => [p.low, p.high]);
  const [lo, hi] = [Math.min(0, ...values), Math.max(0, ...values)];
  const pad = ((hi - lo) * room) / Math.max(1, plotWidth - 2 * room);
  const scale = niceScale([...values, lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0]);
  const every = labelEvery(
    scale.ticks.length,
    Math.max(...scale.ticks.map((v) => formatTick(v, unit).length)),
    fontSize,
    plotWidth,
  );
  const zero = Math.max(0, scale.ticks.indexOf(0));
  // A line more at the top for the check mark's legend.
  const top = anyChecked ? 8 + fontSize * 1.5 : 8;
  const height = rows.length * ROW + fontSize * 2.5 + 8 + top;
  const label = ({ x, y, width: w, height: h, index }: LabelProps) => {
    const row = index === undefined ? undefined : rows[index];
    if (!row) return null;
    const [left, right] = [Number(x), Number(x) + Number(w)].sort((a, b) => a - b);
    const decline = row.value < 0;
    const middle = Number(y) + Number(h) / 2;
    // The mark past the figure, away from the bar: its centre a character beyond the figure's estimated end.
    const beyond = 4 + row.text.length * charWidth(fontSize) + fontSize * 0.7;
    return (
      <g key={`label-${row.label}`}>
        <text
          className="bar-value"
          x={decline ? left - 4 : right + 4}
          y={middle}
          dy="0.35em"
          textAnchor={decline ? "end" : "start"}
          fontSize={fontSize}
          fill={COLOURS.text}
        >
          {row.text}
        </text>
        {row.checked && (
          <CheckedGlyph x={decline ? left - beyond : right + beyond} y={middle} size={fontSize} state={row.checked} />
        )}
      </g>
    );
  };
  return (
    <>
      {/* Recharts draws only its own children, so the hatch patterns live in an SVG of their own beside it. */}
      <svg width="0" height="0" aria-hidden="true" style={{ position: "absolute" }}>
        <Hatches colours={colours} />
      </svg>
      <BarChart
        layout="vertical"
        width={width}
        height={height}
        data={rows}
        margin={{ top, right: 8, bottom: 8, left: 8 }}
        style={{ width: "100%", maxWidth: width, height: "auto" }}
        role="img"
        aria-label={title}
        className="ranked-bars"
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={COLOURS.grid} />
        <XAxis
          type="number"
          interval={0}
          domain={scale.domain}
          ticks={scale.ticks}
          // Thinned from zero outwards, so zero always keeps its label.
          tickFormatter={(v: number, i: number) => ((i - zero) % every === 0 ? formatTick(v, unit) : "")}
          tick={{ fontSize }}
          height={fontSize * 2.5}
        />
        <YAxis
          type="category"
          dataKey="label"
          interval={0}
          width={yWidth}
          tick={{ fontSize }}
          tickFormatter={(name: string) => oneLine(clip(name, nameChars))}
        />
        <ReferenceLine x={0} stroke={COLOURS.axis} />
        {interactive && <Tooltip content={<FigureTooltip />} cursor={{ fill: "rgba(0,0,0,0.05)" }} />}
        <Bar
          dataKey="value"
          barSize={ROW - 10}
          isAnimationActive={false}
          cursor={interactive ? "pointer" : undefined}
          onClick={interactive ? (data: { payload?: Row }) => openFirstSource(data?.payload) : undefined}
        >
          {rows.map((r) => {
            const colour = colourOf(r.point, signColours);
            const projected = r.point.status !== "actual";
            return (
              <Cell
                key={r.label}
                fill={projected ? `url(#${hatchId(colour)})` : colour}
                stroke={colour}
                strokeDasharray={projected ? "4 2" : undefined}
                data-status={r.point.status}
                data-label={r.label}
                data-checked={r.checked ?? undefined}
                {...(interactive ? focusable(r.point) : {})}
              />
            );
          })}
          <LabelList dataKey="text" content={label} />
        </Bar>
        {anyChecked && <Customized component={checkedLegend(fontSize)} />}
      </BarChart>
    </>
  );
}
