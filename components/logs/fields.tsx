import { cn } from "@/lib/cn";
import { Field } from "@/components/ui/field";

type Common = { id: string; name: string; label: string; error?: string; className?: string };

/** A whole-number or decimal input with its unit in the label. */
export function NumberField({ step = 1, min, max, defaultValue, ...props }: Common & { step?: number; min?: number; max?: number; defaultValue?: number | null }) {
  return <Field type="number" inputMode={step === 1 ? "numeric" : "decimal"} step={step} min={min} max={max} defaultValue={defaultValue ?? ""} {...props} />;
}

/** Pain 0–10 (NPRS). */
export function PainField(props: Common & { defaultValue?: number | null; required?: boolean }) {
  return <NumberField min={0} max={10} {...props} />;
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

export function TextAreaField({ id, label, error, className, ...props }: Common & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame id={id} label={label} error={error} className={className}>
      <textarea id={id} rows={2} {...invalidProps(id, error)} className="rounded-md border border-line bg-white px-3 py-2 text-base text-ink aria-invalid:border-stop" {...props} />
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
