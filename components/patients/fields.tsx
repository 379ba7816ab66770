"use client";

/** Labelled select, textarea and checkbox beside the ui Field, each with its message tied to it. */
import { cn } from "@/lib/cn";
import { LengthHint, useLength } from "@/components/ui/length";

type Common = { id: string; label: string; error?: string; hint?: string; className?: string };

const control = "min-h-11 rounded-md border border-line bg-white px-3 text-base text-ink aria-invalid:border-stop";

function describedBy(id: string, error?: string, hint?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Message({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-stop">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function SelectField({
  id,
  label,
  error,
  hint,
  className,
  options,
  placeholder,
  ...props
}: Common & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id"> & { options: readonly { value: string; label: string }[]; placeholder?: string }) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={control} {...props}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Message id={id} error={error} hint={hint} />
    </div>
  );
}

/** A multi-line field: its `maxLength` is a count shown near the limit, never a silent cut. */
export function TextareaField({ id, label, error, hint, className, maxLength, ...props }: Common & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  const length = useLength(maxLength, props.defaultValue ?? props.value);
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <textarea id={id} rows={4} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} onInput={length.onInput} className={cn(control, "py-2")} {...props} />
      {length.show && maxLength !== undefined ? <LengthHint id={`${id}-length`} length={length.length} max={maxLength} /> : null}
      <Message id={id} error={error} hint={hint} />
    </div>
  );
}

export function CheckboxField({ id, label, error, className, ...props }: Common & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "type">) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex min-h-11 items-center gap-2">
        <input id={id} type="checkbox" className="size-5 accent-accent" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error)} {...props} />
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
      </div>
      <Message id={id} error={error} />
    </div>
  );
}

/** A group of fields with a visible heading. */
export function FieldGroup({ legend, children, className }: { legend: string; children: React.ReactNode; className?: string }) {
  return (
    <fieldset className={cn("grid gap-4 sm:grid-cols-2", className)}>
      <legend className="mb-2 text-base font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Options from a value → label record, in its order. */
export function optionsOf<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}
