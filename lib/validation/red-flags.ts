/** The red-flag screen's forms: the items (checkboxes) and the clearance (a required note). */
import { z } from "zod";
import { RED_FLAG_ITEMS, type RedFlagItem } from "@/lib/domain/vocabulary";
import { checkbox, versionField } from "./common";

const itemShape = Object.fromEntries(RED_FLAG_ITEMS.map((k) => [k, checkbox])) as Record<RedFlagItem, typeof checkbox>;

/** The items as a form sends them: a ticked box is a positive finding, an absent one is negative. */
export const redFlagAnswersSchema = z.object(itemShape);

/** Editing a stored screen (Details tab): the items and the version it was loaded with (absent: no screen yet). */
export const redFlagScreenSchema = redFlagAnswersSchema.extend({ version: versionField.optional() });

export const CLEARANCE_NOTE_MAX = 1000;

/** Recording that a positive screen was cleared: the note is required (who and when come from the session). */
export const redFlagClearanceSchema = z.object({
  version: versionField,
  note: z
    .string({ error: "Write how the red flags were cleared (who examined the runner, what was found)." })
    .trim()
    .min(3, "Write how the red flags were cleared (who examined the runner, what was found).")
    .max(CLEARANCE_NOTE_MAX, `The note must be at most ${CLEARANCE_NOTE_MAX.toLocaleString("en-GB")} characters.`),
});

export type RedFlagAnswersInput = z.infer<typeof redFlagAnswersSchema>;
export type RedFlagScreenInput = z.infer<typeof redFlagScreenSchema>;
export type RedFlagClearanceInput = z.infer<typeof redFlagClearanceSchema>;
