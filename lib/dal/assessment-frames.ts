import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { assessmentFrames, assessments, patients } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { VIDEO_MEASURE_FIELDS, type VideoMeasureField, type VideoMeasureTool } from "@/lib/domain/vocabulary";
import { FRAME_IMAGE_MAX_BYTES, frameDetailSchema, type AssessmentFrameInput, type FrameDetail } from "@/lib/validation/assessment-frame";
import { visiblePatientsWhere } from "./access";
import { writeAudit } from "./audit";
import { DomainRuleError, NotFoundError } from "./errors";
import { auditRefused } from "./prepared";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** A video measure without its image bytes: what the assessment view and comparison list. */
export type AssessmentFrameSummary = {
  id: string;
  field: VideoMeasureField;
  tool: VideoMeasureTool;
  value: number;
  frameTimeS: number;
  detail: FrameDetail;
  imageWidth: number;
  imageHeight: number;
  createdAt: string;
};

/** A video measure with its still image (JPEG bytes), for exports such as the PDF letter. */
export type AssessmentFrameWithImage = AssessmentFrameSummary & { jpeg: Buffer };

const summaryColumns = {
  id: assessmentFrames.id,
  field: assessmentFrames.field,
  tool: assessmentFrames.tool,
  value: assessmentFrames.value,
  frameTimeS: assessmentFrames.frameTimeS,
  detail: assessmentFrames.detail,
  imageWidth: assessmentFrames.imageWidth,
  imageHeight: assessmentFrames.imageHeight,
  createdAt: assessmentFrames.createdAt,
};

function toSummary(r: { [K in keyof typeof summaryColumns]: unknown }): AssessmentFrameSummary {
  const parsed = frameDetailSchema.safeParse(JSON.parse(String(r.detail)));
  return { ...(r as Omit<AssessmentFrameSummary, "detail">), detail: parsed.success ? parsed.data : { points: [], poseAssisted: false } };
}

const FIELD_ORDER = new Map<string, number>(VIDEO_MEASURE_FIELDS.map((f, i) => [f, i]));
const byField = (a: { field: string }, b: { field: string }) => (FIELD_ORDER.get(a.field) ?? 0) - (FIELD_ORDER.get(b.field) ?? 0);

/** The assessment's id when it belongs to the patient and the user may see the patient, otherwise null. */
function visibleAssessment(db: Db | Tx, user: SessionUser, patientId: string, assessmentId: string): string | null {
  const row = db
    .select({ id: assessments.id })
    .from(assessments)
    .innerJoin(patients, eq(patients.id, assessments.patientId))
    .where(and(eq(assessments.id, assessmentId), eq(assessments.patientId, patientId), eq(assessments.clinicId, user.clinicId), visiblePatientsWhere(user)))
    .get();
  return row?.id ?? null;
}

/** A JPEG starts with the SOI marker and a segment marker: FF D8 FF. */
function isJpeg(bytes: Buffer): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * Saves a measure read from a video frame with its still image, replacing an earlier one of
 * the same field on this assessment. Throws NotFoundError when the assessment is unknown, of
 * another patient or not visible to the user; DomainRuleError when the image is not a JPEG
 * or is larger than `FRAME_IMAGE_MAX_BYTES`. The row and its audit event
 * (`assessment.frame.save`, with field, value and size; a replaced one also names the old
 * value) commit together. The assessment's own field is saved by the assessment form.
 */
export async function saveAssessmentFrame(patientId: string, assessmentId: string, input: AssessmentFrameInput): Promise<{ id: string }> {
  const user = await requireUser();
  const jpeg = Buffer.from(input.imageBase64, "base64");
  if (!isJpeg(jpeg)) throw new DomainRuleError("The still frame is not a JPEG image.", "imageBase64");
  if (jpeg.length > FRAME_IMAGE_MAX_BYTES) throw new DomainRuleError(`The still frame is larger than ${FRAME_IMAGE_MAX_BYTES / 1000} kB.`, "imageBase64");
  const db = getDb();
  const id = randomUUID();
  db.transaction((tx) => {
    if (!visibleAssessment(tx, user, patientId, assessmentId)) throw new NotFoundError("Assessment");
    const where = and(eq(assessmentFrames.assessmentId, assessmentId), eq(assessmentFrames.field, input.field));
    const old = tx.select({ id: assessmentFrames.id, value: assessmentFrames.value }).from(assessmentFrames).where(where).get();
    if (old) tx.delete(assessmentFrames).where(eq(assessmentFrames.id, old.id)).run();
    tx.insert(assessmentFrames)
      .values({
        id,
        clinicId: user.clinicId,
        patientId,
        assessmentId,
        field: input.field,
        tool: input.tool,
        value: input.value,
        frameTimeS: input.frameTimeS,
        detail: JSON.stringify(input.detail),
        image: jpeg,
        imageWidth: input.imageWidth,
        imageHeight: input.imageHeight,
        createdBy: user.id,
      })
      .run();
    writeAudit(tx, {
      clinicId: user.clinicId,
      userId: user.id,
      action: "assessment.frame.save",
      entityType: "assessment",
      entityId: assessmentId,
      patientId,
      detail: { field: input.field, value: input.value, bytes: jpeg.length, ...(old ? { replacedValue: old.value } : {}) },
    });
  });
  return { id };
}

/**
 * The video measures of one assessment (without image bytes), in the tool's field order, or
 * null when the assessment is not visible. Not audited on its own: the assessment page's
 * view (`getAssessment`, `compareAssessments`) records the read in the same request.
 */
export async function listAssessmentFrames(patientId: string, assessmentId: string): Promise<AssessmentFrameSummary[] | null> {
  const user = await requireUser();
  const db = getDb();
  if (!visibleAssessment(db, user, patientId, assessmentId)) return null;
  return db.select(summaryColumns).from(assessmentFrames).where(eq(assessmentFrames.assessmentId, assessmentId)).orderBy(asc(assessmentFrames.createdAt)).all().map(toSummary).sort(byField);
}

/**
 * One still image (JPEG bytes) for the assessment view, or null when not visible or absent.
 * Audited as `assessment.frame.view` (an image of the runner is part of the record).
 */
export async function getAssessmentFrameImage(patientId: string, assessmentId: string, field: VideoMeasureField): Promise<Buffer | null> {
  const user = await requireUser();
  const db = getDb();
  if (!visibleAssessment(db, user, patientId, assessmentId)) return auditRefused(user, "assessment.frame.view", patientId);
  const row = db
    .select({ image: assessmentFrames.image })
    .from(assessmentFrames)
    .where(and(eq(assessmentFrames.assessmentId, assessmentId), eq(assessmentFrames.field, field)))
    .get();
  if (!row) return null;
  writeAudit(db, { clinicId: user.clinicId, userId: user.id, action: "assessment.frame.view", entityType: "assessment", entityId: assessmentId, patientId, detail: { field } });
  return row.image;
}

/**
 * Every video measure of an assessment with its JPEG, for an export (the PDF letter). Null
 * when not visible. Not audited here: the export that calls it writes its own audit row.
 */
export async function assessmentFramesForExport(patientId: string, assessmentId: string): Promise<AssessmentFrameWithImage[] | null> {
  const user = await requireUser();
  const db = getDb();
  if (!visibleAssessment(db, user, patientId, assessmentId)) return null;
  return db
    .select({ ...summaryColumns, image: assessmentFrames.image })
    .from(assessmentFrames)
    .where(eq(assessmentFrames.assessmentId, assessmentId))
    .all()
    .map((r) => ({ ...toSummary(r), jpeg: r.image }))
    .sort(byField);
}
