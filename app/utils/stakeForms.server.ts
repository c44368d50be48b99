import { z } from "zod";
import { STATUSES } from "~/models/types";
import { slugSchema } from "./params.server";

const percent = (what: string) =>
  z.coerce
    .number({ invalid_type_error: `${what} is a percentage such as 12.5` })
    .min(0, `${what} is a percentage between 0 and 100`)
    .max(100, `${what} is a percentage between 0 and 100`);

/** Where to go back to after settling: the stakes page or a company's page, with their parameters. */
const back = z
  .string()
  .max(2000)
  .optional()
  .transform((s) => (s && /^\/(?:stakes|companies\/[a-z0-9-]+)(?:\?[^#]*)?$/.test(s) ? s : "/stakes"));

/** The form that settles a stake conflict by confirming one of its figures (StakeList). */
export const SETTLE_FORM = z.object({
  intent: z.literal("settle", { errorMap: () => ({ message: "send the form from the stakes table" }) }),
  holder: slugSchema,
  held: slugSchema,
  /** Blank for a row with no year. */
  asOf: z.coerce
    .number({ invalid_type_error: "the as-of year is a number such as 2005" })
    .int("the as-of year is a whole number")
    .min(1000, "the as-of year is a number such as 2005")
    .max(3000, "the as-of year is a number such as 2005")
    .optional(),
  status: z.enum(STATUSES, { message: `status is one of ${STATUSES.join(", ")}` }),
  low: percent("low"),
  high: percent("high"),
  back,
});
