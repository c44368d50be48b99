import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CompanyCombobox } from "~/components/CompanyCombobox";
import { FactTable } from "~/components/FactTable";
import { ImportHint } from "~/components/ImportHint";
import { KindSelect } from "~/components/KindSelect";
import { Pager } from "~/components/Pager";
import { SubmitButton } from "~/components/Pending";
import { RouteError } from "~/components/RouteError";
import { UnknownCompanies } from "~/components/UnknownCompanies";
import { Overloaded } from "~/exports/limiter.server";
import { FACT_PAGES, queryFacts } from "~/models/facts.server";
import { resolveCompanyNames } from "~/models/search.server";
import { FACT_SORTS, STATUSES } from "~/models/types";
import { requireReader } from "~/sessions.server";
import { parseQuery } from "~/utils/params.server";
import { FACTS_QUERY } from "~/utils/queries.server";
import { suggestionLinks } from "~/utils/suggestionLinks.server";

export const meta: MetaFunction = () => [{ title: "All facts — Financial figures" }];

/** A 503 (a page asked for by number while too many are being looked for) tells the browser when to come back. */
export const headers: HeadersFunction = ({ errorHeaders, parentHeaders }) => {
  const out = new Headers(parentHeaders);
  for (const name of ["Retry-After", "Cache-Control"]) {
    const value = errorHeaders?.get(name);
    if (value) out.set(name, value);
  }
  return out;
};

/**
 * The page, or a 503 with Retry-After when a page asked for by its number alone could not be found in time or
 * too many are being looked for (docs/decisions/036).
 */
async function factsOrBusy(q: Parameters<typeof queryFacts>[0]) {
  try {
    return await queryFacts(q);
  } catch (err) {
    if (!(err instanceof Overloaded)) throw err;
    throw json(
      { message: err.message },
      { status: 503, headers: { "Retry-After": String(err.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireReader(request, "page");
  const q = parseQuery(request, FACTS_QUERY);
  const typed = q.company || undefined;
  const named = typed ? await resolveCompanyNames([typed]) : null;
  const company = named?.companies[0];
  const unknown = suggestionLinks(request, "company", named?.unknown ?? []);
  const facts = unknown.length ? null : await factsOrBusy({ ...q, company: company?.slug, lastPage: FACT_PAGES });
  return json({
    query: { ...q, company: company?.slug },
    // The field shows the company's own name once found, else what was typed.
    field: company?.name ?? typed ?? "",
    unknown,
    facts: facts?.facts ?? [],
    page: facts?.page ?? 1,
    hasNext: facts?.hasNext ?? false,
    capped: facts?.capped ?? false,
  });
}

export default function Facts() {
  const d = useLoaderData<typeof loader>();
  const q = d.query;
  return (
    <>
      <h1>All facts</h1>
      <Form method="get" className="filters">
        <KindSelect defaultValue={q.kind} any />
        <CompanyCombobox
          key={d.field}
          name="company"
          label="Company"
          defaultValue={d.field}
          placeholder="e.g. Renault"
        />
        <label>
          Year <input name="year" defaultValue={q.year ?? ""} inputMode="numeric" size={6} />
        </label>
        <label>
          Status{" "}
          <select name="status" defaultValue={q.status ?? ""}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by{" "}
          <select name="sort" defaultValue={q.sort}>
            {FACT_SORTS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order{" "}
          <select name="dir" defaultValue={q.dir}>
            <option value="asc">ascending</option>
            <option value="desc">descending</option>
          </select>
        </label>
        <SubmitButton pending="Showing…">Show</SubmitButton>
      </Form>
      {d.unknown.length ? (
        <UnknownCompanies names={d.unknown} />
      ) : d.facts.length === 0 ? (
        <p className="empty">
          {q.kind || q.company || q.year || q.status ? (
            "No imported fact matches these filters: remove one to see more."
          ) : (
            <>
              No facts have been imported yet. <ImportHint />
            </>
          )}
        </p>
      ) : (
        <>
          <FactTable facts={d.facts} />
          <Pager
            page={d.page}
            hasNext={d.hasNext}
            bounds={{ first: d.facts[0].id, last: d.facts[d.facts.length - 1].id }}
          />
          {d.capped ? (
            <p className="empty">
              More facts follow in this order: pages stop at {d.page}. Reverse the order or filter to see them.
            </p>
          ) : null}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
