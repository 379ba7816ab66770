/** Small zod building blocks shared by the log, run, stage and protocol schemas. */
import { z } from "zod";
import { isIsoDay } from "@/lib/domain/dates";
import { optionalNumberField, requiredNumberField } from "./number-field";
import { optionalMultiLine, optionalSingleLine } from "./text";

/** A whole number in a range; blank means "not given". Typed digits of any script, no loose forms (see ./parse). */
export function optionalInt(label: string, min: number, max: number) {
  return optionalNumberField(label, min, max, { int: true });
}

/** A required whole number in a range. */
export function requiredInt(label: string, min: number, max: number) {
  return requiredNumberField(label, min, max, { int: true });
}

/** A decimal number in a range, with a comma or a point; blank means "not given". */
export function optionalNumber(label: string, min: number, max: number) {
  return optionalNumberField(label, min, max);
}

export const painScore = (label: string) => optionalInt(label, 0, 10);

export const isoDay = (label: string) =>
  z.string({ message: `${label} is required.` }).refine((v) => isIsoDay(v), `${label} must be a real date (YYYY-MM-DD).`);

/** Optional free text (notes, reasons): line breaks and tabs kept, no control or direction characters. */
export const optionalText = (label: string, max: number) => optionalMultiLine(max, `${label} must be at most ${max} characters.`, true);

/** Optional one-line text (a surface): no line breaks, control or direction characters. */
export const optionalLine = (label: string, max: number) => optionalSingleLine(max, `${label} must be at most ${max} characters.`);

/** A checkbox or yes/no choice; blank means "not recorded". */
export const optionalBool = z.preprocess((v) => {
  if (v === undefined || v === null || v === "") return undefined;
  if (v === true || v === "on" || v === "yes" || v === "true") return true;
  if (v === false || v === "no" || v === "false") return false;
  return v;
}, z.boolean({ message: "Choose yes or no." }).optional());

export const version = optionalInt("Version", 1, Number.MAX_SAFE_INTEGER);
