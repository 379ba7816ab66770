/** Therapist decisions on the return-to-run stage. */
import { z } from "zod";
import { optionalText } from "./fields";

export const confirmProgressionSchema = z.object({ fromStage: z.coerce.number().int().min(0).max(4) });

export const overrideStageSchema = z.object({
  toStage: z.coerce.number({ message: "Choose a stage." }).int().min(0, "Choose a stage.").max(5, "Choose a stage."),
  reason: z.string({ message: "Give the reason for the override." }).trim().min(3, "Give the reason for the override.").max(500, "The reason must be at most 500 characters."),
});

export const stepBackSchema = z.object({ fromStage: z.coerce.number().int().min(1).max(5), reason: optionalText("Reason", 500) });
