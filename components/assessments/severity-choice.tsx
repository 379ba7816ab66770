"use client";

import { Button } from "@/components/ui/button";
import { FAULT_LABEL, SEVERITY_LABEL, type FaultKey, type SeveritySuggestion } from "@/lib/domain/assessment";
import { SelectField, type FormBinding } from "./fields";
import { SEVERITY_FIELD } from "./labels";

// The labels table, not db/schema, so the browser bundle carries no database code.
const OPTIONS: Record<string, string> = SEVERITY_LABEL;

/** The therapist's grading, with the grading the numbers suggest beside it to accept or overrule. */
export function SeverityChoice({ fault, form, suggestion }: { fault: FaultKey; form: FormBinding; suggestion: SeveritySuggestion | null }) {
  const name = SEVERITY_FIELD[fault];
  const chosen = form.values[name] ?? "";
  return (
    <div className="grid grid-cols-1 gap-3 rounded-md bg-surface p-3 sm:grid-cols-2">
      <SelectField name={name} form={form} options={OPTIONS} label={`${FAULT_LABEL[fault]}: your grading`} />
      <div className="flex flex-col gap-1 text-sm" data-testid={`suggestion-${fault}`} aria-live="polite">
        <span className="font-medium">Suggested from the numbers</span>
        {suggestion ? (
          <>
            <span>
              <strong>{SEVERITY_LABEL[suggestion.severity]}</strong>: {suggestion.reason}
            </span>
            {chosen === suggestion.severity ? (
              <span className="text-safe">Your grading matches the suggestion.</span>
            ) : (
              <Button
                type="button"
                variant="secondary"
                className="self-start"
                onClick={() => form.set(name, suggestion.severity)}
                aria-label={`Accept the suggested ${FAULT_LABEL[fault].toLowerCase()} severity: ${SEVERITY_LABEL[suggestion.severity]}`}
              >
                Accept {SEVERITY_LABEL[suggestion.severity].toLowerCase()}
              </Button>
            )}
          </>
        ) : (
          <span className="text-muted">Not enough measures to suggest a grading. Heuristic only: no hard cut-offs exist.</span>
        )}
      </div>
    </div>
  );
}
