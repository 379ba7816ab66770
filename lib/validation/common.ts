/** Building blocks shared by the form schemas: messages a therapist can act on. */
import { z } from "zod";
import { isIsoDay } from "@/lib/domain/dates";
import { optionalNumberField, requiredNumberField } from "./number-field";
import { optionalMultiLine, optionalSingleLine } from "./text";

/** Optional free text: line breaks and tabs kept, no control or direction characters, at most `max` characters. */
export function optionalText(max: number, label: string) {
  return optionalMultiLine(max, `${label}: at most ${max.toLocaleString("en-GB")} characters.`);
}

/** Optional one-line text (a goal race): no line breaks, control or direction characters. */
export function optionalLine(max: number, label: string) {
  return optionalSingleLine(max, `${label}: at most ${max.toLocaleString("en-GB")} characters.`);
}

/**
 * A calendar day typed in a date input (`YYYY-MM-DD`): empty → "Enter the …"; the right
 * shape but no such day (1984-02-30) → "… is not a real date"; anything else → the format.
 */
export function isoDay(label: string) {
  return z
    .string({ error: `Enter the ${label}.` })
    .min(1, `Enter the ${label}.`)
    .superRefine((v, ctx) => {
      if (isIsoDay(v)) return;
      const shaped = /^\d{4}-\d{2}-\d{2}$/.test(v);
      ctx.addIssue({ code: "custom", message: shaped ? `The ${label} is not a real date.` : `Enter the ${label} as a date (YYYY-MM-DD).` });
    });
}

/** A whole or decimal number within a range, from a form field (empty → absent; a decimal comma reads as a point). */
export function optionalNumber(min: number, max: number, label: string, options: { int?: boolean } = {}) {
  return optionalNumberField(label, min, max, { int: options.int, messages: { range: `${label} must be between ${min} and ${max}.` } });
}

/** A checkbox: "on" (browser), "true" or true is checked; absent is unchecked. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** The version the form was loaded with (optimistic concurrency). */
export const versionField = requiredNumberField("Version", 1, Number.MAX_SAFE_INTEGER, { int: true, messages: { required: "Reload the page and try again." } });
