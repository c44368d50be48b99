import type { CheckedState, Source } from "~/models/types";
import { charWidth } from "./layout";
import { COLOURS } from "./palette";

const LEGEND = "checked by an analyst";

/** The colour of the mark on checked figures: a dark green that reads on every bar colour and on white. */
export const CHECKED_COLOUR = "#145a32";

/** Words for a checked figure, in tooltips, labels for screen readers and the legend. */
export const CHECKED_WORDS: Record<CheckedState, string> = {
  confirmed: "confirmed by an analyst",
  corrected: "corrected by an analyst",
  added: "added by an analyst",
};

/**
 * How a figure was checked: the first of its sources a person confirmed, corrected or added, else null. A figure
 * stands for every fact that gives it, so one checked source vouches for the figure drawn. Only the sources a
 * chart carries (the newest few) are looked at.
 */
export function checkedOf(sources: Source[] | undefined): CheckedState | null {
  // Points drawn without sources (a test's, a hand-made chart's) are simply unchecked.
  return sources?.find((s) => s.checked)?.checked ?? null;
}

/**
 * The check mark charts draw beside a checked figure, centred at (x, y) and `size` pixels high. A path, not the
 * ✓ character: the exports' font (Inter) may have no such glyph, and the PNG renderer loads no other font, so a
 * character could be drawn on the page and be missing from the PNG.
 */
export function CheckedGlyph({ x, y, size, state }: { x: number; y: number; size: number; state: CheckedState }) {
  const h = size / 2;
  return (
    <path
      className={`checked-glyph checked-${state}`}
      data-checked={state}
      d={`M${x - h} ${y} L${x - h / 3} ${y + h * 0.7} L${x + h} ${y - h * 0.8}`}
      fill="none"
      stroke={CHECKED_COLOUR}
      strokeWidth={Math.max(2, size / 6)}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <title>{`Checked: ${CHECKED_WORDS[state]}`}</title>
    </path>
  );
}

/** recharts hands a Customized component the chart's size and the plot's place in it. */
interface ChartBox {
  width?: number;
  offset?: { top?: number; left?: number; width?: number };
}

/**
 * The legend of the mark, drawn inside the chart's SVG at its top right (so the exports, which keep only that
 * SVG, have it too). Used as `<Customized component={checkedLegend(fontSize)} />` when a figure is checked.
 */
export function checkedLegend(fontSize: number) {
  return function CheckedLegend({ width, offset }: ChartBox) {
    const right = (offset?.left ?? 0) + (offset?.width ?? width ?? 0);
    const y = fontSize;
    // Placed from its start, so the mark keeps its distance to the words however wide the font draws them.
    const start = right - LEGEND.length * charWidth(fontSize);
    return (
      <g className="checked-legend">
        <CheckedGlyph x={start - fontSize * 0.9} y={y - fontSize / 3} size={fontSize} state="confirmed" />
        <text x={start} y={y} fontSize={fontSize} fill={COLOURS.text}>
          {LEGEND}
        </text>
      </g>
    );
  };
}
