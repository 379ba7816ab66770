"use server";

import { z } from "zod";
import { idArg, serverAction } from "@/lib/actions/door";
import type { ActionResult } from "@/lib/actions/result";
import { confirmProgression, overrideStage, stepBackStage, type ReturnToRunDto } from "@/lib/dal/stages";
import { confirmProgressionSchema, overrideStageSchema, stepBackSchema } from "@/lib/validation/stages";

type StageAction = (patientId: string, input: unknown) => Promise<ActionResult<ReturnToRunDto>>;

/** After a stage change: the runner's pages (header stage, panel, log) and the caseload. */
const patientPages = ([patientId]: [string, ...unknown[]]) => [`/patients/${patientId}`, "/"];

export const confirmProgressionAction: StageAction = serverAction({
  name: "stage.confirm_progression",
  args: z.tuple([idArg, confirmProgressionSchema]),
  run: ([patientId, input]) => confirmProgression(patientId, input.fromStage),
  revalidate: patientPages,
});

export const overrideStageAction: StageAction = serverAction({
  name: "stage.override",
  args: z.tuple([idArg, overrideStageSchema]),
  run: ([patientId, input]) => overrideStage(patientId, input.toStage, input.reason),
  revalidate: patientPages,
});

/**
 * A step back to the destination the therapist chose (one ladder step down or an earlier
 * stage), with the required reason: (patientId, { fromStage, toStage, toLadderStep, reason }).
 */
export const stepBackAction: StageAction = serverAction({
  name: "stage.step_back",
  args: z.tuple([idArg, stepBackSchema]),
  run: ([patientId, input]) => stepBackStage(patientId, input),
  revalidate: patientPages,
});
