import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CompanyEdit } from "~/components/CompanyEdit";
import { ExportMenu } from "~/components/charts/ExportMenu";
import { DownloadLink } from "~/components/DownloadLink";
import { FigureSection } from "~/components/FigureSection";
import { ImportHint } from "~/components/ImportHint";
import { SubmitButton } from "~/components/Pending";
import { PeriodFields } from "~/components/PeriodFields";
import { RouteError } from "~/components/RouteError";
import { StakeCharts } from "~/components/StakeCharts";
import { StakeList } from "~/components/StakeList";
import { UndoButton } from "~/components/UndoButton";
import { type ChartSeries, companyCharts } from "~/models/charts.server";
import { findCompany, movedCompanySlug } from "~/models/companies.server";
import { changeCompany, companyRecord } from "~/models/companyEdits.server";
import { factCompanyId, settleFigureConflict } from "~/models/figureConflicts.server";
import { jointHolderPage } from "~/models/jointHolders.server";
import { resolveCompanyNames } from "~/models/search.server";
import { drawnStakes } from "~/models/stakeTypes";
import { PERIOD_TYPE_WORDS } from "~/models/timeAxis";
import { drawnSources } from "~/models/types";
import { undoMessage } from "~/models/undoMessage.server";
import { requireReader, requireRole } from "~/sessions.server";
import { COMPANY_FORM } from "~/utils/companyForms.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery, slugSchema } from "~/utils/params.server";
import { COMPANY_QUERY } from "~/utils/queries.server";
import { assertSameOrigin } from "~/utils/sameOrigin.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.company.name} — Financial figures` : "Company not found — Financial figures" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await requireReader(request, "page");
  const view = parseQuery(request, COMPANY_QUERY);
  const slug = slugSchema.safeParse(params.slug);
  const company = slug.success ? await findCompany(slug.data) : null;
  if (!company) {
    // A company renamed or merged into another: its old address leads to its page now, with the same view. A
    // temporary redirect, as the old name may become a company of its own again.
    const moved = slug.success ? await movedCompanySlug(slug.data) : null;
    if (moved) throw redirect(`/companies/${moved}${new URL(request.url).search}`, 302);
    throw json(
      { message: `No company called "${(params.slug ?? "").slice(0, 80)}" has been imported.` },
      { status: 404 },
    );
  }
  // "B + A" stored by one article and "A + B" by another are one holder, with one page: the canonical one's.
  const joint = await jointHolderPage(company.id);
  if (joint.redirectTo) throw redirect(`/companies/${joint.redirectTo}${new URL(request.url).search}`, 302);
  const charts = await companyCharts(company, view);
  const canEdit = user?.role === "analyst" || user?.role === "admin";
  // The charts' table and sources views are drawn when opened, from each chart's own page (docs/decisions/039;
  // analysts settle a figure sources disagree on there): the page sends only the sources its charts draw.
  const drawn = (series: ChartSeries[]) =>
    series.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, sources: drawnSources(p.sources) })) }));
  return json({
    company: { name: joint.name ?? company.name, slug: company.slug },
    ...charts,
    revenue: drawn(charts.revenue),
    revenueChange: drawn(charts.revenueChange),
    marketShare: drawn(charts.marketShare),
    salesVolume: drawn(charts.salesVolume),
    stakesHeld: drawnStakes(charts.stakesHeld),
    stakesIn: drawnStakes(charts.stakesIn),
    record: await companyRecord(company.id, user?.role === "admin"),
    canEdit,
    canUndo: user?.role === "admin",
    // Read from the audit trail, which only signed-in users see.
    undone: user && view.undone ? await undoMessage(view.undone) : null,
  });
}

/**
 * An analyst renames the company, merges it into another or removes it as no company (models/companyEdits.server.ts),
 * then lands on its page (the new name's, or the company merged into); or settles a conflict between sources of one
 * of its figures by confirming one (models/figureConflicts.server.ts, audited as on /review), and stays on the
 * page as it was. A mistake is shown beside its form.
 */
