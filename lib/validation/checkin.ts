/** The clinic's check-in settings as an admin types them. */
import { z } from "zod";
import { requiredNumberField } from "./number-field";

/** How many days a new check-in link is valid: a whole number 1–90. */
export const checkinLinkDaysSchema = z.object({
  days: requiredNumberField("Days", 1, 90, { int: true, messages: { range: "A link is valid for 1–90 days." } }),
});
