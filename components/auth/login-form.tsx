"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function LoginForm({ next, expired }: { next: string; expired: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so every server component reads the new session.
        window.location.assign(next);
        return;
      }
      // A throttled attempt says how long to wait; every other failure reads the same.
      setError(result?.error?.startsWith("Too many sign-in attempts") ? result.error : "That email and password do not match an active account.");
    } catch {
      setError("Sign-in is unavailable right now. Please try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {expired ? (
        <p className="rounded-md bg-accent-soft p-3 text-sm text-accent-strong" role="status">
          Your session has ended. Please sign in again.
        </p>
      ) : null}
      <Field id="email" name="email" type="email" label="Email" autoComplete="username" required autoFocus />
      <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="text-sm font-medium text-stop">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
