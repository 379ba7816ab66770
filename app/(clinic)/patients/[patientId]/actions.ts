"use server";

import { revalidatePath } from "next/cache";
import { invalid, type ActionResult } from "@/lib/actions/result";
import { actionErrorFrom } from "@/lib/dal/action-errors";
import { confirmProgression, overrideStage, stepBackStage, type ReturnToRunDto } from "@/lib/dal/stages";
import { confirmProgressionSchema, overrideStageSchema, stepBackSchema } from "@/lib/validation/stages";

async function run(patientId: string, write: () => Promise<ReturnToRunDto>): Promise<ActionResult<ReturnToRunDto>> {
  try {
    const data = await write();
    revalidatePath(`/patients/${patientId}`, "layout");
    revalidatePath("/");
    return { ok: true, data };
  } catch (err) {
    return actionErrorFrom(err).result;
  }
}

export async function confirmProgressionAction(patientId: string, input: unknown): Promise<ActionResult<ReturnToRunDto>> {
  const parsed = confirmProgressionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run(patientId, () => confirmProgression(patientId, parsed.data.fromStage));
}

export async function overrideStageAction(patientId: string, input: unknown): Promise<ActionResult<ReturnToRunDto>> {
  const parsed = overrideStageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run(patientId, () => overrideStage(patientId, parsed.data.toStage, parsed.data.reason));
}

export async function stepBackAction(patientId: string, input: unknown): Promise<ActionResult<ReturnToRunDto>> {
  const parsed = stepBackSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run(patientId, () => stepBackStage(patientId, parsed.data.fromStage, parsed.data.reason));
}
