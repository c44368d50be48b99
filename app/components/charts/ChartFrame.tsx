import type { ReactNode } from "react";

/**
 * A chart with its title and description, and the same figures as a table for screen readers and for anyone who
 * wants the numbers (a <details>, so it works without JavaScript).
 */
export function ChartFrame({
  id,
  title,
  description,
  chart,
  table,
  actions,
}: {
  id: string;
  title: string;
  description: string;
  chart: ReactNode;
  table: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <figure className="chart" id={id} aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        <p id={`${id}-desc`} className="chart-description">
          {description}
        </p>
      </figcaption>
      {chart}
      <details className="chart-table">
        <summary>Show as a table</summary>
        {table}
      </details>
      {actions}
    </figure>
  );
}
