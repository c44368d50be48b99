import { z } from "zod";
import { FACT_PAGES } from "~/models/facts.server";
import { PERIOD_TYPES } from "~/models/timeAxis";
import { FACT_KINDS, FACT_SORTS, STATUSES } from "~/models/types";
import { pageSchema, slugSchema, yearSchema } from "./params.server";

/**
 * The query parameters of each page, in one server-only module: a route module's top level also runs in the
 * browser, where server modules are empty.
 */
const kind = z.enum(FACT_KINDS, { message: `kind is one of ${FACT_KINDS.join(", ")}` });
const status = z.enum(STATUSES, { message: `status is one of ${STATUSES.join(", ")}` });

/**
 * A company as people write it: a name, an alias or a slug, in any case. The route resolves it; one that names no
 * company is shown on the page with suggestions, never a 400 (forms cap their fields at these lengths).
 */
const companyName = z.string().trim().max(200, "a company name is at most 200 characters");

/** Names separated by commas, each once (in any case), in the order typed. */
const companyNames = z
  .string()
  .max(2000, "the list of companies is too long")
  .transform((s) => {
    const seen = new Set<string>();
    return s
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x && !seen.has(x.toLowerCase()) && seen.add(x.toLowerCase()));
  });

/** A fact's number, as the facts page's links name the fact a page starts after or ends before. */
const factId = z.coerce
  .number({ invalid_type_error: "a fact is named by its number" })
  .int("a fact is named by a whole number")
  .min(1, "fact numbers start at 1")
  .max(Number.MAX_SAFE_INTEGER, "no fact has that number");

/** The period selector: one kind of period per chart. */
const periodType = z.enum(PERIOD_TYPES, { message: `periods is one of ${PERIOD_TYPES.join(", ")}` });
/** A company's charts also take "part-year", the old links' word for the first part-year type it has. */
const companyPeriods = z.enum([...PERIOD_TYPES, "part-year"], {
  message: `periods is one of ${PERIOD_TYPES.join(", ")}`,
});
/** The year range: both ends optional, either order (the model sorts them). */
const yearRange = { from: yearSchema.optional(), to: yearSchema.optional() };

export const SEARCH_QUERY = z.object({ q: companyName.optional() });

export const API_COMPANIES_QUERY = z.object({
  q: companyName.optional(),
  limit: z.coerce
    .number({ invalid_type_error: "limit is a number from 1 to 50" })
    .int("limit is a whole number from 1 to 50")
    .min(1, "limit is from 1 to 50")
    .max(50, "limit is from 1 to 50")
    .default(8),
});

export const STAKES_QUERY = z.object({
  holder: companyName.optional(),
  held: companyName.optional(),
  page: pageSchema.optional(),
});

export const COMPARE_QUERY = z.object({
  companies: companyNames.optional(),
  metric: z.enum(["revenue", "revenue_change"], { message: "metric is revenue or revenue_change" }).default("revenue"),
  mode: z.enum(["absolute", "indexed"], { message: "mode is absolute or indexed" }).default("absolute"),
  periods: periodType.default("year"),
  ...yearRange,
});

/** The home chart: one kind of period, by default the kind most companies report (the model picks it). */
export const HOME_QUERY = z.object({ periods: periodType.optional() });

/** The largest declines: one kind of period, one year or all of them. */
export const DECLINES_QUERY = z.object({
  periods: periodType.default("year"),
  year: yearSchema.optional(),
});

/** Exports are addressed by slugs, as the pages link to them. */
const COMPANY_SLUGS = z
  .string()
  .max(2000, "the list of companies is too long")
  .transform((s) => [
    ...new Set(
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(slugSchema)
      .min(1, "name at least one company, e.g. companies=renault,nissan")
      .max(8, "compare at most 8 companies at once"),
  )
  .optional();

export const FACTS_QUERY = z.object({
  kind: kind.optional(),
  company: companyName.optional(),
  year: yearSchema.optional(),
  status: status.optional(),
  sort: z.enum(FACT_SORTS, { message: `sort is one of ${FACT_SORTS.join(", ")}` }).default("year"),
  dir: z.enum(["asc", "desc"], { message: "dir is asc or desc" }).default("asc"),
  page: pageSchema
    .max(FACT_PAGES, `the facts are listed ${FACT_PAGES} pages deep in any order: reverse the order or filter them`)
    .optional(),
  // The fact a page starts after (Next) or ends before (Previous), so a deep page costs what the first does
  // (docs/decisions/027); a page without one is found by its number.
  after: factId.optional(),
  before: factId.optional(),
});

export const API_FACTS_QUERY = z.object({
  company: slugSchema.optional(),
  kind: kind.optional(),
  year: yearSchema.optional(),
  status: status.optional(),
  page: pageSchema.optional(),
  // The fact the page starts after, which `next` names, so paging through costs a page a request.
  after: factId.optional(),
});

export const COMPANY_QUERY = z.object({
  periods: companyPeriods.default("year"),
  ...yearRange,
  market: z.string().max(200, "a market name is at most 200 characters").optional(),
  /** The audit row of an undo that just landed here (/audit's action): the page says what it brought back. */
  undone: z.coerce
    .number({ invalid_type_error: "an audit row's number" })
    .int("an audit row's number")
    .positive("an audit row's number")
    .max(1e12, "an audit row's number")
    .optional(),
});

export const EXPORT_QUERY = z.object({
  company: slugSchema.optional(),
  periods: companyPeriods.default("year"),
  ...yearRange,
  market: z.string().max(200, "a market name is at most 200 characters").optional(),
  unit: z
    .string()
    .max(20, "a unit is at most 20 characters")
    .regex(/^[A-Za-z%]+$/, "a unit is a currency code such as EUR, or a word such as vehicles")
    .optional(),
  holder: slugSchema.optional(),
  held: slugSchema.optional(),
  companies: COMPANY_SLUGS,
  metric: COMPARE_QUERY.shape.metric,
  mode: COMPARE_QUERY.shape.mode,
  scale: z.coerce
    .number({ invalid_type_error: "scale is a number from 1 to 4" })
    .int("scale is a whole number from 1 to 4")
    .min(1, "scale is from 1 to 4")
    .max(4, "scale is from 1 to 4")
    .default(2),
});

/** The review queue's filters: a kind, a company (by name, alias or slug), an article id. */
export const REVIEW_QUERY = z.object({
  kind: kind.optional(),
  company: companyName.optional(),
  article: z.coerce
    .number({ invalid_type_error: "article is an article's number" })
    .int("article is an article's number")
    .min(1, "article is an article's number")
    .max(1e12, "article is an article's number")
    .optional(),
  page: pageSchema.optional(),
});

export const AUDIT_QUERY = z.object({ page: pageSchema.optional() });
