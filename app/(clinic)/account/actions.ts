"use server";

import { formToObject, invalid, type ActionResult } from "@/lib/actions/result";
import { changePasswordSchema } from "@/lib/validation/account";
import { changeOwnPassword, signOutEverywhere } from "@/lib/dal/users";
import { DomainRuleError } from "@/lib/dal/errors";

export async function changePasswordAction(_prev: unknown, form: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = changePasswordSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await changeOwnPassword(parsed.data.currentPassword, parsed.data.newPassword);
    return { ok: true, data: { email: String(form.get("email") ?? "") } };
  } catch (error) {
    if (error instanceof DomainRuleError) return { ok: false, error: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
    throw error;
  }
}

export async function signOutEverywhereAction(): Promise<ActionResult> {
  await signOutEverywhere();
  return { ok: true, data: undefined };
}
