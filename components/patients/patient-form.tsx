"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { Field } from "@/components/ui/field";
import { PATIENT_FIELD_LABELS, SURFACES, patientSchema } from "@/lib/validation/patient";
import { FieldGroup, SelectField, TextareaField } from "./fields";
import { VersionedForm, zodValidator, type FormValues, type Saved } from "./versioned-form";

const SEX_OPTIONS = [
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "other", label: "Other" },
  { value: "unknown", label: "Not recorded" },
];
const SURFACE_OPTIONS = SURFACES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }));

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** Create (no version) or edit a patient; the clinic's today drives the date rules. */
export function PatientForm({
  today,
  initialValues = {},
  initialVersion,
  action,
}: {
  today: string;
  initialValues?: FormValues;
  initialVersion?: number;
  action: (form: FormData) => Promise<ActionResult<Saved | undefined>>;
}) {
  const router = useRouter();
  const creating = initialVersion === undefined;
  const validate = useMemo(() => zodValidator(patientSchema(today)), [today]);
  return (
    <VersionedForm
      name={creating ? "New patient" : "Patient details"}
      initialValues={initialValues}
      initialVersion={initialVersion}
      labels={PATIENT_FIELD_LABELS}
      validate={validate}
      action={action}
      submitLabel={creating ? "Create patient" : "Save details"}
      savedMessage={creating ? "Patient created. Opening the record…" : "Details saved."}
      onSaved={(saved) => {
        if (saved?.id) router.push(`/patients/${saved.id}/details`);
        else router.refresh();
      }}
    >
      {({ errors, values }) => (
        <>
          <FieldGroup legend="Identity">
            <Field id="givenName" name="givenName" label="Given name" autoComplete="off" maxLength={100} required defaultValue={text(values.givenName)} error={errors.givenName} />
            <Field id="familyName" name="familyName" label="Family name" autoComplete="off" maxLength={100} required defaultValue={text(values.familyName)} error={errors.familyName} />
            <Field id="dateOfBirth" name="dateOfBirth" type="date" label="Date of birth" max={today} required defaultValue={text(values.dateOfBirth)} error={errors.dateOfBirth} />
            <SelectField id="sex" name="sex" label="Sex" options={SEX_OPTIONS} placeholder="Choose…" required defaultValue={text(values.sex)} error={errors.sex} />
            <Field id="recordNumber" name="recordNumber" label="Clinic record number" autoComplete="off" maxLength={30} required defaultValue={text(values.recordNumber)} error={errors.recordNumber} />
          </FieldGroup>
          <FieldGroup legend="Contact">
            <Field id="email" name="email" type="email" label="Email (optional)" autoComplete="off" defaultValue={text(values.email)} error={errors.email} />
            <Field id="phone" name="phone" type="tel" label="Phone (optional)" autoComplete="off" defaultValue={text(values.phone)} error={errors.phone} />
          </FieldGroup>
          <FieldGroup legend="Running profile">
            <Field id="preInjuryWeeklyKm" name="preInjuryWeeklyKm" type="text" inputMode="decimal" autoComplete="off" label="Pre-injury weekly distance (km)" defaultValue={text(values.preInjuryWeeklyKm)} error={errors.preInjuryWeeklyKm} />
            <Field id="runsPerWeek" name="runsPerWeek" type="text" inputMode="numeric" autoComplete="off" label="Runs per week (0–14)" defaultValue={text(values.runsPerWeek)} error={errors.runsPerWeek} />
            <Field id="yearsRunning" name="yearsRunning" type="text" inputMode="numeric" autoComplete="off" label="Years running" defaultValue={text(values.yearsRunning)} error={errors.yearsRunning} />
            <SelectField id="usualSurface" name="usualSurface" label="Usual surface" options={SURFACE_OPTIONS} placeholder="Not recorded" defaultValue={text(values.usualSurface)} error={errors.usualSurface} />
            <Field id="goalRace" name="goalRace" label="Goal race (optional)" maxLength={100} defaultValue={text(values.goalRace)} error={errors.goalRace} />
            <Field id="goalRaceDate" name="goalRaceDate" type="date" label="Goal race date (optional)" defaultValue={text(values.goalRaceDate)} error={errors.goalRaceDate} />
          </FieldGroup>
          <TextareaField id="notes" name="notes" label="Notes (up to 5,000 characters)" maxLength={5000} defaultValue={text(values.notes)} error={errors.notes} />
        </>
      )}
    </VersionedForm>
  );
}
