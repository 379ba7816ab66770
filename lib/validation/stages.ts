/** Therapist decisions on the return-to-run stage. */
import { z } from "zod";

export const confirmProgressionSchema = z.object({ fromStage: z.coerce.number().int().min(0).max(4) });

export const overrideStageSchema = z.object({
  toStage: z.coerce.number({ message: "Choose a stage." }).int().min(0, "Choose a stage.").max(5, "Choose a stage."),
  reason: z.string({ message: "Give the reason for the override." }).trim().min(3, "Give the reason for the override.").max(500, "The reason must be at most 500 characters."),
});

/**
 * A step back: the stage it starts from (the page's, to catch a change since), the chosen
 * destination (stage and, within walk-run, the ladder step) and the reason, required.
 */
export const stepBackSchema = z.object({
  fromStage: z.coerce.number().int().min(1).max(5),
  toStage: z.coerce.number({ message: "Choose where to step back to." }).int("Choose where to step back to.").min(0, "Choose where to step back to.").max(4, "Choose where to step back to."),
  toLadderStep: z.coerce.number().int().min(0).max(4).nullable().optional(),
  reason: z.string({ message: "Give the reason for the step back." }).trim().min(3, "Give the reason for the step back.").max(500, "The reason must be at most 500 characters."),
});

export type StepBackInput = z.infer<typeof stepBackSchema>;
