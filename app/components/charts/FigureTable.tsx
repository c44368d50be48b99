import { Link } from "@remix-run/react";
import { CheckedMark } from "~/components/CheckedMark";
import { SettleFigures } from "~/components/SettleFigures";
import type { ConflictFigure } from "~/models/conflictTypes";
import type { ChartPoint } from "~/models/types";
import { sourceHref } from "~/models/types";
import { formatFigure } from "~/utils/format";

/**
 * The figures of a chart as a table, each with links to the sentences it was read from. With `settleHref` (the
 * review queue filtered to the chart's company and kind), a figure sources disagree on links to where an analyst
 * compares the figures; with `conflicts` (analysts' pages, keyed by the point's newest source) it also offers to
 * confirm one of them right here.
 */
export function FigureTable({
  points,
  settleHref,
  conflicts,
  settleAction,
}: {
  points: ChartPoint[];
  settleHref?: string;
  conflicts?: Record<number, ConflictFigure[]>;
  /** Where the settle forms post, when not to the page's own route. */
  settleAction?: string;
}) {
  return (
    <table className="cards">
      <thead>
        <tr>
          <th>When</th>
          <th>Figure</th>
          <th>Status</th>
          <th>Note</th>
          <th>Sources</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={`${p.label}-${p.low}-${p.high}-${p.note}`}>
            <td data-label="When">{p.label}</td>
            <td data-label="Figure" className="num">
              {formatFigure(p)}
            </td>
            <td data-label="Status" className={`status-${p.status}`}>
              {p.status}
            </td>
            <td data-label="Note">{p.note || null}</td>
            <td data-label="Sources" className="quote">
              {p.sources.map((s) => (
                <a key={s.factId} href={sourceHref(s)} title={s.quote}>
                  {s.articleTitle}
                  {s.publishedYear ? ` (${s.publishedYear})` : ""}
                  <CheckedMark state={s.checked} />
                </a>
              ))}
              {p.sourceCount > p.sources.length ? ` and ${p.sourceCount - p.sources.length} more` : ""}
              {p.disagreeing > 0 ? ` · ⚠ ${p.disagreeing} give another figure` : ""}
              {p.disagreeing > 0 && (p.settleHref ?? settleHref) ? (
                <>
                  {" "}
                  (<Link to={(p.settleHref ?? settleHref) as string}>compare them and confirm one in review</Link>)
                </>
              ) : null}
              {p.disagreeing > 0 && p.sources[0] && conflicts?.[p.sources[0].factId] ? (
                <SettleFigures figures={conflicts[p.sources[0].factId]} action={settleAction} />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
