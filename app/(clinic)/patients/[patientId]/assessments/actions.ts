"use server";

import { z } from "zod";
import { idArg, serverAction } from "@/lib/actions/door";
import type { ActionResult } from "@/lib/actions/result";
import { createAssessment, updateAssessment } from "@/lib/dal/assessments";
import { assessmentInputSchema, assessmentVersionArg } from "@/lib/validation/assessment";

const patientPages = ([patientId]: [string, ...unknown[]]) => [`/patients/${patientId}`];

export const createAssessmentAction: (patientId: string, values: unknown) => Promise<ActionResult<{ id: string }>> = serverAction({
  name: "assessment.create",
  args: z.tuple([idArg, assessmentInputSchema]),
  run: ([patientId, values]) => createAssessment(patientId, values),
  revalidate: patientPages,
});

/** Saves an edited assessment opened at `version` (a conflict when someone saved first). */
export const updateAssessmentAction: (patientId: string, assessmentId: string, version: unknown, values: unknown) => Promise<ActionResult<{ id: string; version: number }>> =
  serverAction({
    name: "assessment.update",
    args: z.tuple([idArg, idArg, assessmentVersionArg, assessmentInputSchema]),
    run: ([patientId, assessmentId, version, values]) => updateAssessment(patientId, assessmentId, version, values),
    revalidate: patientPages,
  });
