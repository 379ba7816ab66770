"use client";

import { useActionState } from "react";
import { createUserAction } from "@/app/(clinic)/admin/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { OneTimePassword } from "./one-time-password";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="grid gap-3 md:grid-cols-[1fr_1fr_auto_auto] md:items-end" aria-label="New account">
      <Field id="new-name" name="name" label="Name" required maxLength={100} error={errors?.name} defaultValue={values?.name ?? ""} />
      <Field id="new-email" name="email" type="email" label="Email" required error={errors?.email} defaultValue={values?.email ?? ""} />
      <div className="flex flex-col gap-1">
        <label htmlFor="new-role" className="text-sm font-medium">
          Role
        </label>
        <select id="new-role" name="role" key={values?.role ?? "therapist"} defaultValue={values?.role ?? "therapist"} className="min-h-11 rounded-md border border-line bg-white px-3">
          <option value="therapist">Therapist</option>
          <option value="admin">Clinic admin</option>
        </select>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </Button>
      {state && !state.ok && !errors ? (
        <p role="alert" className="text-sm text-stop md:col-span-4">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <div className="md:col-span-4">
          <OneTimePassword email={state.data.email} password={state.data.oneTimePassword} />
        </div>
      ) : null}
    </form>
  );
}
