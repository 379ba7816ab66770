/**
 * Zod fields for numbers as people type them (see `./parse`): a decimal comma or point,
 * any Unicode digits; `true`, `[1]`, `"0x5"` or `"1e3"` refused. Shared by every form schema,
 * so the browser and the server read a field the same way.
 */
import { z } from "zod";
import { parseDecimal, parseDistance, parseDuration, parseWholeNumber, type DistanceUnit } from "./parse";

export type NumberFieldOptions = {
  /** Whole numbers only (pain scores, counts). */
  int?: boolean;
  /** Messages, when the form words them its own way. */
  messages?: { required?: string; notNumber?: string; notWhole?: string; range?: string };
};

function parsed(label: string, options: NumberFieldOptions, read: (raw: unknown) => ReturnType<typeof parseDecimal>) {
  return z.unknown().transform((raw, ctx): number | undefined => {
    const r = read(raw);
    if (r.ok) return r.value;
    const custom = options.int && /whole number/.test(r.message) ? options.messages?.notWhole : options.messages?.notNumber;
    ctx.addIssue({ code: "custom", message: custom ?? r.message });
    return z.NEVER;
  });
}

function inRange(label: string, min: number, max: number, options: NumberFieldOptions) {
  const range = options.messages?.range ?? `${label} must be ${min}–${max}.`;
  return (v: number | undefined, ctx: z.RefinementCtx) => {
    if (v !== undefined && (v < min || v > max)) ctx.addIssue({ code: "custom", message: range });
  };
}

/** An optional number in [min, max]; empty means "not given" (undefined). */
export function optionalNumberField(label: string, min: number, max: number, options: NumberFieldOptions = {}) {
  const read = (raw: unknown) => (options.int ? parseWholeNumber(raw, label) : parseDecimal(raw, label));
  return parsed(label, options, read).superRefine(inRange(label, min, max, options)).optional();
}

/** A required number in [min, max]. */
export function requiredNumberField(label: string, min: number, max: number, options: NumberFieldOptions = {}) {
  const required = options.messages?.required ?? `${label} is required.`;
  const read = (raw: unknown) => (options.int ? parseWholeNumber(raw, label) : parseDecimal(raw, label));
  return parsed(label, options, read).superRefine(inRange(label, min, max, options)).transform((v, ctx): number => {
    if (v === undefined) {
      ctx.addIssue({ code: "custom", message: required });
      return z.NEVER;
    }
    return v;
  });
}

/**
 * An optional duration typed as minutes, `mm:ss` or `h:mm:ss`, given back in minutes
 * (seconds / 60; the stored unit of run durations) within [minMinutes, maxMinutes].
 */
export function durationMinutesField(label: string, minMinutes: number, maxMinutes: number) {
  const range = `${label} must be between ${minMinutes} and ${maxMinutes} minutes.`;
  return parsed(label, {}, (raw) => parseDuration(raw, label))
    .transform((seconds) => (seconds === undefined ? undefined : seconds / 60))
    .superRefine(inRange(label, minMinutes, maxMinutes, { messages: { range } }))
    .optional();
}

/**
 * An optional distance typed in km or miles (a bare number is in `unit`), given back in
 * kilometres (metres / 1000; the stored unit of run distances) within [0, maxKm].
 */
export function distanceKmField(label: string, maxKm: number, unit: DistanceUnit = "km") {
  return parsed(label, {}, (raw) => parseDistance(raw, unit, label))
    .transform((metres) => (metres === undefined ? undefined : metres / 1000))
    .superRefine(inRange(label, 0, maxKm, { messages: { range: `${label} must be at most ${maxKm} km.` } }))
    .optional();
}
