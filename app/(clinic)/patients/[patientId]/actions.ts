"use server";

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

export async function stepBackAction(patientId: string, input: unknown): Promise<ActionResult<ReturnToRunDto>> {
  const parsed = stepBackSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return actionResult(() => stepBackStage(patientId, parsed.data.fromStage, parsed.data.reason), () => revalidatePatient(patientId));
}
