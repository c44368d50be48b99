import { z } from "zod";
import { PERIODS } from "~/models/reviewTypes";
import { FACT_KINDS, STATUSES } from "~/models/types";

const factId = z.coerce
  .number({ invalid_type_error: "a fact is named by its number" })
  .int("a fact is named by its number")
  .min(1, "a fact is named by its number")
  .max(1e12, "a fact is named by its number");

/** Where to go back to after a review: the queue with the filters it had, and nothing else. */
const back = z
  .string()
  .max(2000)
  .optional()
  .transform((s) => (s && /^\/review(?:\?[^#]*)?$/.test(s) ? s : "/review"));

const text = (what: string, max: number) => z.string().trim().max(max, `${what} is at most ${max} characters`);

const number = (what: string) =>
  z.coerce
    .number({ invalid_type_error: `${what} is a number such as 40.68` })
    .refine(Number.isFinite, `${what} is a number such as 40.68`)
    .refine((n) => Math.abs(n) < 1e15, `${what} is beyond any figure charted`);

/** The fields an analyst may correct, as the edit form sends them (blank optional fields mean "none"). */
export const FACT_VALUES = z.object({
  company: text("a company name", 200).min(1, "a fact needs a company"),
  counterparty: text("a company name", 200).optional(),
  market: text("a market", 200).optional(),
  year: z.coerce
    .number({ invalid_type_error: "a year is a number such as 2008" })
    .int("a year is a whole number")
    .min(1900, "years before 1900 are not charted")
    .max(2100, "years after 2100 are not charted")
    .optional(),
  period: z.enum(PERIODS, { message: `a period is one of ${PERIODS.join(", ")}, or blank` }).optional(),
  low: number("low"),
  high: number("high"),
  unit: text("a unit", 40).min(1, "a fact needs a unit (a currency code such as EUR, % or a word such as vehicles)"),
  status: z.enum(STATUSES, { message: `status is one of ${STATUSES.join(", ")}` }),
  approximate: z
    .enum(["on"], { message: "approximate is a checkbox" })
    .optional()
    .transform((v) => v === "on"),
});

/** The values the form sent, blank optional fields as none: what a correction or an added fact stores. */
export function factValues(form: z.infer<typeof FACT_VALUES>) {
  return {
    company: form.company,
    counterparty: form.counterparty ?? null,
    market: form.market ?? null,
    year: form.year ?? null,
    period: form.period ?? null,
    low: form.low,
    high: form.high,
    unit: form.unit,
    status: form.status,
    approximate: form.approximate,
  };
}

/** A fact a person adds on an article's page: the sentence's words (selected or pasted), the figure's, the values. */
export const ADD_FORM = FACT_VALUES.extend({
  intent: z.literal("add", { errorMap: () => ({ message: "intent is add" }) }),
  kind: z.enum(FACT_KINDS, { message: `kind is one of ${FACT_KINDS.join(", ")}` }),
  quote: z
    .string({ required_error: "select or paste the sentence the fact is in" })
    .max(3000, "a sentence is at most 3,000 characters"),
  figure: z.string().max(200, "a figure is at most 200 characters").optional(),
});

export const REVIEW_FORM = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("confirm"), factId, back }),
    z.object({ intent: z.literal("reject"), factId, back }),
    FACT_VALUES.extend({
      intent: z.literal("correct"),
      factId,
      back,
      /** File the fact's company name under the company typed from now on. */
      alias: z
        .enum(["on"], { message: "alias is a checkbox" })
        .optional()
        .transform((v) => v === "on"),
    }),
    z.object({ intent: z.literal("restore"), reviewId: factId, back }),
    /** Confirm the figure this fact gives over the other figures its sources give (db/figureConflicts.ts). */
    z.object({ intent: z.literal("settle"), factId, back }),
  ],
  { errorMap: () => ({ message: "intent is confirm, reject, correct, restore or settle" }) },
);

export type ReviewForm = z.infer<typeof REVIEW_FORM>;
