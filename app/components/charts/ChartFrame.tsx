import { Fragment, type KeyboardEvent, type ReactNode } from "react";
import type { Source } from "~/models/types";
import { SourceList } from "./SourceList";
import { useChartWidth } from "./useChartWidth";

/** The width the server draws at, before the page's own width is known (and the width exports used to have). */
export const SERVER_CHART_WIDTH = 720;

const VIEWS = [
  ["chart", "Chart"],
  ["table", "Table"],
  ["sources", "Sources"],
] as const;

/** Enter or Space on a focused point opens its sentence: every chart marks its points with `data-href`. */
function openFocused(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== "Enter" && event.key !== " ") return;
  const href = (event.target as Element).getAttribute?.("data-href");
  if (!href) return;
  event.preventDefault();
  window.location.assign(href);
}

/**
 * A chart with its title and description, and three views of it: the chart, the same figures as a table, and the
 * articles they were read from. The views are radio buttons and CSS (styles.css, `.chart-view`), so they work
 * without scripts and hydrate without a difference. The chart is drawn at the width its panel has on the page
 * (`useChartWidth`), so on a phone it is laid out again rather than shrunk.
 */
export function ChartFrame({
  id,
  title,
  description,
  chart,
  table,
  sources,
  actions,
}: {
  id: string;
  title: string;
  description: string;
  /** Draws the chart at a width in pixels. */
  chart: (width: number) => ReactNode;
  table: ReactNode;
  sources: Source[];
  actions?: ReactNode;
}) {
  const [ref, width] = useChartWidth(SERVER_CHART_WIDTH);
  return (
    <figure className="chart" id={id} aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        <p id={`${id}-desc`} className="chart-description">
          {description}
        </p>
      </figcaption>
      <div className="chart-views">
        {VIEWS.map(([view, label]) => (
          // Inputs are siblings of the panels, so `:checked ~ .chart-panel-…` shows the chosen one.
          <Fragment key={view}>
            <input
              type="radio"
              className={`chart-view chart-view-${view}`}
              id={`${id}-view-${view}`}
              name={`${id}-view`}
              value={view}
              defaultChecked={view === "chart"}
            />
            <label htmlFor={`${id}-view-${view}`}>{label}</label>
          </Fragment>
        ))}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the keys are the focused points', handled once here */}
        <div className="chart-panel chart-panel-chart" ref={ref} onKeyDown={openFocused}>
          {chart(width)}
        </div>
        <div className="chart-panel chart-panel-table">{table}</div>
        <div className="chart-panel chart-panel-sources">
          <SourceList sources={sources} />
        </div>
      </div>
      {actions}
    </figure>
  );
}
