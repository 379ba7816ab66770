"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { Field } from "@/components/ui/field";
import { MUSCLE_LABEL } from "@/lib/domain/injury";
import type { RedFlagAnswers } from "@/lib/domain/red-flags";
import { RED_FLAG_ITEMS } from "@/lib/domain/vocabulary";
import { ACTIVITY_LABEL, INJURY_FIELD_LABELS, injurySchema } from "@/lib/validation/injury";
import { CheckboxField, FieldGroup, SelectField, TextareaField, optionsOf } from "./fields";
import { RedFlagFields } from "./red-flag-fields";
import { VersionedForm, zodValidator, type FormValues, type Saved } from "./versioned-form";

const SIDE_OPTIONS = optionsOf({ left: "Left", right: "Right", both: "Both" });
const MUSCLE_OPTIONS = optionsOf({ ...MUSCLE_LABEL, unsure: "Not sure" });
const SEVERITY_OPTIONS = optionsOf({ spasm: "Spasm", strain: "Strain", tear: "Tear" });
const GRADE_OPTIONS = [1, 2, 3].map((g) => ({ value: String(g), label: `Grade ${g}` }));
const ACTIVITY_OPTIONS = optionsOf(ACTIVITY_LABEL);

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** Ticks kept after a failed save (the typed form comes back as values). */
function redFlagDefaults(values: FormValues): RedFlagAnswers {
  return Object.fromEntries(RED_FLAG_ITEMS.map((k) => [k, values[k] === true || values[k] === "on"])) as RedFlagAnswers;
}

/** New episode (no version) or edit one; onset is checked against today and the date of birth. */
export function InjuryForm({
  idPrefix,
  today,
  dateOfBirth,
  initialValues = { priorStrains: 0 },
  initialVersion,
  action,
  openEpisode,
}: {
  /** The patient's episode not yet returned to full running, when adding a new one: the form says a new strain of it is an exacerbation. */
  openEpisode?: { description: string; onsetDate: string } | null;
  idPrefix: string;
  today: string;
  dateOfBirth: string;
  initialValues?: FormValues;
  initialVersion?: number;
  action: (form: FormData) => Promise<ActionResult<Saved | undefined>>;
}) {
  const router = useRouter();
  const creating = initialVersion === undefined;
  const validate = useMemo(() => zodValidator(injurySchema(today, dateOfBirth)), [today, dateOfBirth]);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <VersionedForm
      name={creating ? "New injury episode" : "Edit injury episode"}
      initialValues={initialValues}
      initialVersion={initialVersion}
      labels={INJURY_FIELD_LABELS}
      validate={validate}
      action={action}
      submitLabel={creating ? "Add episode" : "Save episode"}
      savedMessage={creating ? "Episode added." : "Episode saved."}
      onSaved={() => router.refresh()}
    >
      {({ errors, values }) => (
        <>
          {creating && openEpisode ? (
            <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="exacerbation-note">
              {openEpisode.description} (onset {openEpisode.onsetDate}) has not returned to full running. A new strain of the same side and muscle group before that
              return is an exacerbation of it (Fuller et al. 2006): record a step back and a note on that episode rather than a new episode. A new episode here is
              for another side or muscle group.
            </p>
          ) : null}
          <FieldGroup legend="Where and how bad">
            <SelectField id={id("side")} name="side" label="Side" options={SIDE_OPTIONS} placeholder="Choose…" defaultValue={text(values.side)} error={errors.side} />
            <SelectField id={id("muscle")} name="muscle" label="Muscle" options={MUSCLE_OPTIONS} placeholder="Choose…" defaultValue={text(values.muscle)} error={errors.muscle} />
            <SelectField
              id={id("severity")}
              name="severity"
              label="Severity (spasm → strain → tear)"
              options={SEVERITY_OPTIONS}
              placeholder="Choose…"
              defaultValue={text(values.severity)}
              error={errors.severity}
            />
            <SelectField id={id("grade")} name="grade" label="Grade" options={GRADE_OPTIONS} placeholder="Choose…" defaultValue={text(values.grade)} error={errors.grade} />
            <CheckboxField id={id("achilles")} name="achilles" label="Achilles involved" defaultChecked={values.achilles === true} error={errors.achilles} />
          </FieldGroup>
          <FieldGroup legend="When and what happened">
            <Field id={id("onsetDate")} name="onsetDate" type="date" label="Onset date" max={today} min={dateOfBirth} defaultValue={text(values.onsetDate)} error={errors.onsetDate} />
            <SelectField id={id("activity")} name="activity" label="What the runner was doing" options={ACTIVITY_OPTIONS} placeholder="Not recorded" defaultValue={text(values.activity)} error={errors.activity} />
            <Field
              id={id("priorStrains")}
              name="priorStrains"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              label="Previous calf strains (count)"
              defaultValue={text(values.priorStrains)}
              error={errors.priorStrains}
            />
            <TextareaField id={id("mechanism")} name="mechanism" label="How it happened (optional)" maxLength={2000} className="sm:col-span-2" defaultValue={text(values.mechanism)} error={errors.mechanism} />
          </FieldGroup>
          {creating ? (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-base font-semibold">Red-flag screen</legend>
              <RedFlagFields idPrefix={id("rf")} answers={redFlagDefaults(values)} />
            </fieldset>
          ) : null}
        </>
      )}
    </VersionedForm>
  );
}
