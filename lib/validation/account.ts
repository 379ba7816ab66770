import { z } from "zod";
import { USER_ROLES } from "@/lib/domain/vocabulary";
import { PASSWORD_MAX } from "@/lib/auth/password-policy";
import { singleLineText } from "./text";

export const createUserSchema = z.object({
  name: singleLineText("a name", 100),
  email: z.string().trim().toLowerCase().max(254, "Use at most 254 characters.").pipe(z.email("Enter a valid email address.")),
  role: z.enum(USER_ROLES, "Choose a role."),
});

export const userIdSchema = z.object({ userId: z.uuid("Unknown account.") });

export const changeRoleSchema = userIdSchema.extend({ role: z.enum(USER_ROLES, "Choose a role.") });

export const setDisabledSchema = userIdSchema.extend({ disabled: z.enum(["true", "false"]).transform((v) => v === "true") });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: z.string().max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });
