import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export interface ChangeBar {
  label: string;
  value: number;
  detail: string;
}

const DECLINE = "#c0392b";
const GROWTH = "#1e8449";

/** Percentage changes as bars, declines and growth in their own colours; drawn at a fixed size so it renders on the server. */
export function ChangeBarChart({
  data,
  width = 720,
  height = 320,
  title,
}: {
  data: ChangeBar[];
  width?: number;
  height?: number;
  title: string;
}) {
  return (
    <figure className="chart" aria-label={title}>
      <BarChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 16, right: 16, bottom: 48, left: 8 }}
        role="img"
        // Drawn at a fixed size on the server; the wrapper lets the SVG scale down on narrow screens.
        style={{ width: "100%", maxWidth: width, height: "auto" }}
      >
        <title>{title}</title>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={0} angle={-20} textAnchor="end" height={60} />
        <YAxis
          unit=" %"
          domain={[(min: number) => Math.min(0, Math.floor(min)), (max: number) => Math.max(0, Math.ceil(max))]}
        />
        <ReferenceLine y={0} stroke="#555" />
        <Tooltip
          formatter={(v: number) => [`${v} %`, "change"]}
          labelFormatter={(l, p) => (p?.[0]?.payload as ChangeBar | undefined)?.detail ?? String(l)}
        />
        <Bar dataKey="value" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.label} fill={d.value < 0 ? DECLINE : GROWTH} />
          ))}
        </Bar>
      </BarChart>
    </figure>
  );
}
