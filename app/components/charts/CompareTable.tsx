import { CheckedMark } from "~/components/CheckedMark";
import type { CompareChart } from "~/models/compare.server";
import { sourceHref } from "~/models/types";
import { shown } from "./CompareLineChart";

/** The comparison as a table: a row per period (periods without any figure left out), a column per company. */
export function CompareTable({ chart }: { chart: CompareChart }) {
  return (
    <table className="cards">
      <thead>
        <tr>
          <th>Period</th>
          {chart.companies.map((c) => (
            <th key={c.slug}>{c.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {chart.rows
          .filter((r) => Object.keys(r.points).length > 0)
          .map((r) => (
            <tr key={r.t}>
              <td data-label="Period">{r.label}</td>
              {chart.companies.map((c) => {
                const p = r.points[c.slug];
                return (
                  <td key={c.slug} className="num" data-label={c.name}>
                    {p ? (
                      <a href={sourceHref(p.source)} title={p.source.quote}>
                        {shown(chart, p).replace(/ \(index\)$/, "")}
                        {p.status !== "actual" ? ` (${p.status})` : ""}
                        {p.base ? ` vs ${p.base}` : ""}
                        <CheckedMark state={p.source.checked} />
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
      </tbody>
    </table>
  );
}
