import { z } from "zod";

/**
 * The company page's forms: rename, merge into another company, remove (app/components/CompanyEdit.tsx), and settle
 * a conflict between sources by confirming one figure (app/components/SettleFigures.tsx).
 */
export const COMPANY_FORM = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("rename"),
      name: z.string({ required_error: "type the new name" }).max(500, "a company name is at most 120 characters"),
    }),
    z.object({
      intent: z.literal("merge"),
      into: z
        .string({ required_error: "name the company it is the same as" })
        .max(200, "a company name is at most 200 characters"),
    }),
    z.object({
      intent: z.literal("remove"),
      confirm: z.literal("yes", { errorMap: () => ({ message: "tick the box to say it is no company" }) }),
    }),
    z.object({
      intent: z.literal("settle"),
      factId: z.coerce
        .number({ invalid_type_error: "a fact's number", required_error: "name the fact to confirm" })
        .int("a fact's number")
        .positive("a fact's number")
        .max(Number.MAX_SAFE_INTEGER, "a fact's number"),
    }),
  ],
  { errorMap: () => ({ message: "intent is rename, merge, remove or settle" }) },
);
