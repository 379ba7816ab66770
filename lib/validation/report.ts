import { z } from "zod";
import { multiLineText } from "./text";
import { REPORT_CHART_KEYS } from "@/lib/export/report-charts";

/** Longest impression or plan (characters): about two pages of a letter. */
export const REPORT_TEXT_MAX = 4000;

/**
 * What the export dialog sends for a letter: paper, progress or discharge, the charts to
 * include (at least none, at most all, each once), and the therapist's clinical impression
 * and plan as typed (line breaks kept, control and bidi-override characters refused by
 * multiLineText).
 */
export const reportRequestSchema = z.object({
  size: z.enum(["a4", "letter"], "Choose A4 or US Letter."),
  variant: z.enum(["progress", "discharge"], "Choose a progress report or a discharge letter."),
  charts: z.array(z.enum(REPORT_CHART_KEYS, "Choose charts from the list.")).max(REPORT_CHART_KEYS.length).transform((keys) => [...new Set(keys)]),
  impression: multiLineText(REPORT_TEXT_MAX),
  plan: multiLineText(REPORT_TEXT_MAX),
});
export type ReportRequest = z.output<typeof reportRequestSchema>;
