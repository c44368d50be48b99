import type { z } from "zod";
import { checkQuery, knownParams } from "./params.server";
import {
  API_FACTS_QUERY,
  COMPANY_QUERY,
  COMPARE_QUERY,
  DECLINES_QUERY,
  FACTS_QUERY,
  HOME_QUERY,
  STAKES_QUERY,
} from "./queries.server";

/**
 * The page cache's key for a URL: two URLs share a key only when Remix answers them alike, and an attacker's
 * ignored or reordered parameters cannot make a new one. Each page's query is parsed with the schema its loader
 * uses, and the key holds the parsed values (defaults applied, order and blank values gone, lists deduplicated);
 * a query the loader would refuse has no key, so it goes to Remix for its 400 and is never kept. Pages whose
 * loaders read no parameters are keyed without them. The path's fixed words are matched without regard to case,
 * as Remix matches routes; a slug or id is kept as written, since the loader is what decides about it.
 *
 * A route missing from this table is keyed by its path and its parameters sorted: still safe, only less shared.
 * A loader that starts reading a parameter must have it in its schema here.
 */
type Schema = z.ZodObject<z.ZodRawShape>;
/** `ignoresOthers`: the loader drops parameters its schema does not name (parseKnownQuery), so the key does too. */
const PAGES: Array<{
  path: RegExp;
  canonical: (m: RegExpExecArray) => string;
  schema: Schema | null;
  ignoresOthers?: boolean;
}> = [
  { path: /^\/$/, canonical: () => "/", schema: HOME_QUERY, ignoresOthers: true },
  { path: /^\/companies\/([^/]+)$/i, canonical: (m) => `/companies/${m[1]}`, schema: COMPANY_QUERY },
  { path: /^\/compare$/i, canonical: () => "/compare", schema: COMPARE_QUERY },
  { path: /^\/stakes$/i, canonical: () => "/stakes", schema: STAKES_QUERY },
  { path: /^\/declines$/i, canonical: () => "/declines", schema: DECLINES_QUERY },
  { path: /^\/facts$/i, canonical: () => "/facts", schema: FACTS_QUERY },
  { path: /^\/api\/facts$/i, canonical: () => "/api/facts", schema: API_FACTS_QUERY },
  { path: /^\/articles\/([^/]+)$/i, canonical: (m) => `/articles/${m[1]}`, schema: null },
];

/** Remix's own keys (which route's data a client navigation asks for): they change the response. */
const REMIX_KEYS = ["_data", "index"];

/** JSON with object keys sorted, so equal values give equal text. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** `params` sorted by key, keeping the order of a repeated key's values (a loader may read them in order). */
function sortedQuery(params: URLSearchParams, only?: string[]): string {
  const pairs = [...params].filter(([k]) => !only || only.includes(k));
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(pairs).toString();
}

/** The key for a request's URL (path and query), or null when it must not be cached at all. */
export function pageKey(originalUrl: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(originalUrl, "http://localhost");
    // Remix decodes the path before matching and hands the loader decoded parameters.
    path = url.pathname
      .split("/")
      .map((s) => decodeURIComponent(s))
      .join("/");
  } catch {
    return null;
  }
  if (path.length > 1) path = path.replace(/\/$/, "");
  for (const page of PAGES) {
    const m = page.path.exec(path);
    if (!m) continue;
    const remix = sortedQuery(url.searchParams, REMIX_KEYS);
    const base = `${page.canonical(m)}?${remix}`;
    if (!page.schema) return base;
    const checked = checkQuery(
      page.ignoresOthers ? knownParams(url.searchParams, page.schema) : url.searchParams,
      page.schema,
    );
    return "message" in checked ? null : `${base}#${stable(checked.data)}`;
  }
  return `${path}?${sortedQuery(url.searchParams)}`;
}
