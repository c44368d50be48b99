import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AddFactForm } from "~/components/AddFactForm";
import { FactTable } from "~/components/FactTable";
import { HighlightedText } from "~/components/HighlightedText";
import { RouteError } from "~/components/RouteError";
import { getArticle } from "~/models/articles.server";
import { addToArticle } from "~/models/reviews.server";
import { requireReader, requireRole } from "~/sessions.server";
import { parseForm } from "~/utils/forms.server";
import { parseId } from "~/utils/params.server";
import { publicationWords } from "~/utils/provenance";
import { ADD_FORM, factValues } from "~/utils/reviewForms.server";
import { assertSameOrigin } from "~/utils/sameOrigin.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.article.title} — Financial figures` : "Article not found — Financial figures" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await requireReader(request, "page");
  const id = parseId(params.id, "article");
  const article = await getArticle(id);
  if (!article) throw json({ message: `No article with the id ${id}.` }, { status: 404 });
  // The importer's label for the year's source stays on the server; the page gets it in words.
  const { publishedYearSource, ...rest } = article;
  return json({
    article: { ...rest, published: publicationWords(article.publishedYear, publishedYearSource) },
    canReview: user?.role === "analyst" || user?.role === "admin",
  });
}

/** Adds a fact the extractor missed (analysts), then shows the article with it. */
export async function action({ params, request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "analyst", "Adding facts");
  const id = parseId(params.id, "article");
  const form = await parseForm(request, ADD_FORM);
  if (form.low > form.high) throw json({ message: "Low is above high: swap them." }, { status: 400 });
  const { factId } = await addToArticle(user.name, id, {
    kind: form.kind,
    quote: form.quote,
    figure: form.figure ?? null,
    values: factValues(form),
  });
  return redirect(`/articles/${id}#fact-${factId}`, { status: 303 });
}

export default function ArticlePage() {
  const { article, canReview } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{article.title}</h1>
      <p className="subtle">
        <span className="provenance">{article.published}</span> · {article.facts.length}{" "}
        {article.facts.length === 1 ? "fact" : "facts"}
      </p>
      <h2>Facts</h2>
      {article.facts.length ? (
        <FactTable facts={article.facts} showArticle={false} />
      ) : (
        <p className="empty">No figures of the kinds this dashboard charts were found in this article.</p>
      )}
      <h2>Text</h2>
      <p className="subtle">Sentences that gave a fact are highlighted; the figure itself is in bold.</p>
      <HighlightedText segments={article.segments} />
      {canReview ? <AddFactForm /> : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
