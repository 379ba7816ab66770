/** Inputs of the watch-file import: the file's name and the user's choices from the review. */
import { z } from "zod";

// Control and bidirectional-override characters never belong in a file name we show.
const UNSAFE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export const importFileNameSchema = z
  .string()
  .trim()
  .min(1, "Choose a file.")
  .max(255, "The file name is too long (255 characters at most).")
  .refine((v) => !UNSAFE.test(v), "The file name holds characters that cannot be shown.");

/** One choice: `key` from the review, pain during (0–10, required for every run), next morning (optional), whether an odd date is confirmed. */
export const importChoiceSchema = z.object({
  key: z.string().regex(/^[0-9a-f]{16}:\d{1,4}$/, "Unknown activity."),
  painDuring: z.number({ message: "Give the pain during the run (0–10)." }).int("Give a whole number from 0 to 10.").min(0, "Pain is 0 to 10.").max(10, "Pain is 0 to 10."),
  painNextMorning: z.number().int("Give a whole number from 0 to 10.").min(0, "Pain is 0 to 10.").max(10, "Pain is 0 to 10.").nullable().optional(),
  confirmDate: z.boolean().optional(),
});
export type ImportChoiceInput = z.infer<typeof importChoiceSchema>;

/** How many runs one save may import: the choices travel in the URL, which servers cap at a few kB. */
export const MAX_IMPORT_CHOICES = 50;

/** The choices as sent in the save request's query: a JSON array of at most MAX_IMPORT_CHOICES. */
export const importChoicesSchema = z
  .string()
  .max(6_000, `Import at most ${MAX_IMPORT_CHOICES} runs at a time.`)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "The choices could not be read." });
      return z.NEVER;
    }
  })
  .pipe(z.array(importChoiceSchema).min(1, "Choose at least one run to import.").max(MAX_IMPORT_CHOICES, `Import at most ${MAX_IMPORT_CHOICES} runs at a time.`));
