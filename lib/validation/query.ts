/**
 * URL query parameters for route handlers and pages: each one a string (the first of a
 * repeated parameter), parsed strictly so that `?size=toString` or `?page=1e3` is a clear
 * 400 from the route door, never a lookup on an object's prototype or a NaN.
 */
import { z } from "zod";
import { isIsoDay } from "@/lib/domain/dates";

/** A whole number written with ASCII digits only, between `min` and `max`. */
export function queryInt(label: string, min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, `${label} must be a whole number.`)
    .transform(Number)
    .pipe(z.number().min(min, `${label} must be ${min}–${max}.`).max(max, `${label} must be ${min}–${max}.`));
}

/** One of the listed words exactly (no prototype keys, no case folding). */
export function queryEnum<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label} must be one of: ${values.join(", ")}.` });
}

/** A calendar day `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function queryDay(label: string) {
  return z.string().refine(isIsoDay, `${label} is not a real date (use YYYY-MM-DD).`);
}
