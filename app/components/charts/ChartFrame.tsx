import { useFetcher } from "@remix-run/react";
import { Fragment, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";
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
 * A chart's table and sources views drawn only when a reader opens one (docs/decisions/039): `href` is a page that
 * shows this chart with both views in full, the link the panels hold without scripts; with scripts, opening either
 * view loads that page's loader data with a fetcher and `views` turns it into the same table and sources.
 */
export interface LazyViews<T> {
  href: string;
  /** What the link says, e.g. "this chart's page". */
  label: string;
  views: (data: T) => { table: ReactNode; sources: Source[] } | null;
}

function LazyPanels<T>({
  id,
  lazy,
  load,
}: {
  id: string;
  lazy: LazyViews<T>;
  /** Above zero once a reader has opened the table or sources view. */
  load: number;
}) {
  const fetcher = useFetcher<T>();
  const started = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once, when a view is first opened
  useEffect(() => {
    if (!load || started.current) return;
    started.current = true;
    fetcher.load(lazy.href.replace(/#.*$/, ""));
  }, [load]);
  const views = fetcher.data ? lazy.views(fetcher.data as T) : null;
  const fallback = (what: string) => (
    <p className="chart-lazy" data-lazy={id}>
      {fetcher.state === "loading" ? `Loading the ${what}… ` : ""}
      <a href={lazy.href}>
        The {what} of this chart, on {lazy.label}
      </a>
    </p>
  );
  return (
    <>
      <div className="chart-panel chart-panel-table">{views ? views.table : fallback("table")}</div>
      <div className="chart-panel chart-panel-sources">
        {views ? <SourceList sources={views.sources} /> : fallback("sources")}
      </div>
    </>
  );
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
  lazy,
  actions,
}: {
  id: string;
  title: string;
  description: string;
  /** Draws the chart at a width in pixels. */
  chart: (width: number) => ReactNode;
  actions?: ReactNode;
} & (
  | { table: ReactNode; sources: Source[]; lazy?: undefined }
  // biome-ignore lint/suspicious/noExplicitAny: each page's loader data has its own type
  | { table?: undefined; sources?: undefined; lazy: LazyViews<any> }
)) {
  const [ref, width] = useChartWidth(SERVER_CHART_WIDTH);
  const [opened, setOpened] = useState(0);
  const viewsRef = useRef<HTMLDivElement>(null);
  // A view chosen before the scripts ran (the radios work without them) is loaded as soon as they do.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, after hydration
  useEffect(() => {
    if (lazy && viewsRef.current?.querySelector(".chart-view-table:checked, .chart-view-sources:checked")) {
      setOpened(1);
    }
  }, []);
  return (
    <figure className="chart" id={id} aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        <p id={`${id}-desc`} className="chart-description">
          {description}
        </p>
      </figcaption>
      <div className="chart-views" ref={viewsRef}>
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
              onChange={lazy && view !== "chart" ? () => setOpened((n) => n + 1) : undefined}
            />
            <label htmlFor={`${id}-view-${view}`}>{label}</label>
          </Fragment>
        ))}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the keys are the focused points', handled once here */}
        <div className="chart-panel chart-panel-chart" ref={ref} onKeyDown={openFocused}>
          {chart(width)}
        </div>
        {lazy ? (
          <LazyPanels id={id} lazy={lazy} load={opened} />
        ) : (
          <>
            <div className="chart-panel chart-panel-table">{table}</div>
            <div className="chart-panel chart-panel-sources">
              <SourceList sources={sources} />
            </div>
          </>
        )}
      </div>
      {actions}
    </figure>
  );
}
