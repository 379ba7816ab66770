"use client";

import { useId, useRef, useState } from "react";
import type { ReturnToRunDto } from "@/lib/dal/stages";
import { stageName } from "@/lib/domain/injury";
import { prefilledReason, stepBackDestinations } from "@/lib/domain/step-back";
import { Button } from "@/components/ui/button";
import { FormMessage, TextAreaField } from "@/components/logs/fields";

export type StepBackSubmit = (input: { fromStage: number; toStage: number; toLadderStep: number | null; reason: string }) => void;

/**
 * Step back in a modal dialog: the therapist picks the destination (one ladder step down,
 * or an earlier stage), reads where the runner lands and what changes, and confirms with
 * a reason prefilled from the open flags. A native <dialog>: focus moves into it, Escape
 * closes it, and focus returns to the button that opened it.
 */
export function StepBackDialog({
  panel,
  pending,
  error,
  fieldErrors,
  onSubmit,
  dialogRef,
}: {
  panel: ReturnToRunDto;
  pending: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  onSubmit: StepBackSubmit;
  dialogRef: React.RefObject<HTMLDialogElement | null>;
}) {
  const stage = panel.stage ?? 0;
  const destinations = stepBackDestinations(stage, panel.ladder?.step ?? null, panel.symptomFreeDaysNeeded);
  const suggested = panel.stepBack ? destinations.find((d) => d.toStage === panel.stepBack!.toStage && (d.toLadderStep === panel.stepBack!.toLadderStep || panel.stepBack!.toLadderStep === null)) : undefined;
  const [key, setKey] = useState(suggested?.key ?? destinations[0]?.key ?? "");
  const [reason, setReason] = useState(() => prefilledReason(panel.flags, panel.stepBack?.reason ?? null));
  const chosen = destinations.find((d) => d.key === key) ?? destinations[0];
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  return (
    <dialog ref={dialogRef} aria-labelledby={headingId} className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-line bg-white p-0 text-ink backdrop:bg-black/40">
      <form
        ref={formRef}
        noValidate
        className="flex flex-col gap-3 p-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) return;
          onSubmit({ fromStage: stage, toStage: chosen.toStage, toLadderStep: chosen.toLadderStep, reason });
        }}
      >
        <h2 id={headingId} className="text-lg font-semibold">
          Step back from {stageName(stage)}
          {stage === 1 && panel.ladder ? ` (step ${panel.ladder.step + 1} of 5)` : ""}
        </h2>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-semibold">Where to</legend>
          {destinations.map((d) => (
            <label key={d.key} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="destination" value={d.key} checked={key === d.key} onChange={() => setKey(d.key)} className="h-5 w-5" />
              {d.label}
              {suggested?.key === d.key ? <span className="text-muted">(suggested by the pain rules)</span> : null}
            </label>
          ))}
          {fieldErrors.destination ? <p className="text-sm text-stop">{fieldErrors.destination}</p> : null}
        </fieldset>
        {chosen ? (
          <div className="rounded-md border border-accent-soft bg-accent-soft p-3 text-sm" data-testid="step-back-preview" aria-live="polite">
            <p className="font-semibold">
              The runner lands in: {chosen.label}
            </p>
            <ul className="mt-1 list-disc pl-5">
              {chosen.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <TextAreaField
          id="step-back-reason"
          name="reason"
          label="Reason (required; recorded in the stage history)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fieldErrors.reason}
          maxLength={500}
          rows={4}
          required
        />
        <FormMessage error={error} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending || !chosen}>
            Confirm step back
          </Button>
          <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
            Cancel
          </Button>
        </div>
      </form>
    </dialog>
  );
}
