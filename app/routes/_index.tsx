import { json, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChangeBarChart } from "~/components/charts/ChangeBarChart";
import { factsOfArticles, latestRevenueChanges, listArticles } from "~/models/overview.server";
import { formatFigure, formatPeriod } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Financial figures" }];

export async function loader() {
  const articles = listArticles();
  const facts = factsOfArticles(articles.map((a) => a.id));
  const changes = latestRevenueChanges().map((c) => ({
    label: `${c.company} ${formatPeriod(c.year, c.period)}`,
    value: (c.low + c.high) / 2,
    detail: `${c.company}: ${formatFigure({ ...c, unit: "percent" })} (${c.status}) — ${c.quote}`,
  }));
  return json({ articles, facts, changes });
}

export default function Index() {
  const { articles, facts, changes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Financial figures from the news</h1>
      <h2>Latest revenue change by company</h2>
      {changes.length ? (
        <ChangeBarChart data={changes} title="Latest revenue change by company, in percent" />
      ) : (
        <p className="empty">
          No revenue changes yet — import articles with <code>npm run import -- path/</code>.
        </p>
      )}
      <h2>Articles ({articles.length})</h2>
      {articles.length === 0 ? (
        <p className="empty">
          No articles yet — import some with <code>npm run import -- path/</code>.
        </p>
      ) : (
        articles.map((a) => {
          const own = facts.filter((f) => f.articleId === a.id);
          return (
            <article key={a.id} className="article-card">
              <h3>{a.title}</h3>
              <p className="quote">
                {a.sourcePath} · published {a.publishedYear ?? "year unknown"} · {a.factCount}{" "}
                {a.factCount === 1 ? "fact" : "facts"}
              </p>
              {own.length > 0 && (
                <table>
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
                    {own.map((f) => (
                      <tr key={f.id}>
                        <td>{f.kind.replace("_", " ")}</td>
                        <td>
                          {f.company}
                          {f.counterparty ? ` → ${f.counterparty}` : ""}
                          {f.market ? ` (${f.market})` : ""}
                        </td>
                        <td>{formatPeriod(f.year, f.period)}</td>
                        <td className="num">{formatFigure(f)}</td>
                        <td className={`status-${f.status}`}>{f.status}</td>
                        <td className="quote">{f.quote}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          );
        })
      )}
    </>
  );
}
