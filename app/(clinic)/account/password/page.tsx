import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/account/change-password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPendingPasswordChange: true });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Change password</h1>
      {user.mustChangePassword ? (
        <p role="status" className="rounded-md bg-accent-soft p-3 text-sm text-accent-strong">
          Your account has a one-time password. Choose your own before you continue.
        </p>
      ) : null}
      <p className="text-sm text-muted">At least 12 characters; a phrase of several words works well. Common passwords and your email are refused.</p>
      <ChangePasswordForm email={user.email} />
    </div>
  );
}
