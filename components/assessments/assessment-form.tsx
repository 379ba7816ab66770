"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Side } from "@/lib/domain/vocabulary";
import type { ActionResult, ConflictInfo } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { cadenceTargets, calfTargets, suggestSeverities, type AssessmentMeasures, type CalfTargets } from "@/lib/domain/assessment";
import type { AssessmentFormValues } from "@/lib/validation/assessment";
import { ConflictNotice } from "./conflict-notice";
import { fieldId, NumberField, SelectField, SidePair, TextAreaField, type FieldKey, type FormBinding } from "./fields";
import { FIELD_LABEL, METHOD_LABEL, SETTING_LABEL, THOMAS_LABEL, toFormValues } from "./labels";
import { SeverityChoice } from "./severity-choice";
// Gait from video: the one hook-in point (buttons per field group, the tool dialog, saving stills).
import { MeasureFromVideoButton, useVideoMeasures, VideoMeasurePanel } from "@/components/video/video-measures";

type Saved = { id: string };
export type FormMode =
  | { kind: "create"; create: (values: AssessmentFormValues) => Promise<ActionResult<Saved>> }
  | { kind: "edit"; assessmentId: string; version: number; update: (version: number, values: AssessmentFormValues) => Promise<ActionResult<Saved>> };

type Props = {
  patientId: string;
  injury: { side: Side; onsetDate: string; description: string };
  today: string;
  baseline: { left: number | null; right: number | null };
  /** The clinic's calf thresholds (protocol settings): the live hints judge against them. */
  targets: CalfTargets;
  initial: AssessmentFormValues;
  mode: FormMode;
};

