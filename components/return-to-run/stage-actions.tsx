"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { ReturnToRunDto } from "@/lib/dal/stages";
import { stageName, STAGE_NAMES } from "@/lib/domain/injury";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextAreaField } from "@/components/logs/fields";

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
  const stage = panel.stage ?? 0;

  function submit(fn: () => Promise<ActionResult<ReturnToRunDto>>) {
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await fn();
      if (result.ok) {
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
          <Button type="button" disabled={!panel.readyToProgress || pending} onClick={() => submit(() => actions.confirm({ fromStage: stage }))}>
            Confirm progression to {stageName(panel.nextStage)}
          </Button>
        ) : null}
        {stage > 0 ? (
          <Button type="button" variant="secondary" aria-expanded={mode === "stepBack"} onClick={() => setMode(mode === "stepBack" ? "none" : "stepBack")}>
            Step back…
          </Button>
        ) : null}
        <Button type="button" variant="secondary" aria-expanded={mode === "override"} onClick={() => setMode(mode === "override" ? "none" : "override")}>
          Override stage…
        </Button>
      </div>
      {panel.nextStage !== null && !panel.readyToProgress ? (
        <p className="text-sm text-muted">Progression can be confirmed when every criterion is met; to decide otherwise, override the stage with a reason.</p>
      ) : null}
      {mode === "stepBack" ? (
        <form
          aria-label="Step back"
          noValidate
          className="flex flex-col gap-2 rounded-md border border-line p-3"
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
            submit(() => actions.stepBack({ fromStage: stage, reason }));
          }}
        >
          <p className="text-sm">
            Step back from {stageName(stage)} to {stageName(panel.stepBack && panel.stepBack.toStage < stage ? panel.stepBack.toStage : stage - 1)}.
          </p>
          <TextAreaField id="step-back-reason" name="reason" label="Reason (recorded)" defaultValue={panel.stepBack?.reason ?? ""} error={fieldErrors.reason} maxLength={500} />
          <FormMessage error={error} />
          <div>
            <Button type="submit" disabled={pending}>
              Record step back
            </Button>
          </div>
        </form>
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
      {mode === "none" ? <FormMessage error={error} /> : null}
    </div>
  );
}
