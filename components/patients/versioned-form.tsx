"use client";

import { useRef, useState } from "react";
import type { z } from "zod";
import { fieldErrorsFrom, formToObject, type ActionResult, type ConflictInfo } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";

export type FormValues = Record<string, unknown>;
/** What a save returns: the stored values and version (edits) or the new id (creations). */
export type Saved = { version?: number; values?: FormValues; id?: string };

type Props = {
  /** Accessible name of the form, e.g. "Patient details". */
  name: string;
  initialValues: FormValues;
  /** Absent for a form that creates a record. */
  initialVersion?: number;
  /** Field labels for the conflict message, in display order. */
  labels: Record<string, string>;
  /** The shared zod schema, run in the browser first: field → message, or null when valid. */
  validate: (input: Record<string, unknown>) => Record<string, string> | null;
  action: (form: FormData) => Promise<ActionResult<Saved | undefined>>;
  submitLabel: string;
  savedMessage?: string;
  onSaved?: (saved: Saved | undefined) => void;
  className?: string;
  children: (ctx: { errors: Record<string, string>; values: FormValues }) => React.ReactNode;
};

/** A value as the form shows it, so stored and typed values compare alike. */
function shown(value: unknown, asBoolean: boolean): string {
  if (asBoolean) return value === true || value === "on" || value === "true" ? "Yes" : "No";
  if (value === undefined || value === null || value === "") return "";
  return String(value);
}

/**
 * A form over one versioned record: validates with the shared schema before sending, keeps
 * what was typed on any error, and when someone else saved first lists the fields they
 * changed (yours vs the stored value) and lets the user choose; nothing is overwritten.
 */
export function VersionedForm({ name, initialValues, initialVersion, labels, validate, action, submitLabel, savedMessage = "Saved.", onSaved, className, children }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [loaded, setLoaded] = useState({ values: initialValues, version: initialVersion });
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ info: ConflictInfo; typed: Record<string, unknown> } | null>(null);
  const [pending, setPending] = useState(false);
  // A newer version from the server (a refresh after this user's own change elsewhere on the page) becomes the base.
  const [seenVersion, setSeenVersion] = useState(initialVersion);
  if (initialVersion !== seenVersion) {
    setSeenVersion(initialVersion);
    if (initialVersion !== undefined && (loaded.version === undefined || initialVersion > loaded.version)) setLoaded({ values: initialValues, version: initialVersion });
  }

  function showErrors(fieldErrors: Record<string, string>, summary: string) {
    setErrors(fieldErrors);
    setMessage(summary);
    const first = Object.keys(fieldErrors)[0];
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = formToObject(form);
    setStatus(null);
    // A date picker holding an impossible day (30/02) submits "": say what is wrong, keep it shown.
    const badDates = Object.fromEntries(
      Array.from(event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="date"]'))
        .filter((input) => input.validity.badInput)
        .map((input) => [input.name, `${labels[input.name] ?? "This date"} is not a real date.`]),
    );
    const invalid = validate(typed);
    if (invalid || Object.keys(badDates).length > 0) return showErrors({ ...invalid, ...badDates }, "Please correct the highlighted fields.");
    if (loaded.version !== undefined) form.set("version", String(loaded.version));
    setPending(true);
    try {
      const result = await action(form);
      if (result.ok) {
        setErrors({});
        setMessage(null);
        setConflict(null);
        if (result.data?.values && result.data.version !== undefined) setLoaded({ values: result.data.values, version: result.data.version });
        setStatus(savedMessage);
        onSaved?.(result.data);
      } else if (result.conflict) {
        setErrors({});
        setMessage(null);
        setConflict({ info: result.conflict, typed });
      } else {
        showErrors(result.fieldErrors ?? {}, result.error);
      }
    } catch {
      setMessage("The save did not reach the server. Your input is kept; please try again.");
    } finally {
      setPending(false);
    }
  }

  const changed = conflict
    ? Object.keys(labels).flatMap((key) => {
        const asBoolean = typeof loaded.values[key] === "boolean";
        const stored = shown(conflict.info.current[key], asBoolean);
        if (stored === shown(loaded.values[key], asBoolean)) return [];
        return [{ key, label: labels[key]!, yours: shown(conflict.typed[key], asBoolean), stored }];
      })
    : [];

  function keepMine() {
    if (!conflict) return;
    setLoaded({ values: conflict.info.current, version: conflict.info.currentVersion });
    setConflict(null);
    setStatus("Your values are kept. Press “" + submitLabel + "” to store them over the saved version.");
  }

  function loadSaved() {
    if (!conflict) return;
    setLoaded({ values: conflict.info.current, version: conflict.info.currentVersion });
    setConflict(null);
    setFormKey((k) => k + 1);
    setStatus("The saved version is loaded.");
  }

  return (
    <form ref={formRef} key={formKey} aria-label={name} onSubmit={onSubmit} noValidate className={className ?? "flex flex-col gap-5"}>
      {conflict ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-semibold text-caution">Someone else saved this record after you opened it. Nothing was overwritten; your input is still in the form.</p>
          {changed.length > 0 ? (
            <table className="mt-2 w-full text-left">
              <caption className="sr-only">Fields changed by someone else</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-3">Field</th>
                  <th scope="col" className="pr-3">Your value</th>
                  <th scope="col">Saved value</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((c) => (
                  <tr key={c.key}>
                    <th scope="row" className="pr-3 font-medium">{c.label}</th>
                    <td className="pr-3 whitespace-pre-wrap break-words">{c.yours || "(empty)"}</td>
                    <td className="whitespace-pre-wrap break-words">{c.stored || "(empty)"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-1">None of these fields changed (the record was archived, restored or reassigned).</p>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={keepMine}>
              Keep my values
            </Button>
            <Button type="button" variant="secondary" onClick={loadSaved}>
              Load the saved version
            </Button>
          </div>
        </div>
      ) : null}
      {children({ errors, values: loaded.values })}
      {message ? (
        <p role="alert" className="text-sm font-medium text-stop">
          {message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <p role="status" className="text-sm text-safe">
          {status}
        </p>
      </div>
    </form>
  );
}

/** The browser-side check with a shared zod schema: field → first message, or null. */
export function zodValidator(schema: z.ZodType) {
  return (input: Record<string, unknown>) => {
    const result = schema.safeParse(input);
    return result.success ? null : fieldErrorsFrom(result.error);
  };
}
