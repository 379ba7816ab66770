"use server";

import { z } from "zod";
import { idArg, serverAction } from "@/lib/actions/door";
import { saveAssessmentFrame } from "@/lib/dal/assessment-frames";
import { assessmentFrameInputSchema } from "@/lib/validation/assessment-frame";

/**
 * Saves one measure read from a video frame, with its still image, to a saved assessment
 * (patientId, assessmentId, frame). Called by the assessment form right after the assessment
 * itself is saved, once per measured field. No revalidation: the form navigates to the
 * assessment page next, which reads the frames fresh.
 */
export const saveAssessmentFrameAction = serverAction({
  name: "assessment.frame.save",
  args: z.tuple([idArg, idArg, assessmentFrameInputSchema]),
  run: ([patientId, assessmentId, frame]) => saveAssessmentFrame(patientId, assessmentId, frame),
});
