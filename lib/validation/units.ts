/** The distance unit choices: a user's own (or "clinic" to follow the clinic's), and the clinic's default. */
import { z } from "zod";
import { DISTANCE_UNITS } from "@/lib/domain/vocabulary";

export const ownDistanceUnitSchema = z.object({
  unit: z.enum([...DISTANCE_UNITS, "clinic"], { error: "Choose kilometres, miles or the clinic's unit." }).transform((u) => (u === "clinic" ? null : u)),
});

export const clinicDistanceUnitSchema = z.object({ unit: z.enum(DISTANCE_UNITS, { error: "Choose kilometres or miles." }) });
