"use server";

import { revalidatePath } from "next/cache";
import { invalid, type ActionResult } from "@/lib/actions/result";
import { createAssessment, updateAssessment } from "@/lib/dal/assessments";
import { ConflictError, DomainRuleError, NotFoundError } from "@/lib/dal/errors";
import { assessmentInputSchema, assessmentUpdateSchema } from "@/lib/validation/assessment";

const NOT_FOUND: ActionResult<never> = { ok: false, error: "This assessment or patient was not found on your caseload." };

function expectedFailure(error: unknown): ActionResult<never> {
  if (error instanceof NotFoundError) return NOT_FOUND;
  if (error instanceof DomainRuleError) {
    return { ok: false, error: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
  }
  if (error instanceof ConflictError) {
    const current = error.current;
    return {
      ok: false,
      error: "Someone else saved this assessment after you opened it. Your changes were not saved.",
      conflict: {
        current,
        currentVersion: error.currentVersion,
        changedBy: typeof current.savedByName === "string" ? current.savedByName : null,
        changedAt: typeof current.updatedAt === "string" ? current.updatedAt : null,
      },
    };
  }
  throw error;
}

export async function createAssessmentAction(patientId: string, values: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = assessmentInputSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const created = await createAssessment(String(patientId), parsed.data);
    revalidatePath(`/patients/${patientId}`, "layout");
    return { ok: true, data: created };
  } catch (error) {
    return expectedFailure(error);
  }
}

export async function updateAssessmentAction(patientId: string, assessmentId: string, version: unknown, values: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const parsed = assessmentUpdateSchema.safeParse({ version, values });
  if (!parsed.success) {
    const result = invalid(parsed.error);
    // The form's fields are nested under "values." in the update schema.
    if (!result.ok && result.fieldErrors) {
      result.fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^values\./, ""), v]));
    }
    return result;
  }
  try {
    const saved = await updateAssessment(String(patientId), String(assessmentId), parsed.data.version, parsed.data.values);
    revalidatePath(`/patients/${patientId}`, "layout");
    return { ok: true, data: saved };
  } catch (error) {
    return expectedFailure(error);
  }
}
