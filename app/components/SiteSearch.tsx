import { Form, useLocation } from "@remix-run/react";
import { CompanyCombobox } from "./CompanyCombobox";
import { SubmitButton } from "./Pending";

/** The header's company search on every page: suggestions with scripts, the /search page without them. */
export function SiteSearch() {
  const location = useLocation();
  const onSearchPage = location.pathname === "/search";
  const typed = onSearchPage ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <Form method="get" action="/search" role="search" className="site-search">
      {/* A fresh, empty box on each page; on the search page it holds what was searched for. */}
      <CompanyCombobox
        key={`${location.pathname}?${typed}`}
        name="q"
        label="Search companies"
        hideLabel
        placeholder="Search companies…"
        defaultValue={typed}
        navigate
      />
      <SubmitButton action="/search" className="site-search-button">
        Search
      </SubmitButton>
    </Form>
  );
}
