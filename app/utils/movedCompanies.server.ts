import { redirect } from "@remix-run/node";
import { findCompany, movedCompanySlug } from "~/models/companies.server";

/** Query parameters that hold one company slug, and the one that holds a comma-separated list of them. */
const ONE = ["company", "holder", "held"] as const;
const LIST = "companies";

/** The slug a company has now, when `slug` is an old address of a renamed or merged one; else null. */
async function nowCalled(slug: string): Promise<string | null> {
  if (!slug || (await findCompany(slug))) return null;
  return movedCompanySlug(slug);
}

/**
 * A 302 to the same address with every old company slug in its query replaced by the company's slug now, or null
 * when none is old. For resource routes that take slugs (exports, the JSON API): a link or a script written before
 * a rename or merge keeps working, and the export cache keys only the current address. 302, not 301, as on
 * /companies/:slug (docs/decisions/014): the old name may become a company of its own again.
 */
export async function movedCompaniesRedirect(request: Request): Promise<Response | null> {
  const url = new URL(request.url);
  let moved = false;
  for (const name of ONE) {
    const slug = url.searchParams.get(name);
    const now = slug ? await nowCalled(slug) : null;
    if (now) {
      url.searchParams.set(name, now);
      moved = true;
    }
  }
  const list = url.searchParams.get(LIST);
  if (list) {
    const slugs: string[] = [];
    for (const s of list.split(",")) {
      const now = await nowCalled(s.trim());
      if (now) moved = true;
      slugs.push(now ?? s);
    }
    // A merge can make two names of a list one company: it is asked for once.
    url.searchParams.set(LIST, [...new Set(slugs)].join(","));
  }
  return moved ? redirect(`${url.pathname}${url.search}`, 302) : null;
}
