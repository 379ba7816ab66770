"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { DistanceUnit } from "@/lib/domain/vocabulary";
import { SettingSave } from "@/components/ui/setting-save";

const UNIT_WORDS: Record<DistanceUnit, string> = { km: "kilometres (km)", mi: "miles (mi)" };

type Props = {
  /** "user": the signed-in user's own choice (may follow the clinic); "clinic": the clinic's default (admins). */
  scope: "user" | "clinic";
  current: DistanceUnit | null;
  clinicUnit: DistanceUnit;
  action: (prev: unknown, form: FormData) => Promise<ActionResult<undefined>>;
};

/** Kilometres or miles: how distances are typed, shown and exported. */
export function DistanceUnitForm({ scope, current, clinicUnit, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = `distance-unit-${scope}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label={scope === "user" ? "Your distance unit" : "Clinic distance unit"}>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          {scope === "user" ? "Distances in" : "Clinic default for distances"}
        </label>
        <select id={id} name="unit" defaultValue={current ?? "clinic"} aria-describedby={state && !state.ok ? `${id}-error` : undefined} className="min-h-11 rounded-md border border-line bg-white px-2">
          {scope === "user" ? <option value="clinic">The clinic&apos;s unit ({UNIT_WORDS[clinicUnit]})</option> : null}
          <option value="km">{UNIT_WORDS.km}</option>
          <option value="mi">{UNIT_WORDS.mi}</option>
        </select>
      </div>
      <SettingSave state={state} pending={pending} label="Save unit" field="unit" errorId={`${id}-error`} />
    </form>
  );
}
