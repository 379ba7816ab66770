"use client";

import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { changePasswordAction } from "@/app/(clinic)/account/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** After the change every session ends, so this browser signs in again with the new password. */
export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const newPassword = useRef("");
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  useEffect(() => {
    if (!state?.ok) return;
    // A full page load, so every server component reads the new session cookie.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    void signIn("credentials", { email, password: newPassword.current, redirect: false }).then(() => window.location.assign("/"));
  }, [state, email]);

  return (
    <form action={action} className="flex max-w-md flex-col gap-4" onSubmit={(e) => (newPassword.current = String(new FormData(e.currentTarget).get("newPassword") ?? ""))}>
      <input type="hidden" name="email" value={email} />
      <Field id="currentPassword" name="currentPassword" type="password" label="Current password" autoComplete="current-password" required error={errors?.currentPassword} />
      <Field
        id="newPassword"
        name="newPassword"
        type="password"
        label="New password (at least 12 characters)"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={128}
        error={errors?.newPassword}
      />
      <Field id="confirmPassword" name="confirmPassword" type="password" label="New password again" autoComplete="new-password" required error={errors?.confirmPassword} />
      {state && !state.ok && !errors ? (
        <p role="alert" className="text-sm text-stop">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-safe">
          Password changed. Signing you in again…
        </p>
      ) : null}
      <Button type="submit" disabled={pending || state?.ok}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
