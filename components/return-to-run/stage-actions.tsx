"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { ReturnToRunDto } from "@/lib/dal/stages";
import { stageName, STAGE_NAMES } from "@/lib/domain/injury";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextAreaField } from "@/components/logs/fields";
import { StepBackDialog } from "./step-back-dialog";

export type StageActionFns = {
  confirm: (input: unknown) => Promise<ActionResult<ReturnToRunDto>>;
  override: (input: unknown) => Promise<ActionResult<ReturnToRunDto>>;
  stepBack: (input: unknown) => Promise<ActionResult<ReturnToRunDto>>;
};

/** The therapist's decisions: confirm the suggested progression, step back, or override with a reason. */
export function StageActions({ panel, actions, onChanged }: { panel: ReturnToRunDto; actions: StageActionFns; onChanged: (next: ReturnToRunDto) => void }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<"none" | "override" | "stepBack">("none");
  const [dialogKey, setDialogKey] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stage = panel.stage ?? 0;
  const referBlocks = panel.redFlag.status === "refer";

  function openStepBack() {
    setError(null);
    setFieldErrors({});
    setMode("stepBack");
    // A fresh dialog each time: the reason is prefilled from the flags open now.
    setDialogKey((k) => k + 1);
    requestAnimationFrame(() => {
      if (dialogRef.current && !dialogRef.current.open) dialogRef.current.showModal();
    });
  }

  function submit(fn: () => Promise<ActionResult<ReturnToRunDto>>) {
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await fn();
      if (result.ok) {
        dialogRef.current?.close();
        setMode("none");
        onChanged(result.data);
      } else {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
      }
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {panel.nextStage !== null ? (
          <Button
            type="button"
            disabled={!panel.readyToProgress || referBlocks || pending}
            aria-describedby={referBlocks ? "progression-blocked" : undefined}
            onClick={() => submit(() => actions.confirm({ fromStage: stage }))}
          >
            Confirm progression to {stageName(panel.nextStage)}
          </Button>
        ) : null}
        {stage > 0 ? (
          <Button type="button" variant="secondary" aria-haspopup="dialog" onClick={openStepBack}>
            Step back…
          </Button>
        ) : null}
        <Button type="button" variant="secondary" aria-expanded={mode === "override"} onClick={() => setMode(mode === "override" ? "none" : "override")}>
          Override stage…
        </Button>
      </div>
      {referBlocks ? (
        <p id="progression-blocked" className="text-sm font-semibold text-stop" data-testid="progression-blocked">
          {panel.redFlag.words} No progression can be confirmed until the clearance is recorded on the Details tab.
        </p>
      ) : null}
      {panel.nextStage !== null && !panel.readyToProgress && !referBlocks ? (
        <p className="text-sm text-muted">Progression can be confirmed when every criterion is met; to decide otherwise, override the stage with a reason.</p>
      ) : null}
      {mode === "stepBack" && stage > 0 ? (
        <StepBackDialog
          key={dialogKey}
          dialogRef={dialogRef}
          panel={panel}
          pending={pending}
          error={error}
          fieldErrors={fieldErrors}
          onSubmit={(input) => submit(() => actions.stepBack(input))}
        />
      ) : null}
      {mode === "override" ? (
        <form
          aria-label="Override stage"
          noValidate
          className="flex flex-col gap-2 rounded-md border border-line p-3"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            submit(() => actions.override({ toStage: data.get("toStage"), reason: data.get("reason") }));
          }}
        >
          <SelectField id="override-stage" name="toStage" label="New stage" defaultValue={String(stage)} error={fieldErrors.toStage}>
            {STAGE_NAMES.map((name, i) => (
              <option key={name} value={i}>
                {i} {name}
              </option>
            ))}
          </SelectField>
          <TextAreaField id="override-reason" name="reason" label="Reason for the override (required)" error={fieldErrors.reason} maxLength={500} required />
          <FormMessage error={error} />
          <div>
            <Button type="submit" disabled={pending}>
              Record override
            </Button>
          </div>
        </form>
      ) : null}
      {mode !== "override" && mode !== "stepBack" ? <FormMessage error={error} /> : null}
    </div>
  );
}
