import { Link } from "@remix-run/react";
import type { StakeGroup } from "~/models/charts.server";
import { sourceHref } from "~/models/types";
import { formatFigure } from "~/utils/format";

/** Stakes by holder and company held, each figure with every source that gives it; disagreements are flagged. */
export function StakeList({ groups }: { groups: StakeGroup[] }) {
  return (
    <table className="stake-table">
      <thead>
        <tr>
          <th>Holder</th>
          <th>Company held</th>
          <th>Stake</th>
          <th>Year</th>
          <th>Status</th>
          <th>Sources</th>
        </tr>
      </thead>
      <tbody>
        {groups.flatMap((g) =>
          g.points.map((p, i) => (
            <tr
              key={`${g.holderSlug}-${g.heldSlug}-${p.label}-${p.low}-${p.high}`}
              className={g.conflict ? "conflict" : undefined}
              data-pair={`${g.holderSlug}>${g.heldSlug}`}
            >
              <td data-label="Holder">{i === 0 ? <Link to={`/companies/${g.holderSlug}`}>{g.holder}</Link> : ""}</td>
              <td data-label="Company held">{i === 0 ? <Link to={`/companies/${g.heldSlug}`}>{g.held}</Link> : ""}</td>
              <td data-label="Stake" className="num">
                {formatFigure(p)}
                {g.conflict ? (
                  <span className="conflict-mark" title="Sources disagree on this stake">
                    {" "}
                    ⚠ sources disagree
                  </span>
                ) : null}
              </td>
              <td data-label="Year">{p.year ?? "—"}</td>
              <td data-label="Status" className={`status-${p.status}`}>
                {p.status}
              </td>
              <td data-label="Sources" className="quote">
                <span className="source-count">
                  {p.sourceCount} {p.sourceCount === 1 ? "source" : "sources"}
                  {p.sourceCount > p.sources.length ? `, the ${p.sources.length} newest` : ""}
                  {p.disagreeing > 0 ? ` (${p.disagreeing} more give another figure)` : ""}:
                </span>
                <ul>
                  {p.sources.map((s) => (
                    <li key={s.factId}>
                      <a href={sourceHref(s)}>{s.articleTitle}</a>
                      {s.publishedYear ? ` (${s.publishedYear})` : ""}: “{s.quote}”
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
