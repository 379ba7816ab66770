"use server";

import { z } from "zod";
import { idArg, serverAction } from "@/lib/actions/door";
import { invalid, type ActionResult } from "@/lib/actions/result";
import { actionResult, revalidatePatient } from "@/lib/dal/action-errors";
import { confirmProgression, overrideStage, stepBackStage, type ReturnToRunDto } from "@/lib/dal/stages";
import { confirmProgressionSchema, overrideStageSchema, stepBackSchema } from "@/lib/validation/stages";


export async function confirmProgressionAction(patientId: string, input: unknown): Promise<ActionResult<ReturnToRunDto>> {
  const parsed = confirmProgressionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return actionResult(() => confirmProgression(patientId, parsed.data.fromStage), () => revalidatePatient(patientId));
}

export async function overrideStageAction(patientId: string, input: unknown): Promise<ActionResult<ReturnToRunDto>> {
  const parsed = overrideStageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return actionResult(() => overrideStage(patientId, parsed.data.toStage, parsed.data.reason), () => revalidatePatient(patientId));
}

/**
 * A step back to the destination the therapist chose (one ladder step down or an earlier
 * stage), with the required reason: (patientId, { fromStage, toStage, toLadderStep, reason }).
 */
export const stepBackAction = serverAction({
  name: "stage.step_back",
  args: z.tuple([idArg, stepBackSchema]),
  run: ([patientId, input]) => stepBackStage(patientId, input),
  revalidate: ([patientId]) => [`/patients/${patientId}`, "/"],
});