export async function action({ params, request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "analyst", "Changing a company");
  const slug = slugSchema.safeParse(params.slug);
  const company = slug.success ? await findCompany(slug.data) : null;
  if (!company) {
    throw json({ message: `No company called "${(params.slug ?? "").slice(0, 80)}" to change.` }, { status: 404 });
  }
  // Which form was sent, to show a mistake beside it (any other intent is shown above the forms).
  const sent = await request
    .clone()
    .formData()
    .then((f) => String(f.get("intent") ?? ""))
    .catch(() => "");
  const intent = ["rename", "merge", "remove", "settle"].includes(sent) ? sent : "";
  try {
    const form = await parseForm(request, COMPANY_FORM);
    if (form.intent === "settle") {
      // Only this company's figures are settled from its page; the fact may be gone since the page was drawn.
      if ((await factCompanyId(form.factId)) !== company.id) {
        throw json(
          { message: `That figure is no longer one of ${company.name}'s (settled or re-imported meanwhile): reload.` },
          { status: 409 },
        );
      }
      await settleFigureConflict(user.name, form.factId);
      const url = new URL(request.url);
      return redirect(`${url.pathname}${url.search}`, 303);
    }
    if (form.intent === "rename") {
      return redirect(
        `/companies/${(await changeCompany(user.name, company.id, { action: "rename", name: form.name })).slug}`,
        303,
      );
    }
    if (form.intent === "merge") {
      const into = (await resolveCompanyNames([form.into])).companies[0];
      if (!into)
        throw json(
          { message: `No company is called "${form.into.slice(0, 80)}": pick one of the suggestions.` },
          { status: 400 },
        );
      return redirect(
        `/companies/${(await changeCompany(user.name, company.id, { action: "merge", intoId: into.id })).slug}`,
        303,
      );
    }
    return redirect(`/companies/${(await changeCompany(user.name, company.id, { action: "remove" })).slug}`, 303);
  } catch (err) {
    // A mistake in what was typed, or a clash, is said beside the form; anything else is the route's error page.
    if (
      err instanceof Response &&
      (err.status === 400 || err.status === 409 || (intent === "settle" && err.status === 404))
    ) {
      const { message } = (await err.json()) as { message: string };
      return json({ intent, message }, { status: err.status });
    }
    throw err;
  }
}

