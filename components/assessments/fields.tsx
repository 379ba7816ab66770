"use client";

import { Field } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { AssessmentFormValues } from "@/lib/validation/assessment";
import { FIELD_LABEL } from "./labels";

export type FieldKey = keyof AssessmentFormValues;
export type FormBinding = {
  values: AssessmentFormValues;
  errors: Record<string, string>;
  set: (key: FieldKey, value: string) => void;
};

export const fieldId = (key: FieldKey) => `assessment-${key}`;

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="text-sm text-stop">
      {error}
    </p>
  ) : null;
}

/**
 * A measured value. Text input with a decimal keypad, so whatever was typed (even "abc")
 * stays in the box beside its message instead of being silently dropped.
 */
export function NumberField({ name, form, hint, className }: { name: FieldKey; form: FormBinding; hint?: string; className?: string }) {
  return (
    <div className={className}>
      <Field
        id={fieldId(name)}
        name={name}
        label={FIELD_LABEL[name]}
        inputMode="decimal"
        autoComplete="off"
        value={form.values[name] ?? ""}
        error={form.errors[name]}
        onChange={(e) => form.set(name, e.target.value)}
      />
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}

export function SelectField({
  name,
  form,
  options,
  label,
  className,
}: {
  name: FieldKey;
  form: FormBinding;
  options: Record<string, string>;
  label?: string;
  className?: string;
}) {
  const id = fieldId(name);
  const error = form.errors[name];
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label ?? FIELD_LABEL[name]}
      </label>
      <select
        id={id}
        name={name}
        value={form.values[name] ?? ""}
        onChange={(e) => form.set(name, e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="min-h-11 rounded-md border border-line bg-white px-3 text-base text-ink aria-invalid:border-stop"
      >
        <option value="">Not recorded</option>
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TextAreaField({ name, form, className }: { name: FieldKey; form: FormBinding; className?: string }) {
  const id = fieldId(name);
  const error = form.errors[name];
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {FIELD_LABEL[name]}
      </label>
      <textarea
        id={id}
        name={name}
        rows={2}
        value={form.values[name] ?? ""}
        onChange={(e) => form.set(name, e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-md border border-line bg-white px-3 py-2 text-base text-ink aria-invalid:border-stop"
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** Left and right inputs side by side (stacked only on a narrow phone). */
export function SidePair({ children }: { children: React.ReactNode }) {
  return <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">{children}</div>;
}
