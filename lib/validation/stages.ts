/** Therapist decisions on the return-to-run stage. */
import { z } from "zod";
import { optionalText, requiredInt } from "./fields";
import { requiredNumberField } from "./number-field";
import { hasForbiddenMultiLine, MULTI_LINE_MESSAGE } from "./text";

export const confirmProgressionSchema = z.object({ fromStage: requiredInt("Stage", 0, 4) });

export const overrideStageSchema = z.object({
  toStage: requiredNumberField("Stage", 0, 5, { int: true, messages: { required: "Choose a stage.", notNumber: "Choose a stage.", notWhole: "Choose a stage.", range: "Choose a stage." } }),
  reason: z.string({ message: "Give the reason for the override." }).trim().min(3, "Give the reason for the override.").max(500, "The reason must be at most 500 characters.")
    .transform((v) => v.replace(/\r\n?/g, "\n"))
    .refine((v) => !hasForbiddenMultiLine(v), MULTI_LINE_MESSAGE),
});

export const stepBackSchema = z.object({ fromStage: requiredInt("Stage", 1, 5), reason: optionalText("Reason", 500) });
