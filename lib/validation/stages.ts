/** Therapist decisions on the return-to-run stage. */
import { z } from "zod";
import { requiredInt } from "./fields";
import { requiredNumberField } from "./number-field";
import { hasForbiddenMultiLine, MULTI_LINE_MESSAGE } from "./text";

export const confirmProgressionSchema = z.object({ fromStage: requiredInt("Stage", 0, 4) });

export const overrideStageSchema = z.object({
  toStage: requiredNumberField("Stage", 0, 5, { int: true, messages: { required: "Choose a stage.", notNumber: "Choose a stage.", notWhole: "Choose a stage.", range: "Choose a stage." } }),
  reason: z.string({ message: "Give the reason for the override." }).trim().min(3, "Give the reason for the override.").max(500, "The reason must be at most 500 characters.")
    .transform((v) => v.replace(/\r\n?/g, "\n"))
    .refine((v) => !hasForbiddenMultiLine(v), MULTI_LINE_MESSAGE),
});

/**
 * A step back: the stage it starts from (the page's, to catch a change since), the chosen
 * destination (stage and, within walk-run, the ladder step) and the reason, required.
 */
export const stepBackSchema = z.object({
  fromStage: requiredInt("Stage", 1, 5),
  toStage: requiredNumberField("Stage", 0, 4, { int: true, messages: { required: "Choose where to step back to.", notNumber: "Choose where to step back to.", notWhole: "Choose where to step back to.", range: "Choose where to step back to." } }),
  toLadderStep: z.number().int().min(0).max(4).nullable().optional(),
  reason: z.string({ message: "Give the reason for the step back." }).trim().min(3, "Give the reason for the step back.").max(500, "The reason must be at most 500 characters.")
    .transform((v) => v.replace(/\r\n?/g, "\n"))
    .refine((v) => !hasForbiddenMultiLine(v), MULTI_LINE_MESSAGE),
});

export type StepBackInput = z.infer<typeof stepBackSchema>;
