/** Building blocks shared by the form schemas: messages a therapist can act on. */
import { z } from "zod";
import { isIsoDay } from "@/lib/domain/dates";
import { optionalNumberField, requiredNumberField } from "./number-field";

/** Optional free text: trimmed, at most `max` characters, stored as typed. */
export function optionalText(max: number, label: string) {
  return z.string().max(max, `${label}: at most ${max.toLocaleString("en-GB")} characters.`).optional();
}

/** A calendar day typed in a date input (`YYYY-MM-DD`). */
export function isoDay(label: string) {
  return z.string({ error: `Enter the ${label}.` }).refine(isIsoDay, `Enter the ${label} as a date.`);
}

/** A whole or decimal number within a range, from a form field (empty → absent; a decimal comma reads as a point). */
export function optionalNumber(min: number, max: number, label: string, options: { int?: boolean } = {}) {
  return optionalNumberField(label, min, max, { int: options.int, messages: { range: `${label} must be between ${min} and ${max}.` } });
}

/** A checkbox: "on" (browser), "true" or true is checked; absent is unchecked. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** The version the form was loaded with (optimistic concurrency). */
export const versionField = requiredNumberField("Version", 1, Number.MAX_SAFE_INTEGER, { int: true, messages: { required: "Reload the page and try again." } });
