import type { AssessmentFrameInput } from "@/lib/validation/assessment-frame";

/** A measure taken in the video tool, ready to fill its field and to be saved with the assessment. */
export type VideoMeasure = AssessmentFrameInput & { previewUrl: string };
