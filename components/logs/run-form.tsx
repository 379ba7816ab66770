"use client";

import { useState } from "react";
import { formToObject } from "@/lib/actions/result";
import type { RunDto } from "@/lib/dal/logs";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CheckboxField, DayField, FormMessage, NumberField, PainField, SelectField, TextAreaField, type EntryFormProps } from "./fields";
import { formatDistance, formatDuration, IMPLAUSIBLE_FIELD } from "@/lib/validation/parse";
import type { DistanceUnit } from "@/lib/domain/vocabulary";

/** Stored minutes as the field shows them again: "30", or "27:30" when there are seconds. */
function minutesInput(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return "";
  const seconds = Math.round(minutes * 60);
  return seconds % 60 === 0 ? String(seconds / 60) : formatDuration(seconds);
}

export type RunValues = Record<string, string | string[] | undefined>;

/** One run session: a walk/run pattern or continuous minutes, pain during and next morning. */
export function RunForm({
  idPrefix,
  initial,
  today,
  submitLabel,
  onSubmit,
  fieldErrors,
  error,
  success,
  pending,
  distanceUnit = "km",
}: EntryFormProps<RunValues, RunDto> & { distanceUnit?: DistanceUnit }) {
  const [kind, setKind] = useState<"walk_run" | "continuous">(initial?.kind ?? "walk_run");
  const id = (name: string) => `${idPrefix}-${name}`;
  const fe = fieldErrors ?? {};
  return (
    <form
      noValidate
      aria-label="Run"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(formToObject(new FormData(e.currentTarget)), e.currentTarget);
      }}
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <DayField id={id("runDate")} name="runDate" label="Date" defaultValue={initial?.runDate ?? today} error={fe.runDate} required />
        <SelectField id={id("kind")} name="kind" label="Session type" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} error={fe.kind}>
          <option value="walk_run">Walk/run intervals</option>
          <option value="continuous">Continuous running</option>
        </SelectField>
        {kind === "walk_run" ? (
          <>
            <NumberField id={id("walkMinutes")} name="walkMinutes" label="Walk per repetition (minutes or mm:ss)" decimal defaultValue={minutesInput(initial?.walkMinutes)} error={fe.walkMinutes} />
            <NumberField id={id("runMinutes")} name="runMinutes" label="Run per repetition (minutes or mm:ss)" decimal defaultValue={minutesInput(initial?.runMinutes)} error={fe.runMinutes} />
            <NumberField id={id("repetitions")} name="repetitions" label="Repetitions" defaultValue={initial?.repetitions} error={fe.repetitions} />
          </>
        ) : (
          <NumberField id={id("continuousMinutes")} name="continuousMinutes" label="Running (minutes or mm:ss)" decimal defaultValue={minutesInput(initial?.continuousMinutes)} error={fe.continuousMinutes} />
        )}
        <NumberField
          id={id("distanceKm")}
          name="distanceKm"
          label={distanceUnit === "mi" ? "Distance (mi, optional; add “km” for kilometres)" : "Distance (km, optional; add “mi” for miles)"}
          decimal
          defaultValue={initial?.distanceKm ? formatDistance(Math.round(initial.distanceKm * 1000), distanceUnit) : ""}
          error={fe.distanceKm}
        />
        <input type="hidden" name="distanceUnit" value={distanceUnit} />
        <PainField id={id("painDuring")} name="painDuring" label="Pain during the run (0–10)" defaultValue={initial?.painDuring} error={fe.painDuring} required />
        <PainField id={id("painNextMorning")} name="painNextMorning" label="Pain next morning (0–10, add later)" defaultValue={initial?.painNextMorning} error={fe.painNextMorning} />
        <Field id={id("surface")} name="surface" label="Surface" defaultValue={initial?.surface ?? ""} error={fe.surface} maxLength={40} placeholder="road, track, trail…" />
      </div>
      <TextAreaField id={id("note")} name="note" label="Note" defaultValue={initial?.note ?? ""} error={fe.note} maxLength={1000} />
      {fe[IMPLAUSIBLE_FIELD] ? (
        <div role="alert" className="flex flex-col gap-1 rounded-md border border-caution bg-white p-2">
          <p id={id("implausible-error")} className="text-sm font-medium text-ink">
            {fe[IMPLAUSIBLE_FIELD]}
          </p>
          <CheckboxField id={id(IMPLAUSIBLE_FIELD)} name={IMPLAUSIBLE_FIELD} value="true" label="Yes, this is right: save it as typed" aria-describedby={id("implausible-error")} />
        </div>
      ) : null}
      {initial?.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      <FormMessage error={error} success={success} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
