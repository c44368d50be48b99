import { Link } from "@remix-run/react";
import { CheckedMark } from "~/components/CheckedMark";
import { type Source, sourceHref } from "~/models/types";

/**
 * Every source of one figure, as the stakes table lists them: how many facts give it, each article with its
 * sentence (the newest ten past ten, with a link to the rest on the facts page), and the mark of those a person
 * checked.
 */
export function FigureSources({ sources, count, more }: { sources: Source[]; count: number; more: string }) {
  return (
    <div className="figure-sources">
      <span className="source-count">
        {count} {count === 1 ? "source" : "sources"}
        {count > sources.length ? (
          <>
            {`, the ${sources.length} newest listed (`}
            <Link to={more}>the others on the facts page</Link>)
          </>
        ) : null}
        :
      </span>
      <ul>
        {sources.map((s) => (
          <li key={s.factId}>
            <CheckedMark state={s.checked} />
            <a href={sourceHref(s)}>{s.articleTitle}</a>
            {s.publishedYear ? ` (${s.publishedYear})` : ""}: “{s.quote}”
          </li>
        ))}
      </ul>
    </div>
  );
}
