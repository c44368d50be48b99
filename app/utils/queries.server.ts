import { z } from "zod";
import { FACT_KINDS, FACT_SORTS, STATUSES } from "~/models/types";
import { pageSchema, slugSchema, yearSchema } from "./params.server";

/**
 * The query parameters of each page, in one server-only module: a route module's top level also runs in the
 * browser, where server modules are empty.
 */
const kind = z.enum(FACT_KINDS, { message: `kind is one of ${FACT_KINDS.join(", ")}` });
const status = z.enum(STATUSES, { message: `status is one of ${STATUSES.join(", ")}` });

export const STAKES_QUERY = z.object({
  holder: slugSchema.optional(),
  held: slugSchema.optional(),
  page: pageSchema.optional(),
});

export const COMPARE_QUERY = z.object({
  companies: z
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
    .optional(),
  metric: z.enum(["revenue", "revenue_change"], { message: "metric is revenue or revenue_change" }).default("revenue"),
  mode: z.enum(["absolute", "indexed"], { message: "mode is absolute or indexed" }).default("absolute"),
});

export const FACTS_QUERY = z.object({
  kind: kind.optional(),
  company: slugSchema.optional(),
  year: yearSchema.optional(),
  status: status.optional(),
  sort: z.enum(FACT_SORTS, { message: `sort is one of ${FACT_SORTS.join(", ")}` }).default("year"),
  dir: z.enum(["asc", "desc"], { message: "dir is asc or desc" }).default("asc"),
  page: pageSchema.optional(),
});

export const API_FACTS_QUERY = z.object({
  company: slugSchema.optional(),
  kind: kind.optional(),
  year: yearSchema.optional(),
  status: status.optional(),
  page: pageSchema.optional(),
});

export const COMPANY_QUERY = z.object({
  periods: z.enum(["year", "part-year"], { message: "periods is year or part-year" }).default("year"),
  market: z.string().max(200, "a market name is at most 200 characters").optional(),
});

export const EXPORT_QUERY = z.object({
  company: slugSchema.optional(),
  periods: z.enum(["year", "part-year"], { message: "periods is year or part-year" }).default("year"),
  market: z.string().max(200, "a market name is at most 200 characters").optional(),
  unit: z
    .string()
    .max(20, "a unit is at most 20 characters")
    .regex(/^[A-Za-z%]+$/, "a unit is a currency code such as EUR, or a word such as vehicles")
    .optional(),
  holder: slugSchema.optional(),
  held: slugSchema.optional(),
  companies: COMPARE_QUERY.shape.companies,
  metric: COMPARE_QUERY.shape.metric,
  mode: COMPARE_QUERY.shape.mode,
  scale: z.coerce
    .number({ invalid_type_error: "scale is a number from 1 to 4" })
    .int("scale is a whole number from 1 to 4")
    .min(1, "scale is from 1 to 4")
    .max(4, "scale is from 1 to 4")
    .default(2),
});
