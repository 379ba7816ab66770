"use client";

import { cn } from "@/lib/cn";
import { Field } from "@/components/ui/field";
import { LengthHint, useLength } from "@/components/ui/length";

type Common = { id: string; name: string; label: string; error?: string; className?: string };

/**
 * A number typed as text (a browser's number field drops a decimal comma or a colon in some
 * locales): the server reads `5,5`, `5.5`, `27:30` and digits of any script (lib/validation/parse).
 * `decimal` brings up a keyboard with a decimal mark; `numeric` one with digits only.
 */
export function NumberField({ decimal = false, defaultValue, ...props }: Common & { decimal?: boolean; defaultValue?: number | string | null; required?: boolean }) {
  return <Field type="text" inputMode={decimal ? "decimal" : "numeric"} autoComplete="off" spellCheck={false} maxLength={20} defaultValue={defaultValue ?? ""} {...props} />;
}

/** Pain 0–10 (NPRS), whole numbers. */
export function PainField(props: Common & { defaultValue?: number | null; required?: boolean }) {
  return <NumberField {...props} />;
}

/**
 * A calendar day typed as `YYYY-MM-DD`. Text rather than a date picker, so an impossible
 * day (2026-02-30) stays in the field with the server's message beside it instead of being
 * emptied by the browser.
 */
export function DayField({ defaultValue, ...props }: Common & { defaultValue?: string; required?: boolean; readOnly?: boolean }) {
  return <Field type="text" inputMode="numeric" autoComplete="off" placeholder="YYYY-MM-DD" maxLength={10} defaultValue={defaultValue ?? ""} {...props} />;
}

/** Label above, the control, and its error message tied to it for screen readers. */
function FieldFrame({ id, label, error, className, children }: Omit<Common, "name"> & { children: React.ReactNode }) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-stop">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const invalidProps = (id: string, error?: string) => ({ "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined });

export function SelectField({ id, label, error, className, children, ...props }: Common & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame id={id} label={label} error={error} className={className}>
      <select id={id} {...invalidProps(id, error)} className="min-h-11 rounded-md border border-line bg-white px-3 text-base text-ink aria-invalid:border-stop" {...props}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** A note: its `maxLength` is a count shown near the limit, never a silent cut. */
export function TextAreaField({ id, label, error, className, maxLength, ...props }: Common & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const length = useLength(maxLength, props.defaultValue ?? props.value);
  return (
    <FieldFrame id={id} label={label} error={error} className={className}>
      <textarea id={id} rows={2} {...invalidProps(id, error)} onInput={length.onInput} className="rounded-md border border-line bg-white px-3 py-2 text-base text-ink aria-invalid:border-stop" {...props} />
      {length.show && maxLength !== undefined ? <LengthHint id={`${id}-length`} length={length.length} max={maxLength} /> : null}
    </FieldFrame>
  );
}

export function CheckboxField({ id, label, className, ...props }: Omit<Common, "error"> & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={cn("flex min-h-11 items-center gap-2", className)}>
      <input id={id} type="checkbox" className="h-5 w-5 accent-[var(--color-accent)]" {...props} />
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
    </div>
  );
}

/** What the daily-log and run forms share: where they submit and what the server said. */
export type EntryFormProps<Values, Initial> = {
  idPrefix: string;
  initial?: Partial<Initial>;
  today: string;
  submitLabel: string;
  onSubmit: (values: Values, form: HTMLFormElement) => void;
  fieldErrors?: Record<string, string>;
  error?: string | null;
  success?: string | null;
  pending?: boolean;
};

/** The form-level message; role=alert so it is announced, scoped inside the form. */
export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm font-medium text-stop">
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="rounded-md border border-green-200 bg-green-50 p-2 text-sm font-medium text-safe">
        {success}
      </p>
    );
  }
  return null;
}
