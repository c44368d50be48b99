import type { UnknownName } from "~/components/UnknownCompanies";
import type { ResolvedNames } from "~/models/search.server";

/** Long names are cut when echoed back: a pasted paragraph is still one line on the page. */
const shown = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

/**
 * The unknown names of a request, each suggestion with the same address but the suggested company's slug in place
 * of the name typed (`rewrite` builds that parameter's new value).
 */
export function suggestionLinks(
  request: Request,
  param: string,
  unknown: ResolvedNames["unknown"],
  rewrite: (typed: string, slug: string) => string = (_typed, slug) => slug,
): UnknownName[] {
  const url = new URL(request.url);
  return unknown.map((u) => ({
    name: shown(u.name),
    suggestions: u.suggestions.map((s) => {
      const next = new URLSearchParams(url.search);
      next.delete("page");
      next.set(param, rewrite(u.name, s.slug));
      return { name: s.name, href: `${url.pathname}?${next}` };
    }),
  }));
}
