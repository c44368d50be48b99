import { z } from "zod";

/** The company page's forms (app/components/CompanyEdit.tsx): rename, merge into another company, remove. */
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
  ],
  { errorMap: () => ({ message: "intent is rename, merge or remove" }) },
);
