import { z } from "zod";

// C0 controls and DEL; tab is allowed only in multi-line text.
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A one-line text such as a name: trimmed, no line breaks or control characters. */
export function singleLineText(label: string, max: number, min = 1) {
  return z
    .string(`Enter ${label}.`)
    .trim()
    .min(min, min === 1 ? `Enter ${label}.` : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => !CONTROL_SINGLE_LINE.test(v), "Use letters, numbers and punctuation only (no line breaks or control characters).");
}

/** Free text such as notes: kept as typed (line breaks included), no other control characters. */
export function multiLineText(max: number) {
  return z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => !CONTROL_MULTI_LINE.test(v), "Remove control characters from the text.");
}
