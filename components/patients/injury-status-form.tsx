"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { Field } from "@/components/ui/field";
import { injuryCloseSchema, injuryReturnSchema } from "@/lib/validation/injury";
import { VersionedForm, zodValidator, type Saved } from "./versioned-form";

/** Moves an episode on: "returned" (back to full running on a date) or "closed". */
export function InjuryStatusForm({
  kind,
  idPrefix,
  today,
  onsetDate,
  version,
  action,
}: {
  kind: "return" | "close";
  idPrefix: string;
  today: string;
  onsetDate: string;
  version: number;
  action: (form: FormData) => Promise<ActionResult<Saved | undefined>>;
}) {
  const router = useRouter();
  const field = kind === "return" ? "returnDate" : "closedDate";
  const label = kind === "return" ? "Date of return to full running" : "Closing date";
  const validate = useMemo(
    () => zodValidator(kind === "return" ? injuryReturnSchema(today, onsetDate).omit({ version: true }) : injuryCloseSchema(today, onsetDate).omit({ version: true })),
    [kind, today, onsetDate],
  );
  return (
    <VersionedForm
      name={kind === "return" ? "Mark as returned" : "Close episode"}
      initialValues={{ [field]: today }}
      initialVersion={version}
      labels={{ [field]: label }}
      validate={validate}
      action={action}
      submitLabel={kind === "return" ? "Mark as returned" : "Close episode"}
      savedMessage={kind === "return" ? "Marked as returned." : "Episode closed."}
      onSaved={() => router.refresh()}
      className="flex flex-wrap items-end gap-3"
    >
      {({ errors, values }) => (
        <Field id={`${idPrefix}-${field}`} name={field} type="date" label={label} min={onsetDate} max={today} defaultValue={String(values[field] ?? "")} error={errors[field]} />
      )}
    </VersionedForm>
  );
}
