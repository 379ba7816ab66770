/**
 * A measure read from a video frame, as the browser sends it to be saved with an assessment:
 * the field it fills, the value (within the field's plausible range), the frame's media time,
 * the measuring tool and its points, and the still image as base64 JPEG. One schema shared
 * by the video tool (to check before sending) and the save action.
 */
import { z } from "zod";
import { VIDEO_MEASURE_FIELDS, VIDEO_MEASURE_TOOLS, type VideoMeasureField } from "@/lib/domain/vocabulary";
import { RANGES } from "./assessment";

/** The largest still frame accepted, in bytes of JPEG (the table refuses more too). */
export const FRAME_IMAGE_MAX_BYTES = 200_000;
/** Base64 is 4 characters per 3 bytes. */
const MAX_BASE64 = Math.ceil(FRAME_IMAGE_MAX_BYTES / 3) * 4;

const coord = z.number().finite().min(-100_000).max(100_000);
const point = z.object({ x: coord, y: coord });

/** What the tool drew, kept with the measure so the reading can be checked later. */
export const frameDetailSchema = z.object({
  points: z.array(point).max(8),
  calibration: z.object({ a: point, b: point, knownCm: z.number().positive().max(10_000) }).optional(),
  contactTimesS: z.array(z.number().finite().min(0).max(86_400)).max(500).optional(),
  forward: z.enum(["left", "right"]).optional(),
  poseAssisted: z.boolean(),
});
export type FrameDetail = z.infer<typeof frameDetailSchema>;

export const assessmentFrameInputSchema = z
  .object({
    field: z.enum(VIDEO_MEASURE_FIELDS, { error: "Choose the assessment field this measure fills" }),
    tool: z.enum(VIDEO_MEASURE_TOOLS),
    value: z.number({ error: "The measure has no value" }).finite(),
    frameTimeS: z.number().finite().min(0).max(86_400),
    detail: frameDetailSchema,
    imageBase64: z
      .string()
      .min(8, "The still frame is missing")
      .max(MAX_BASE64, `The still frame is larger than ${FRAME_IMAGE_MAX_BYTES / 1000} kB`)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The still frame could not be read"),
    imageWidth: z.number().int().min(1).max(4096),
    imageHeight: z.number().int().min(1).max(4096),
  })
  .superRefine((v, ctx) => {
    const range = RANGES[v.field];
    if (v.value < range.min || v.value > range.max) {
      ctx.addIssue({ code: "custom", path: ["value"], message: rangeMessage(v.field) });
    }
  });
export type AssessmentFrameInput = z.infer<typeof assessmentFrameInputSchema>;

/** "Enter a value from −20° to 40°"-style message for a field's range, for the video tool too. */
export function rangeMessage(field: VideoMeasureField): string {
  const r = RANGES[field];
  const unit = r.unit.startsWith("°") ? r.unit : ` ${r.unit}`;
  return `The measure must be from ${r.min}${unit} to ${r.max}${unit} to fill this field`;
}
