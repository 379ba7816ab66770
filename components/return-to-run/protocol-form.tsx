"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { ProtocolDto, ProtocolSaved } from "@/lib/dal/protocol";
import { PROTOCOL_FIELDS } from "@/lib/domain/protocol";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/logs/fields";

type Action = (prev: ActionResult<ProtocolSaved> | null, form: FormData) => Promise<ActionResult<ProtocolSaved>>;

/** The clinic's thresholds, each with its default and its source. */
export function ProtocolForm({ protocol, action }: { protocol: ProtocolDto; action: Action }) {
  // Submitted by hand rather than as a form action, so the typed values stay after a refusal.
  const [state, setState] = useState<ActionResult<ProtocolSaved> | null>(null);
  const [pending, startTransition] = useTransition();
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const version = state?.ok ? state.data.version : protocol.version;
  const success = state?.ok
    ? `Saved (version ${state.data.version}). ${state.data.patients} patients recomputed; ${state.data.statusesChanged} changed status.`
    : null;
  const conflict = state && !state.ok && state.conflict ? " Reload the page to see the current values." : "";
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      aria-label="Protocol thresholds"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(async () => setState(await action(state, data)));
      }}
    >
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 md:grid-cols-2">
        {PROTOCOL_FIELDS.map((f) => (
          <div key={f.key} className="flex flex-col gap-1 rounded-md border border-line p-3">
            <Field
              id={`protocol-${f.key}`}
              name={f.key}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              label={`${f.label} (${f.unit})`}
              defaultValue={protocol.settings[f.key]}
              error={fe[f.key]}
              aria-describedby={fe[f.key] ? `protocol-${f.key}-error protocol-${f.key}-source` : `protocol-${f.key}-source`}
            />
            <p id={`protocol-${f.key}-source`} className="text-xs text-muted">
              Default {protocol.defaults[f.key]} {f.unit}. Source: {f.source}.
            </p>
          </div>
        ))}
      </div>
      <FormMessage error={state && !state.ok ? state.error + conflict : null} success={success} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving and recomputing…" : "Save and apply to every patient"}
        </Button>
      </div>
    </form>
  );
}
