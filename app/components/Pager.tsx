import { Link, useLocation } from "@remix-run/react";

/**
 * Previous and next links that keep every other parameter of the current URL. With `bounds` (the first and last
 * row shown, by id) the links also name the row a page ends before or starts after, so the server can start the
 * page there instead of counting the rows before it (the facts page, docs/decisions/027).
 */
export function Pager({
  page,
  hasNext,
  bounds,
}: {
  page: number;
  hasNext: boolean;
  bounds?: { first: number; last: number };
}) {
  const location = useLocation();
  const to = (n: number, cursor?: ["after" | "before", number]) => {
    const params = new URLSearchParams(location.search);
    params.delete("after");
    params.delete("before");
    if (n === 1) params.delete("page");
    else {
      params.set("page", String(n));
      if (cursor) params.set(cursor[0], String(cursor[1]));
    }
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}`;
  };
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? <Link to={to(page - 1, bounds && ["before", bounds.first])}>← Previous</Link> : <span />}
      <span>Page {page}</span>
      {hasNext ? <Link to={to(page + 1, bounds && ["after", bounds.last])}>Next →</Link> : <span />}
    </nav>
  );
}
