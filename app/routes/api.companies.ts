import type { LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { searchCompanies } from "~/models/search.server";
import type { CompanySearchResponse } from "~/models/searchTypes";
import { readerRefusal } from "~/sessions.server";
import { parseQuery } from "~/utils/params.server";
import { API_COMPANIES_QUERY } from "~/utils/queries.server";

/** Companies matching what was typed, best first, for the search boxes' suggestions (and for scripts). */
export async function loader({ request }: LoaderFunctionArgs) {
  const closed = await readerRefusal(request);
  if (closed) return closed;
  let q: z.infer<typeof API_COMPANIES_QUERY>;
  try {
    q = parseQuery(request, API_COMPANIES_QUERY);
  } catch (err) {
    // A resource route has no error boundary: the 400 goes out as the JSON body it already is.
    if (err instanceof Response) return err;
    throw err;
  }
  const query = q.q ?? "";
  // "<" is written as \u003c (the same JSON once parsed): what was typed never reaches a body as markup.
  const data: CompanySearchResponse = { query, companies: await searchCompanies(query, q.limit) };
  const body = JSON.stringify(data).replace(/</g, "\\u003c");
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } });
}
