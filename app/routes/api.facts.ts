import { json, type LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { Overloaded } from "~/exports/limiter.server";
import { queryFacts } from "~/models/facts.server";
import { sourceHref } from "~/models/types";
import { readerRefusal } from "~/sessions.server";
import { movedCompaniesRedirect } from "~/utils/movedCompanies.server";
import { parseQuery } from "~/utils/params.server";
import { API_FACTS_QUERY } from "~/utils/queries.server";

/** The facts as JSON for scripts: the same filters as /facts, 500 a page, with a link to the next page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const closed = await readerRefusal(request);
  if (closed) return closed;
  let q: z.infer<typeof API_FACTS_QUERY>;
  try {
    q = parseQuery(request, API_FACTS_QUERY);
  } catch (err) {
    // A resource route has no error boundary: the 400 goes out as the JSON body it already is.
    if (err instanceof Response) return err;
    throw err;
  }
  const moved = await movedCompaniesRedirect(request);
  if (moved) return moved;
  let result: Awaited<ReturnType<typeof queryFacts>>;
  try {
    result = await queryFacts({ ...q, pageSize: 500, sort: "article" });
  } catch (err) {
    // A page asked for by number whose start could not be found in time (docs/decisions/036): come back later, or
    // follow `next`, which names where the page starts.
    if (!(err instanceof Overloaded)) throw err;
    return json(
      { error: err.message },
      { status: 503, headers: { "Retry-After": String(err.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  if (q.company && result.companyName === null) {
    return json({ error: `No company called "${q.company}" has been imported.` }, { status: 404 });
  }
  const next = new URL(request.url);
  next.searchParams.set("page", String(result.page + 1));
  // The next page starts after this one's last fact: read from there, it costs what the first does.
  const last = result.facts.at(-1);
  if (last) next.searchParams.set("after", String(last.id));
  return json(
    {
      facts: result.facts.map((f) => ({
        ...f,
        source: {
          articleId: f.articleId,
          title: f.articleTitle,
          url: sourceHref({ articleId: f.articleId, factId: f.id }),
        },
      })),
      page: result.page,
      next: result.hasNext ? `${next.pathname}${next.search}` : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
