"use client";

import { useState } from "react";
import { formToObject } from "@/lib/actions/result";
import type { RunDto } from "@/lib/dal/logs";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage, NumberField, PainField, SelectField, TextAreaField, type EntryFormProps } from "./fields";

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
}: EntryFormProps<RunValues, RunDto>) {
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
        <Field id={id("runDate")} name="runDate" type="date" label="Date" defaultValue={initial?.runDate ?? today} error={fe.runDate} required />
        <SelectField id={id("kind")} name="kind" label="Session type" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} error={fe.kind}>
          <option value="walk_run">Walk/run intervals</option>
          <option value="continuous">Continuous running</option>
        </SelectField>
        {kind === "walk_run" ? (
          <>
            <NumberField id={id("walkMinutes")} name="walkMinutes" label="Walk per repetition (minutes)" step={0.5} min={0} max={30} defaultValue={initial?.walkMinutes} error={fe.walkMinutes} />
            <NumberField id={id("runMinutes")} name="runMinutes" label="Run per repetition (minutes)" step={0.5} min={0.5} max={60} defaultValue={initial?.runMinutes} error={fe.runMinutes} />
            <NumberField id={id("repetitions")} name="repetitions" label="Repetitions" min={1} max={30} defaultValue={initial?.repetitions} error={fe.repetitions} />
          </>
        ) : (
          <NumberField id={id("continuousMinutes")} name="continuousMinutes" label="Running (minutes)" step={1} min={1} max={600} defaultValue={initial?.continuousMinutes} error={fe.continuousMinutes} />
        )}
        <NumberField id={id("distanceKm")} name="distanceKm" label="Distance (km, optional)" step={0.1} min={0} max={300} defaultValue={initial?.distanceKm} error={fe.distanceKm} />
        <PainField id={id("painDuring")} name="painDuring" label="Pain during the run (0–10)" defaultValue={initial?.painDuring} error={fe.painDuring} required />
        <PainField id={id("painNextMorning")} name="painNextMorning" label="Pain next morning (0–10, add later)" defaultValue={initial?.painNextMorning} error={fe.painNextMorning} />
        <Field id={id("surface")} name="surface" label="Surface" defaultValue={initial?.surface ?? ""} error={fe.surface} maxLength={40} placeholder="road, track, trail…" />
      </div>
      <TextAreaField id={id("note")} name="note" label="Note" defaultValue={initial?.note ?? ""} error={fe.note} maxLength={1000} />
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
