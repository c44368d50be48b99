import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { CompanyCombobox } from "~/components/CompanyCombobox";
import { KindSelect } from "~/components/KindSelect";
import { Pager } from "~/components/Pager";
import { SubmitButton } from "~/components/Pending";
import { ReviewCard } from "~/components/ReviewCard";
import { RouteError } from "~/components/RouteError";
import { UnknownCompanies } from "~/components/UnknownCompanies";
import { useReviewKeys } from "~/components/useReviewKeys";
import { conflictFigures, settleFigureConflict } from "~/models/figureConflicts.server";
import { applyReview, recentRejections, restoreReview, reviewQueue, unmatchedReviews } from "~/models/reviews.server";
import { resolveCompanyNames } from "~/models/search.server";
import { requireReader, requireRole } from "~/sessions.server";
import { formatFigure, formatPeriod } from "~/utils/format";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/params.server";
import { REVIEW_QUERY } from "~/utils/queries.server";
import { factValues, REVIEW_FORM } from "~/utils/reviewForms.server";
import { assertSameOrigin } from "~/utils/sameOrigin.server";
import { suggestionLinks } from "~/utils/suggestionLinks.server";

export const meta: MetaFunction = () => [{ title: "Review facts — Financial figures" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const q = parseQuery(request, REVIEW_QUERY);
  const named = q.company ? await resolveCompanyNames([q.company]) : null;
  const company = named?.companies[0];
  const unknown = suggestionLinks(request, "company", named?.unknown ?? []);
  const user = await requireReader(request, "page");
  const canReview = user?.role === "analyst" || user?.role === "admin";
  const queue = unknown.length
    ? { items: [], total: 0, latestArticles: null, page: 1, hasNext: false }
    : await reviewQueue({ kind: q.kind, companyId: company?.id, articleId: q.article, page: q.page });
  // The figures of each flagged conflict on this page, with their sources (stakes are settled on /stakes).
  const conflicts = await conflictFigures(
    queue.items.filter((i) => i.kind !== "stake" && i.doubts.includes("conflict")).map((i) => i.id),
  );
  return json({
    query: { kind: q.kind ?? "", article: q.article ?? null },
    field: company?.name ?? q.company ?? "",
    unknown,
    queue,
    conflicts,
    canReview,
    signedIn: user !== null,
    unmatched: canReview ? await unmatchedReviews() : [],
    rejected: canReview ? await recentRejections() : [],
  });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "analyst", "Reviewing facts");
  const form = await parseForm(request, REVIEW_FORM);
  if (form.intent === "restore") await restoreReview(user.name, form.reviewId);
  else if (form.intent === "settle") await settleFigureConflict(user.name, form.factId);
  else if (form.intent === "correct") {
    if (form.low > form.high) throw json({ message: "Low is above high: swap them." }, { status: 400 });
    await applyReview(user.name, form.factId, {
      action: "correct",
      values: factValues(form),
      alias: form.alias,
    });
  } else await applyReview(user.name, form.factId, { action: form.intent });
  return redirect(form.back, { status: 303 });
}

export default function Review() {
  const d = useLoaderData<typeof loader>();
  const location = useLocation();
  useReviewKeys();
  const back = `${location.pathname}${location.search}`;
  return (
    <>
      <h1>Review facts</h1>
      <p className="hint">
        {d.queue.total.toLocaleString("en")} {d.queue.total === 1 ? "fact" : "facts"} not reviewed yet, most doubtful
        first
        {d.queue.latestArticles
          ? ` among the facts of the latest ${d.queue.latestArticles.toLocaleString("en")} articles (filter by company or article for the others)`
          : ""}
        .{" "}
        {d.canReview ? (
          <>
            Keys: <kbd>j</kbd>/<kbd>k</kbd> next and previous, <kbd>a</kbd> confirm, <kbd>r</kbd> reject, <kbd>e</kbd>{" "}
            correct, <kbd>Esc</kbd> close the form.
          </>
        ) : d.signedIn ? (
          "Reviewing needs the analyst role."
        ) : (
          <>
            <Link to="/login?next=/review">Sign in</Link> as an analyst to review.
          </>
        )}
      </p>
      <Form method="get" className="filters">
        <KindSelect defaultValue={d.query.kind} any />
        <CompanyCombobox
          key={d.field}
          name="company"
          label="Company"
          defaultValue={d.field}
          placeholder="e.g. Renault"
        />
        <label>
          Article <input name="article" defaultValue={d.query.article ?? ""} inputMode="numeric" size={6} />
        </label>
        <SubmitButton pending="Showing…">Show</SubmitButton>
      </Form>
      {d.unknown.length ? <UnknownCompanies names={d.unknown} /> : null}
      {d.unmatched.length ? (
        <section className="review-unmatched">
          <h2>Reviews whose fact was not found again</h2>
          <p className="hint">
            The article was imported again and no new fact matches these reviews. They are kept; check the article.
          </p>
          <ul>
            {d.unmatched.map((u) => (
              <li key={u.id}>
                {u.state} by {u.userName}: {u.kind.replace("_", " ")} of {u.company} in “{u.quote}” (
                {u.articleId ? <Link to={`/articles/${u.articleId}`}>{u.articlePath}</Link> : `${u.articlePath}, gone`})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.queue.items.length === 0 && !d.unknown.length ? (
        <p className="empty">Nothing left to review here.</p>
      ) : (
        <div className="review-list">
          {d.queue.items.map((item) => (
            <ReviewCard key={item.id} item={item} back={back} canReview={d.canReview} conflict={d.conflicts[item.id]} />
          ))}
        </div>
      )}
      <Pager page={d.queue.page} hasNext={d.queue.hasNext} />
      {d.rejected.length ? (
        <section className="review-rejected">
          <h2>Rejected or superseded lately</h2>
          <ul>
            {d.rejected.map((r) => (
              <li key={r.id} data-review={r.id}>
                {r.kind.replace("_", " ")} of {r.company}, {formatPeriod(r.year, r.period)}: {formatFigure(r)} —{" "}
                {r.supersededBy
                  ? `superseded by ${formatFigure({ ...r, ...r.supersededBy })}, confirmed`
                  : r.state === "superseded"
                    ? "superseded"
                    : "rejected"}{" "}
                by {r.userName} {r.updatedAt.slice(0, 16).replace("T", " ")}{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="restore" />
                  <input type="hidden" name="reviewId" value={r.id} />
                  <input type="hidden" name="back" value={back} />
                  <SubmitButton>Restore</SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
