"use client";

import { cn } from "@/lib/cn";
import { LengthHint, useLength } from "./length";

/**
 * A labelled input with its error message tied to it for screen readers. A `maxLength` is
 * shown as a count near the limit rather than enforced by the browser (never cut silently).
 */
export function Field({
  id,
  label,
  error,
  className,
  maxLength,
  onInput,
  ...props
}: React.InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string }) {
  const length = useLength(maxLength, props.defaultValue ?? props.value);
  const describedBy = [error ? `${id}-error` : null, length.show ? `${id}-length` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 rounded-md border border-line bg-white px-3 text-base text-ink aria-invalid:border-stop"
        onInput={(e) => {
          length.onInput(e);
          onInput?.(e);
        }}
        {...props}
      />
      {length.show && maxLength !== undefined ? <LengthHint id={`${id}-length`} length={length.length} max={maxLength} /> : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-stop">
          {error}
        </p>
      ) : null}
    </div>
  );
}
