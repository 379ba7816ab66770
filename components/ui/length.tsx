"use client";

import { useState } from "react";

/**
 * Counts what is typed in a field with a length limit, instead of the browser's `maxLength`
 * (which cuts a paste short without a word). The count shows from 80% of the limit and
 * says how far over it is; the server refuses an over-long value beside the field.
 */
export function useLength(max: number | undefined, initial: unknown) {
  const [length, setLength] = useState(typeof initial === "string" ? initial.length : 0);
  const onInput = (event: React.FormEvent<HTMLInputElement | HTMLTextAreaElement>) => setLength(event.currentTarget.value.length);
  return { length, onInput, show: max !== undefined && length >= Math.floor(max * 0.8) };
}

/** "950 / 1,000 characters" near the limit, "12 characters too many" beyond it (announced politely). */
export function LengthHint({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length - max;
  return (
    <p id={id} aria-live="polite" className={over > 0 ? "text-sm font-medium text-stop" : "text-sm text-muted"}>
      {over > 0 ? `${over.toLocaleString("en-GB")} character${over === 1 ? "" : "s"} too many (limit ${max.toLocaleString("en-GB")})` : `${length.toLocaleString("en-GB")} / ${max.toLocaleString("en-GB")} characters`}
    </p>
  );
}
