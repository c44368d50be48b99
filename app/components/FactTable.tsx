import { Link } from "@remix-run/react";
import { CheckedMark } from "~/components/CheckedMark";
import type { FactView } from "~/models/types";
import { sourceHref } from "~/models/types";
import { formatFigure, formatPeriod } from "~/utils/format";

const KIND_LABEL: Record<string, string> = {
  revenue: "revenue",
  revenue_change: "revenue change",
  stake: "stake",
  market_share: "market share",
  sales_volume: "sales volume",
};

/** Facts as rows: what, who, when, the figure, its status and the sentence, linked to where it was read. */
export function FactTable({ facts, showArticle = true }: { facts: FactView[]; showArticle?: boolean }) {
  return (
    <table className="fact-table cards">
      <thead>
        <tr>
          <th>Kind</th>
          <th>Company</th>
          <th>When</th>
          <th>Figure</th>
          <th>Status</th>
          <th className="quote">Source sentence</th>
        </tr>
      </thead>
      <tbody>
        {facts.map((f) => (
          <tr key={f.id} id={showArticle ? undefined : `row-${f.id}`}>
            <td data-label="Kind">{KIND_LABEL[f.kind] ?? f.kind}</td>
            <td data-label="Company">
              <Link to={`/companies/${f.companySlug}`}>{f.company}</Link>
              {f.counterparty && f.counterpartySlug ? (
                <>
                  {" → "}
                  <Link to={`/companies/${f.counterpartySlug}`}>{f.counterparty}</Link>
                </>
              ) : null}
              {f.market ? ` (${f.market})` : ""}
              {f.segment ? <span className="segment"> — {f.segment} segment, not in the company's totals</span> : null}
            </td>
            <td data-label="When">
              {formatPeriod(f.year, f.period)}
              {f.comparedYear !== null ? ` vs ${formatPeriod(f.comparedYear, f.comparedPeriod)}` : ""}
            </td>
            <td data-label="Figure" className="num">
              {formatFigure(f)}
              <CheckedMark state={f.checked} />
            </td>
            <td data-label="Status" className={`status-${f.status}`}>
              {f.status}
            </td>
            <td data-label="Source sentence" className="quote">
              <a href={sourceHref({ articleId: f.articleId, factId: f.id })}>{f.quote}</a>
              {showArticle ? (
                <span className="source-title">
                  {" "}
                  — {f.articleTitle}
                  {f.publishedYear ? ` (${f.publishedYear})` : ""}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
