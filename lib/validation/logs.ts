/** Daily log and run inputs, shared by the quick entry, the log editor and their handlers. */
import { z } from "zod";
import { DISTANCE_UNITS, RUN_KINDS } from "@/lib/domain/vocabulary";
import { isoDay, optionalBool, optionalInt, optionalLine, optionalText, painScore, requiredInt, version } from "./fields";
import { distanceKmField, durationMinutesField } from "./number-field";
import { IMPLAUSIBLE_FIELD, implausibleRun } from "./parse";

function pairMinutesAndPain(ctx: z.RefinementCtx, minutes: number | undefined, pain: number | undefined, what: string, keys: [string, string]) {
  if (minutes !== undefined && minutes > 0 && pain === undefined) ctx.addIssue({ code: "custom", path: [keys[1]], message: `Give the pain while ${what} (0–10), or leave the minutes blank.` });
  if (pain !== undefined && (minutes === undefined || minutes === 0)) ctx.addIssue({ code: "custom", path: [keys[0]], message: `Give the minutes of ${what}, or leave its pain blank.` });
}

export const dailyLogSchema = z
  .object({
    logDate: isoDay("Date"),
    painRest: painScore("Pain at rest"),
    painDaily: requiredInt("Pain in daily activities", 0, 10),
    walkMinutes: optionalInt("Walking minutes", 0, 600),
    painWalk: painScore("Pain while walking"),
    cycleMinutes: optionalInt("Cycling minutes", 0, 600),
    painCycle: painScore("Pain while cycling"),
    swimMinutes: optionalInt("Swimming minutes", 0, 600),
    painSwim: painScore("Pain while swimming"),
    massageSessions: optionalInt("Self-massage sessions", 0, 10),
    iceSessions: optionalInt("Ice sessions", 0, 10),
    compression: optionalBool,
    note: optionalText("Note", 1000),
    version,
  })
  .superRefine((v, ctx) => {
    pairMinutesAndPain(ctx, v.walkMinutes, v.painWalk, "walking", ["walkMinutes", "painWalk"]);
    pairMinutesAndPain(ctx, v.cycleMinutes, v.painCycle, "cycling", ["cycleMinutes", "painCycle"]);
    pairMinutesAndPain(ctx, v.swimMinutes, v.painSwim, "swimming", ["swimMinutes", "painSwim"]);
  });
export type DailyLogInput = z.infer<typeof dailyLogSchema>;

export const runSchema = z
  .object({
    runDate: isoDay("Date"),
    kind: z.enum(RUN_KINDS, { message: "Choose walk/run or continuous." }),
    // Durations as minutes, mm:ss or h:mm:ss; distances in km or with "mi" (see ./parse).
    walkMinutes: durationMinutesField("Walk minutes", 0, 30),
    runMinutes: durationMinutesField("Run minutes", 0.5, 60),
    repetitions: optionalInt("Repetitions", 1, 30),
    continuousMinutes: durationMinutesField("Continuous minutes", 1, 600),
    // Read with the unit the form names (the user's), after the object: see the transform below.
    distanceKm: z.unknown().optional(),
    /** The unit a bare distance is in (the user's unit; "2.5 mi" or "4 km" say their own). */
    distanceUnit: z.enum(DISTANCE_UNITS, { error: "Choose km or mi." }).default("km"),
    painDuring: requiredInt("Pain during the run", 0, 10),
    painNextMorning: painScore("Pain next morning"),
    surface: optionalLine("Surface", 40),
    note: optionalText("Note", 1000),
    /** The therapist answered "Is this right?" for an implausible pace or length: save it as typed. */
    confirmImplausible: optionalBool,
    version,
  })
  .transform(({ distanceUnit, ...v }, ctx) => {
    if (v.distanceKm === undefined || v.distanceKm === null) return { ...v, distanceKm: undefined };
    const distance = distanceKmField("Distance", 300, distanceUnit).safeParse(v.distanceKm);
    if (!distance.success) {
      for (const issue of distance.error.issues) ctx.addIssue({ code: "custom", path: ["distanceKm"], message: issue.message });
      return z.NEVER;
    }
    return { ...v, distanceKm: distance.data };
  })
  .superRefine((v, ctx) => {
    const seconds = runSeconds(v);
    const doubt = implausibleRun(v.distanceKm ? Math.round(v.distanceKm * 1000) : undefined, seconds, v.kind === "walk_run");
    if (doubt && v.confirmImplausible !== true) ctx.addIssue({ code: "custom", path: [IMPLAUSIBLE_FIELD], message: `${doubt} Is this right?` });
    if (v.kind === "walk_run") {
      if (v.walkMinutes === undefined) ctx.addIssue({ code: "custom", path: ["walkMinutes"], message: "Give the walk minutes of each repetition (0 for none)." });
      if (v.runMinutes === undefined) ctx.addIssue({ code: "custom", path: ["runMinutes"], message: "Give the run minutes of each repetition." });
      if (v.repetitions === undefined) ctx.addIssue({ code: "custom", path: ["repetitions"], message: "Give the number of repetitions." });
    } else if (v.continuousMinutes === undefined) {
      ctx.addIssue({ code: "custom", path: ["continuousMinutes"], message: "Give the minutes of continuous running." });
    }
  });
export type RunInput = z.infer<typeof runSchema>;

export { IMPLAUSIBLE_FIELD };

/** A run's total time in whole seconds, or undefined when not given. */
export function runSeconds(v: { kind: string; walkMinutes?: number; runMinutes?: number; repetitions?: number; continuousMinutes?: number }): number | undefined {
  if (v.kind === "continuous") return v.continuousMinutes === undefined ? undefined : Math.round(v.continuousMinutes * 60);
  if (v.runMinutes === undefined || v.repetitions === undefined) return undefined;
  return Math.round(((v.walkMinutes ?? 0) + v.runMinutes) * v.repetitions * 60);
}

export const logsPageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });
