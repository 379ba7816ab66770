"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { SettingSave } from "@/components/ui/setting-save";

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
      <SettingSave state={state} pending={pending} label="Save days" field="days" errorId="checkin-days-error" />
    </form>
  );
}
