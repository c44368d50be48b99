import type { ChartPoint } from "~/models/types";
import { formatFigure } from "~/utils/format";
import { CHECKED_WORDS, checkedOf } from "./CheckedGlyph";

/** What hovering a bar shows: the figure, its status and note, and the sentence it was read from. */
export function FigureTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: Array<{ payload?: { point?: ChartPoint } }>;
}) {
  const point = payload?.[0]?.payload?.point;
  if (!active || !point) return null;
  const [first] = point.sources;
  const more = point.sourceCount - 1;
  const checked = checkedOf(point.sources);
  return (
    <div className="chart-tooltip" role="status">
      <p>
        <strong>{point.label}</strong>: {formatFigure(point)}
        {point.status !== "actual" ? ` (${point.status})` : ""}
        {point.note ? ` — ${point.note}` : ""}
      </p>
      {checked && <p className={`checked-note checked-${checked}`}>✓ Checked: {CHECKED_WORDS[checked]}</p>}
      {first && (
        <>
          <blockquote>{first.quote}</blockquote>
          <p className="tooltip-source">
            {first.articleTitle}
            {first.publishedYear ? ` (${first.publishedYear})` : ""}
            {more > 0 ? ` and ${more} more ${more === 1 ? "source" : "sources"}` : ""} · click the bar to open it
          </p>
        </>
      )}
      {point.disagreeing > 0 && (
        <p className="conflict-mark">
          ⚠ {point.disagreeing} {point.disagreeing === 1 ? "source gives" : "sources give"} another figure
        </p>
      )}
    </div>
  );
}
