import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CompanyCombobox } from "~/components/CompanyCombobox";
import { ExportMenu } from "~/components/charts/ExportMenu";
import { ImportHint } from "~/components/ImportHint";
import { Pager } from "~/components/Pager";
import { SubmitButton } from "~/components/Pending";
import { RouteError } from "~/components/RouteError";
import { StakeCharts } from "~/components/StakeCharts";
import { StakeList } from "~/components/StakeList";
import { UnknownCompanies } from "~/components/UnknownCompanies";
import { resolveCompanyNames } from "~/models/search.server";
import { settleStakeConflict } from "~/models/stakeConflicts.server";
import { listStakes } from "~/models/stakes.server";
import { drawnStakes } from "~/models/stakeTypes";
import { requireReader, requireRole } from "~/sessions.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/params.server";
import { STAKES_QUERY } from "~/utils/queries.server";
import { assertSameOrigin } from "~/utils/sameOrigin.server";
import { SETTLE_FORM } from "~/utils/stakeForms.server";
import { suggestionLinks } from "~/utils/suggestionLinks.server";

const PAGE_SIZE = 5;

export const meta: MetaFunction = () => [{ title: "Stakes — Financial figures" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireReader(request, "page");
  const q = parseQuery(request, STAKES_QUERY);
  const typed = { holder: q.holder || undefined, held: q.held || undefined };
  const holder = typed.holder ? await resolveCompanyNames([typed.holder]) : null;
  const held = typed.held ? await resolveCompanyNames([typed.held]) : null;
  const unknown = [
    ...suggestionLinks(request, "holder", holder?.unknown ?? []),
    ...suggestionLinks(request, "held", held?.unknown ?? []),
  ];
  const holderCompany = holder?.companies[0];
  const heldCompany = held?.companies[0];
  const stakes = unknown.length
    ? null
    : await listStakes({ holder: holderCompany?.slug, held: heldCompany?.slug, page: q.page, pageSize: PAGE_SIZE });
  // The page of all pairs draws each figure's sources, and its charts' tables and sources, when opened, from the
  // pair's page (a page filtered to a company lists them all): it sends only what its charts draw (decision 039).
  const compact = !holderCompany && !heldCompany;
  return json({
    // The fields show the companies' own names once found, else what was typed.
    field: { holder: holderCompany?.name ?? typed.holder ?? "", held: heldCompany?.name ?? typed.held ?? "" },
    filter: { holder: holderCompany?.slug, held: heldCompany?.slug },
    unknown,
    groups: compact ? drawnStakes(stakes?.groups ?? []) : (stakes?.groups ?? []),
    compact,
    page: stakes?.page ?? 1,
    hasNext: stakes?.hasNext ?? false,
    canSettle: user?.role === "analyst" || user?.role === "admin",
  });
}

/**
 * An analyst settles a stake conflict by confirming one figure of a flagged row (models/stakeConflicts.server.ts);
 * the stakes table and company pages post here, and are sent back where they were.
 */
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "analyst", "Settling a stake conflict");
  const form = await parseForm(request, SETTLE_FORM);
  if (form.low > form.high) throw json({ message: "Low is above high: send the form from the page." }, { status: 400 });
  await settleStakeConflict(user.name, {
    holder: form.holder,
    held: form.held,
    asOf: form.asOf ?? null,
    status: form.status,
    low: form.low,
    high: form.high,
  });
  return redirect(form.back, { status: 303 });
}

export default function Stakes() {
  const d = useLoaderData<typeof loader>();
  const filtered = d.filter.holder || d.filter.held;
  return (
    <>
      <h1>Stakes</h1>
      <p className="subtle">
        Who holds what share of whom, one row per holder, company and as-of year, with every article that says so. A
        stake's year is the one its sentence gives, else its article's date (the page says which). Where sources give
        different figures for the same holder, company and year, the row is marked ⚠ and shows both
        {d.canSettle ? "; confirm the right one to settle it (the others are marked superseded)" : ""}.
      </p>
      <Form method="get" className="filters">
        <CompanyCombobox
          key={`holder:${d.field.holder}`}
          name="holder"
          label="Holder"
          defaultValue={d.field.holder}
          placeholder="e.g. Renault"
        />
        <CompanyCombobox
          key={`held:${d.field.held}`}
          name="held"
          label="Company held"
          defaultValue={d.field.held}
          placeholder="e.g. Nissan"
        />
        <SubmitButton pending="Filtering…">Filter</SubmitButton>
      </Form>
      {d.unknown.length ? (
        <UnknownCompanies names={d.unknown} />
      ) : d.groups.length === 0 ? (
        <p className="empty">
          {filtered ? (
            `The imported articles give no stake ${[
              d.filter.holder && `held by ${d.field.holder}`,
              d.filter.held && `in ${d.field.held}`,
            ]
              .filter(Boolean)
              .join(" ")}${d.page > 1 ? " past the previous page" : ""}.`
          ) : (
            <>
              The imported articles give no stakes yet. <ImportHint />
            </>
          )}
        </p>
      ) : (
        <>
          <ExportMenu chart="stakes" query={d.filter} />
          <StakeList groups={d.groups} canSettle={d.canSettle} compact={d.compact} />
          <StakeCharts groups={d.groups} lazy={d.compact} />
          <Pager page={d.page} hasNext={d.hasNext} />
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