function num(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value.trim().replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

function measuresOf(v: AssessmentFormValues): AssessmentMeasures {
  return {
    fpaLeftDeg: num(v.fpaLeftDeg),
    fpaRightDeg: num(v.fpaRightDeg),
    pelvicTiltDeg: num(v.pelvicTiltDeg),
    gluteLeft: num(v.gluteLeft),
    gluteRight: num(v.gluteRight),
    cadenceSpm: num(v.cadenceSpm),
    strikeAheadCm: num(v.strikeAheadCm),
    shinAngleDeg: num(v.shinAngleDeg),
    kneeToWallLeftCm: num(v.kneeToWallLeftCm),
    kneeToWallRightCm: num(v.kneeToWallRightCm),
    heelRaisesLeft: num(v.heelRaisesLeft),
    heelRaisesRight: num(v.heelRaisesRight),
  };
}

export function AssessmentForm({ patientId, injury, today, baseline, targets: clinicTargets, initial, mode }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<AssessmentFormValues>(initial);
  const [opened, setOpened] = useState<AssessmentFormValues>(initial);
  const [version, setVersion] = useState(mode.kind === "edit" ? mode.version : 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [pending, startTransition] = useTransition();
  const focusFirstError = useRef(false);

  const form: FormBinding = {
    values,
    errors,
    set: (key: FieldKey, value: string) => setValues((prev) => ({ ...prev, [key]: value })),
  };

  const video = useVideoMeasures((field, value) => form.set(field, value));

  const measures = useMemo(() => measuresOf(values), [values]);
  const suggestions = useMemo(() => suggestSeverities(injury.side, measures, baseline, clinicTargets), [injury.side, measures, baseline, clinicTargets]);
  const targets = useMemo(() => calfTargets(injury.side, measures, clinicTargets), [injury.side, measures, clinicTargets]);
  const cadence = cadenceTargets(measures.cadenceSpm);

  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    const first = Object.keys(errors).find((k) => k in FIELD_LABEL) as FieldKey | undefined;
    if (first) document.getElementById(fieldId(first))?.focus();
  }, [errors]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = mode.kind === "create" ? await mode.create(values) : await mode.update(version, values);
      if (result.ok) {
        if (!(await video.saveAll(patientId, result.data.id, values))) return;
        router.push(`/patients/${patientId}/assessments/${result.data.id}`);
        return;
      }
      focusFirstError.current = true;
      setErrors(result.fieldErrors ?? {});
      setFormError(result.error);
      setConflict(result.conflict ?? null);
    });
  }

  function resolveConflict(useTheirs: boolean) {
    if (!conflict) return;
    const theirs = toFormValues(conflict.current);
    if (useTheirs) setValues(theirs);
    setOpened(theirs);
    setVersion(conflict.currentVersion);
    setConflict(null);
    setErrors({});
    setFormError(useTheirs ? null : "Your entries are kept. Save again to replace the other version with yours.");
  }

  const sideNote = injury.side === "both" ? "both sides injured" : `injured side: ${injury.side}`;
  const back = mode.kind === "edit" ? `/patients/${patientId}/assessments/${mode.assessmentId}` : `/patients/${patientId}/assessments`;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="assessment-form-heading">
      <h2 id="assessment-form-heading" className="text-lg font-semibold">
        {mode.kind === "create" ? "New assessment" : "Edit assessment"}
      </h2>
      <p className="text-sm text-muted">
        For: {injury.description} ({sideNote}). Record what you measured; every measure is optional.
      </p>

      {conflict ? <ConflictNotice conflict={conflict} opened={opened} onUseTheirs={() => resolveConflict(true)} onKeepMine={() => resolveConflict(false)} /> : null}

      <Card aria-labelledby="visit-heading">
        <h3 id="visit-heading" className="mb-3 font-semibold">
          Visit
        </h3>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Field
            id={fieldId("assessedOn")}
            name="assessedOn"
            type="date"
            label={FIELD_LABEL.assessedOn}
            value={values.assessedOn ?? ""}
            min={injury.onsetDate}
            max={today}
            error={errors.assessedOn}
            onChange={(e) => form.set("assessedOn", e.target.value)}
          />
          <SelectField name="method" form={form} options={METHOD_LABEL} />
          <SelectField name="setting" form={form} options={SETTING_LABEL} />
          <NumberField name="speedKmh" form={form} />
          <div className="sm:col-span-2">
            <Field id={fieldId("footwear")} name="footwear" label={FIELD_LABEL.footwear} value={values.footwear ?? ""} error={errors.footwear} onChange={(e) => form.set("footwear", e.target.value)} />
          </div>
        </div>
      </Card>

      <Card aria-labelledby="toe-out-heading">
        <h3 id="toe-out-heading" className="mb-3 font-semibold">
          Excessive toe-out
        </h3>
        <SidePair>
          <NumberField name="fpaLeftDeg" form={form} />
          <NumberField name="fpaRightDeg" form={form} />
        </SidePair>
        <div className="mt-2">
          <MeasureFromVideoButton video={video} field="fpaLeftDeg" />
        </div>
        <p className="mt-2 text-xs text-muted">No running norm exists (walking: about 5–13° toe-out), so the suggestion compares with the other side and the runner&apos;s own earlier assessments.</p>
        <div className="mt-3 flex flex-col gap-3">
          <SeverityChoice fault="toeOut" form={form} suggestion={suggestions.toeOut} />
          <TextAreaField name="toeOutNotes" form={form} />
        </div>
      </Card>

      <Card aria-labelledby="pelvic-heading">
        <h3 id="pelvic-heading" className="mb-3 font-semibold">
          Excessive anterior pelvic tilt
        </h3>
        <div className="flex flex-col gap-3">
          <NumberField name="pelvicTiltDeg" form={form} hint="0–23° is seen in healthy pelvises." className="sm:max-w-xs" />
          <MeasureFromVideoButton video={video} field="pelvicTiltDeg" />
          <SidePair>
            <SelectField name="thomasLeft" form={form} options={THOMAS_LABEL} />
            <SelectField name="thomasRight" form={form} options={THOMAS_LABEL} />
          </SidePair>
          <SidePair>
            <NumberField name="gluteLeft" form={form} />
            <NumberField name="gluteRight" form={form} />
          </SidePair>
          <SeverityChoice fault="pelvic" form={form} suggestion={suggestions.pelvic} />
          <TextAreaField name="pelvicNotes" form={form} />
        </div>
      </Card>

      <Card aria-labelledby="overstride-heading">
        <h3 id="overstride-heading" className="mb-3 font-semibold">
          Overstriding
        </h3>
        <div className="flex flex-col gap-3">
          <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-3">
            <NumberField name="cadenceSpm" form={form} />
            <NumberField name="strikeAheadCm" form={form} />
            <NumberField name="shinAngleDeg" form={form} />
          </div>
          <MeasureFromVideoButton video={video} field="shinAngleDeg" />
          <SeverityChoice fault="overstride" form={form} suggestion={suggestions.overstride} />
          <TextAreaField name="overstrideNotes" form={form} />
        </div>
      </Card>

      <Card aria-labelledby="calf-heading">
        <h3 id="calf-heading" className="mb-3 font-semibold">
          Calf and ankle
        </h3>
        <div className="flex flex-col gap-3">
          <SidePair>
            <NumberField name="kneeToWallLeftCm" form={form} />
            <NumberField name="kneeToWallRightCm" form={form} />
          </SidePair>
          <SidePair>
            <NumberField name="heelRaisesLeft" form={form} />
            <NumberField name="heelRaisesRight" form={form} />
          </SidePair>
          <ul className="flex flex-col gap-1 text-sm" aria-live="polite" aria-label="Return-to-run targets">
            {targets.map((t) => (
              <li key={t.id} className={t.met === true ? "text-safe" : t.met === false ? "text-caution" : "text-muted"}>
                {t.text}
              </li>
            ))}
          </ul>
          <SeverityChoice fault="calf" form={form} suggestion={suggestions.calf} />
          <TextAreaField name="calfNotes" form={form} />
        </div>
      </Card>

      <Card aria-labelledby="plan-heading">
        <h3 id="plan-heading" className="mb-3 font-semibold">
          Plan
        </h3>
        <div className="flex flex-col gap-3">
          <TextAreaField name="planCues" form={form} />
          <div className="flex flex-wrap items-end gap-3">
            <NumberField name="cadenceTargetSpm" form={form} className="w-60" />
            {cadence ? (
              <div className="flex flex-wrap gap-2" role="group" aria-label="Cadence target suggestions (Heiderscheit 2011)">
                <Button type="button" variant="secondary" onClick={() => form.set("cadenceTargetSpm", String(cadence.plus5))}>
                  +5%: {cadence.plus5} steps/min
                </Button>
                <Button type="button" variant="secondary" onClick={() => form.set("cadenceTargetSpm", String(cadence.plus10))}>
                  +10%: {cadence.plus10} steps/min
                </Button>
              </div>
            ) : (
              <p className="pb-3 text-sm text-muted">Enter the cadence to be offered +5% and +10% targets.</p>
            )}
          </div>
        </div>
      </Card>

      <VideoMeasurePanel video={video} values={values} />

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-line bg-white px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.06)]">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : mode.kind === "create" ? "Save assessment" : "Save changes"}
        </Button>
        <Link href={back} className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-accent-strong underline">
          Cancel
        </Link>
        {formError ? (
          <p role="alert" className="text-sm font-medium text-ink">
            {formError}
          </p>
        ) : null}
      </div>
    </form>
  );
}
