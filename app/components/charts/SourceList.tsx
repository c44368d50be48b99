import { CheckedMark } from "~/components/CheckedMark";
import type { Source } from "~/models/types";
import { sourceHref } from "~/models/types";

/**
 * The chart's "Sources" view: each article a figure on it was read from, once, with the sentences it gave, so a
 * reader can check a chart against its articles without opening every figure.
 */
export function SourceList({ sources }: { sources: Source[] }) {
  const byArticle = new Map<number, Source[]>();
  for (const s of sources) {
    const list = byArticle.get(s.articleId) ?? [];
    if (!list.some((x) => x.factId === s.factId)) list.push(s);
    byArticle.set(s.articleId, list);
  }
  if (!byArticle.size) return <p className="subtle">No source is named for these figures.</p>;
  return (
    <ul className="chart-sources">
      {[...byArticle.values()].map((list) => (
        <li key={list[0].articleId}>
          <a href={`/articles/${list[0].articleId}`}>{list[0].articleTitle}</a>
          {list[0].publishedYear ? ` (${list[0].publishedYear})` : ""}
          <ul>
            {list.map((s) => (
              <li key={s.factId} className="quote">
                <a href={sourceHref(s)}>“{s.quote}”</a>
                <CheckedMark state={s.checked} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
