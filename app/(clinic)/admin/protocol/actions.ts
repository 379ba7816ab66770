"use server";

import { revalidatePath } from "next/cache";
import { formToObject, invalid, type ActionResult } from "@/lib/actions/result";
import { actionResult } from "@/lib/dal/action-errors";
import { saveClinicProtocol, type ProtocolSaved } from "@/lib/dal/protocol";
import { protocolSchema } from "@/lib/validation/protocol";

/** Saves the clinic's thresholds and recomputes every patient's status with them. */
export async function saveProtocolAction(_prev: ActionResult<ProtocolSaved> | null, form: FormData): Promise<ActionResult<ProtocolSaved>> {
  const parsed = protocolSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  return actionResult(() => saveClinicProtocol(parsed.data), () => revalidatePath("/", "layout"));
}
