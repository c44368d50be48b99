import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CompanyCombobox } from "~/components/CompanyCombobox";
import { ImportHint } from "~/components/ImportHint";
import { SubmitButton } from "~/components/Pending";
import { RouteError } from "~/components/RouteError";
import { searchCompanies } from "~/models/search.server";
import { describeMatch } from "~/models/searchTypes";
import { requireReader } from "~/sessions.server";
import { parseQuery } from "~/utils/params.server";
import { SEARCH_QUERY } from "~/utils/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query ? `Companies matching “${data.query}” — Financial figures` : "Search — Financial figures" },
];

const LIMIT = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireReader(request, "page");
  const q = parseQuery(request, SEARCH_QUERY);
  const query = q.q ?? "";
  // One more than shown, to say whether the list was cut.
  const matches = await searchCompanies(query, LIMIT + 1);
  return json({ query, matches: matches.slice(0, LIMIT), more: matches.length > LIMIT });
}

/** The search without scripts: the header's box submits here, and so does this page's own. */
export default function Search() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{d.query ? `Companies matching “${d.query}”` : "Find a company"}</h1>
      <Form method="get" action="/search" className="filters" role="search">
        <CompanyCombobox
          key={d.query}
          name="q"
          label="Company name or any other name it goes by"
          defaultValue={d.query}
          navigate
        />
        <SubmitButton action="/search" pending="Searching…">
          Search
        </SubmitButton>
      </Form>
      {!d.query ? (
        <p className="empty">
          Type a company's name, or part of it: companies are found by every name the articles call them, including
          those only mentioned as holding or held in a stake.
        </p>
      ) : d.matches.length === 0 ? (
        <p className="empty">
          No company in the imported articles is called anything like “{d.query}”. Try a shorter part of the name.{" "}
          <ImportHint />
        </p>
      ) : (
        <>
          <ul className="search-results">
            {d.matches.map((m) => (
              <li key={m.slug}>
                <Link to={`/companies/${m.slug}`}>{m.name}</Link>{" "}
                <span className="subtle">
                  {m.alias ? `also written “${m.alias}” · ` : ""}
                  {describeMatch(m)}
                </span>
              </li>
            ))}
          </ul>
          {d.more && <p className="subtle">Only the first {LIMIT} are listed: type more of the name to narrow them.</p>}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
