import { Link, useLocation } from "@remix-run/react";

/** Previous and next links that keep every other parameter of the current URL. */
export function Pager({ page, hasNext }: { page: number; hasNext: boolean }) {
  const location = useLocation();
  const to = (n: number) => {
    const params = new URLSearchParams(location.search);
    if (n === 1) params.delete("page");
    else params.set("page", String(n));
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}`;
  };
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? <Link to={to(page - 1)}>← Previous</Link> : <span />}
      <span>Page {page}</span>
      {hasNext ? <Link to={to(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}
