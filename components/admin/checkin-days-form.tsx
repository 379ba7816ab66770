"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";

/** How many days a new check-in link stays valid (1–90); links already made keep their expiry. */
export function CheckinDaysForm({ current, action }: { current: number; action: (prev: unknown, form: FormData) => Promise<ActionResult<undefined>> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label="Check-in link validity">
      <div className="flex flex-col gap-1">
        <label htmlFor="checkin-days" className="text-sm font-medium">
          A new check-in link is valid for (days, 1–90)
        </label>
        <input
          id="checkin-days"
          name="days"
          inputMode="numeric"
          defaultValue={failed ? (state.values?.days ?? String(current)) : String(current)}
          aria-invalid={failed ? true : undefined}
          aria-describedby={failed ? "checkin-days-error" : undefined}
          className="min-h-11 w-24 rounded-md border border-line bg-white px-2"
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save days"}
      </Button>
      {failed ? (
        <p id="checkin-days-error" role="alert" className="text-sm text-stop">
          {state.fieldErrors?.days ?? state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-safe">
          Saved.
        </p>
      ) : null}
    </form>
  );
}
