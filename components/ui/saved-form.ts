"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

/**
 * State of a small settings form saved by a server action as a whole (letterhead,
 * signature): the typed values (kept on a refusal), field messages, one status message and
 * the pending flag. `set(key)` is an input's change handler; `submit` saves and says
 * `savedMessage` on success or the action's message and field errors on a refusal.
 */
export function useSavedForm<V extends Record<string, string>>(initial: V, save: (values: V) => Promise<ActionResult<unknown>>, savedMessage: string) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const set = (k: keyof V) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    start(async () => {
      const result = await save(values);
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(result.ok ? savedMessage : result.error);
    });
  }

  return { values, errors, message, pending, set, submit };
}
