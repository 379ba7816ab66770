"use server";

import { revalidatePath } from "next/cache";
import { echoValues, formToObject, invalid, type ActionResult } from "@/lib/actions/result";
import { changeRoleSchema, createUserSchema, setDisabledSchema, userIdSchema } from "@/lib/validation/account";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/dal/users";
import { DomainRuleError, NotFoundError } from "@/lib/dal/errors";

function failure(error: unknown, values?: Record<string, unknown>): ActionResult<never> {
  if (error instanceof DomainRuleError)
    return { ok: false, error: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined, values: values ? echoValues(values) : undefined };
  if (error instanceof NotFoundError) return { ok: false, error: "Account not found." };
  throw error;
}

export async function createUserAction(_prev: unknown, form: FormData): Promise<ActionResult<{ email: string; oneTimePassword: string }>> {
  const input = formToObject(form);
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, input);
  try {
    const created = await createUser(parsed.data);
    revalidatePath("/admin");
    return { ok: true, data: { email: parsed.data.email, oneTimePassword: created.oneTimePassword } };
  } catch (error) {
    return failure(error, input);
  }
}

export async function setDisabledAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = setDisabledSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await setUserDisabled(parsed.data.userId, parsed.data.disabled);
    revalidatePath("/admin");
    return { ok: true, data: undefined };
  } catch (error) {
    return failure(error);
  }
}

export async function changeRoleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = changeRoleSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await changeUserRole(parsed.data.userId, parsed.data.role);
    revalidatePath("/admin");
    return { ok: true, data: undefined };
  } catch (error) {
    return failure(error);
  }
}

export async function resetPasswordAction(_prev: unknown, form: FormData): Promise<ActionResult<{ oneTimePassword: string }>> {
  const parsed = userIdSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await resetUserPassword(parsed.data.userId);
    revalidatePath("/admin");
    return { ok: true, data: result };
  } catch (error) {
    return failure(error);
  }
}
