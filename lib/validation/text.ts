/**
 * Text fields: what may be stored. Control characters (C0, DEL, C1) and the invisible
 * direction marks and overrides (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) can hide,
 * reorder or reverse what a colleague reads (a name with U+202E shows backwards) and are
 * forbidden in FHIR strings, so they are refused with a message, never silently dropped.
 * Multi-line text keeps line breaks (CRLF and CR become LF) and tabs. Text is stored in
 * Unicode NFC, so the same name typed on two keyboards is the same stored value (and the
 * record-number uniqueness check compares what is stored).
 */
import { z } from "zod";

// C0 controls, DEL, C1 controls, direction marks/embeddings/overrides/isolates, line and paragraph separators, BOM.
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;
// The same, less tab and line feed (carriage returns are normalised to line feeds first).
const FORBIDDEN_MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;
const ALL_FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;

export const SINGLE_LINE_MESSAGE = "Use letters, numbers and punctuation only: no line breaks, tabs, control or text-direction characters.";
export const MULTI_LINE_MESSAGE = "Remove the control or text-direction characters (line breaks and tabs are fine).";

/** True when a one-line value holds a character it may not store. */
export function hasForbiddenSingleLine(text: string): boolean {
  return FORBIDDEN_SINGLE_LINE.test(text);
}

/** True when a multi-line value (line breaks already LF) holds a character it may not store. */
export function hasForbiddenMultiLine(text: string): boolean {
  return FORBIDDEN_MULTI_LINE.test(text);
}

/** Line breaks as LF only (CRLF and a lone CR become LF). */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * For exports of values stored before these rules: removes every forbidden character but
 * tab and line feed (a CR becomes LF). A safety net on the way out, not a validation.
 */
export function stripControlCharacters(text: string): string {
  return normaliseLineBreaks(text).replace(ALL_FORBIDDEN, "");
}

/** A one-line text such as a name: trimmed, NFC, no line breaks, control or direction characters. */
export function singleLineText(label: string, max: number, min = 1) {
  return z
    .string(`Enter ${label}.`)
    .trim()
    .min(min, min === 1 ? `Enter ${label}.` : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => !hasForbiddenSingleLine(v), SINGLE_LINE_MESSAGE)
    .transform((v) => v.normalize("NFC"));
}

/** Free text such as notes: kept as typed (line breaks as LF, tabs), NFC, no other control or direction characters. */
export function multiLineText(max: number) {
  return z
    .string()
    .transform(normaliseLineBreaks)
    .pipe(z.string().max(max, `Use at most ${max} characters.`).refine((v) => !FORBIDDEN_MULTI_LINE.test(v), MULTI_LINE_MESSAGE))
    .transform((v) => v.normalize("NFC"));
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** An optional one-line text (blank → absent): trimmed, at most `max` characters, refused with `tooLong` beyond. */
export function optionalSingleLine(max: number, tooLong = `Use at most ${max} characters.`) {
  return z.preprocess(
    (v) => (blank(v) ? undefined : v),
    z
      .string()
      .trim()
      .max(max, tooLong)
      .refine((v) => !hasForbiddenSingleLine(v), SINGLE_LINE_MESSAGE)
      .transform((v) => v.normalize("NFC"))
      .optional(),
  );
}

/**
 * Optional free text (blank → absent): kept as typed (line breaks as LF, tabs), at most `max`
 * characters; `trim` drops spaces at the ends (short notes), otherwise they are kept.
 */
export function optionalMultiLine(max: number, tooLong = `Use at most ${max} characters.`, trim = false) {
  return z.preprocess(
    (v) => (blank(v) ? undefined : v),
    z
      .string()
      .transform((v) => (trim ? normaliseLineBreaks(v).trim() : normaliseLineBreaks(v)))
      .pipe(z.string().max(max, tooLong).refine((v) => !FORBIDDEN_MULTI_LINE.test(v), MULTI_LINE_MESSAGE))
      .transform((v) => v.normalize("NFC"))
      .optional(),
  );
}