export default function CompanyPage() {
  const d = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const name = d.company.name;
  const query = {
    company: d.company.slug,
    periods: d.periods === "year" ? undefined : d.periods,
    from: d.range.from?.toString(),
    to: d.range.to?.toString(),
  };
  // A chart's own page, with the page's periods, years and market: where its table and sources views are drawn.
  const chartHref = (id: string) => {
    const search = new URLSearchParams(
      Object.entries({ ...query, company: undefined, market: d.market ?? undefined }).filter(
        (e): e is [string, string] => e[1] !== undefined,
      ),
    ).toString();
    return `/companies/${d.company.slug}/charts/${id}${search ? `?${search}` : ""}`;
  };
  const nothing = (what: string) => (
    <>
      {`None of the imported articles gives ${what} for ${name}.`} <ImportHint />
    </>
  );
  const periodWords = PERIOD_TYPE_WORDS[d.periods].toLowerCase();
  const within =
    d.range.from || d.range.to ? ` between ${d.range.from ?? "the first year"} and ${d.range.to ?? "the last"}` : "";
  return (
    <>
      <h1>{name}</h1>
      <p className="subtle">
        <Link to={`/facts?company=${d.company.slug}`}>All facts about {name}</Link> ·{" "}
        <Link to={`/stakes?holder=${d.company.slug}`}>Stakes it holds</Link> ·{" "}
        <Link to={`/compare?companies=${d.company.slug}&metric=revenue`}>Compare with others</Link> ·{" "}
        <DownloadLink href={`/export/deck.pptx?company=${d.company.slug}`} what="the deck">
          All charts as a PowerPoint deck
        </DownloadLink>
      </p>
      {d.undone ? (
        <p className="form-note" role="status">
          {d.undone}
        </p>
      ) : null}
      {d.record.removed ? (
        <div className="notice" role="status">
          {`${name} is no company: removed by ${d.record.removed.userName} on ${d.record.removed.at.slice(0, 10)}. Its facts were rejected (see the review page's rejections), and facts an import files under it are rejected too.`}{" "}
          {d.canUndo && d.record.removed.auditId ? (
            <UndoButton auditId={d.record.removed.auditId} action="company.remove" />
          ) : null}
        </div>
      ) : d.canEdit ? (
        <CompanyEdit
          key={d.company.slug}
          name={name}
          aliases={d.record.aliases}
          error={refused && refused.intent !== "settle" ? refused : null}
        />
      ) : null}
      {d.canUndo && d.record.merged.length ? (
        <div className="merged-here">
          <p>Merged into {name}:</p>
          <ul>
            {d.record.merged.map((m) => (
              <li key={m.auditId} data-audit={m.auditId}>
                {m.name} (by {m.userName} on {m.at.slice(0, 10)}){" "}
                <UndoButton auditId={m.auditId} action="company.merge" />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {refused?.intent === "settle" ? (
        <p className="form-error" role="alert">
          {refused.message}
        </p>
      ) : null}
      {/* One kind of period and a range of years for the revenue, change and sales charts: a GET form, so the
          choice lives in the URL and works without scripts. */}
      <Form method="get" className="filters period-form" aria-label="Periods shown" key={JSON.stringify(query)}>
        <PeriodFields
          periods={d.periods}
          from={d.range.from}
          to={d.range.to}
          available={d.periodTypes}
          years={d.years}
        />
        {d.market && d.markets.length > 1 && <input type="hidden" name="market" value={d.market} />}
        <SubmitButton pending="Showing…">Show</SubmitButton>
      </Form>
      <FigureSection
        title="Revenue"
        series={d.revenue}
        empty={nothing(`revenue for ${periodWords}${within}`)}
        query={query}
        chartHref={chartHref}
      />
      <FigureSection
        title="Revenue change"
        series={d.revenueChange}
        empty={nothing(`revenue changes for ${periodWords}${within}`)}
        signColours
        query={query}
        chartHref={chartHref}
      />
      <section>
        <h2>Stakes</h2>
        <h3>Stakes {name} holds</h3>
        {d.stakesHeld.length + d.stakesIn.length > 0 && (
          <ExportMenu chart="stakes" query={{ company: d.company.slug }} />
        )}
        {d.stakesHeld.length ? (
          <>
            <StakeList groups={d.stakesHeld} canSettle={d.canEdit} compact />
            <StakeCharts groups={d.stakesHeld} lazy />
          </>
        ) : (
          <p className="empty">
            {`None of the imported articles says ${name} holds a stake in another company.`} <ImportHint />
          </p>
        )}
        {d.moreStakesHeld > 0 && (
          <p>
            <Link to={`/stakes?holder=${d.company.slug}`}>{d.moreStakesHeld} more holdings on the stakes page</Link>
          </p>
        )}
        <h3>Stakes held in {name}</h3>
        {d.stakesIn.length ? (
          <>
            <StakeList groups={d.stakesIn} canSettle={d.canEdit} compact />
            <StakeCharts groups={d.stakesIn} lazy />
          </>
        ) : (
          <p className="empty">
            {`None of the imported articles says another company holds a stake in ${name}.`} <ImportHint />
          </p>
        )}
        {d.moreStakesIn > 0 && (
          <p>
            <Link to={`/stakes?held=${d.company.slug}`}>{d.moreStakesIn} more holders on the stakes page</Link>
          </p>
        )}
      </section>
      <FigureSection
        title="Market share"
        series={d.marketShare}
        empty={nothing("a market share")}
        query={{ ...query, market: d.market ?? undefined }}
        chartHref={chartHref}
      />
      {d.markets.length > 1 && (
        <nav className="view-switch" aria-label="Markets">
          Other markets:{" "}
          {d.markets
            .filter((m) => m !== d.market)
            .slice(0, 20)
            .map((m, i) => (
              <span key={m}>
                {i > 0 ? " · " : ""}
                <Link
                  to={`/companies/${d.company.slug}?${new URLSearchParams(
                    Object.entries({ ...query, company: undefined, market: m }).filter(
                      (e): e is [string, string] => e[1] !== undefined,
                    ),
                  )}`}
                >
                  {m}
                </Link>
              </span>
            ))}
        </nav>
      )}
      <FigureSection
        title="Sales volumes"
        series={d.salesVolume}
        empty={nothing("sales volumes")}
        query={query}
        chartHref={chartHref}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
