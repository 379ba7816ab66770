import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessmentFrames, assessments, auditEvents, patients } from "@/db/schema";
import { saveAssessmentFrameAction } from "@/app/(clinic)/patients/[patientId]/assessments/frame-actions";
import { assessmentFramesForExport, getAssessmentFrameImage, listAssessmentFrames } from "@/lib/dal/assessment-frames";
import { actAs, createTempDatabase, seedDemoDatabase } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The action door checks that the call comes from the app's own pages.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000", origin: "http://localhost:3000" }) }));

const KIM = "kim@springback.test";
const LEE = "lee@springback.test";

/** A real 1×1 JPEG (baseline, greyscale). */
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]).toString("base64");

let cleanup: () => void;
beforeAll(async () => {
  cleanup = createTempDatabase().cleanup;
  await seedDemoDatabase(new Date());
});
afterAll(() => cleanup());

function hannahAndAssessment() {
  const hannah = getDb().select().from(patients).where(eq(patients.givenName, "Hannah")).get()!;
  const a = getDb().select().from(assessments).where(eq(assessments.patientId, hannah.id)).get()!;
  return { patientId: hannah.id, assessmentId: a.id };
}

const frame = (over: Record<string, unknown> = {}) => ({
  field: "shinAngleDeg",
  tool: "vertical",
  value: 8.4,
  frameTimeS: 1.533,
  detail: { points: [{ x: 100, y: 50 }, { x: 115, y: 150 }], forward: "right", poseAssisted: false },
  imageBase64: JPEG,
  imageWidth: 640,
  imageHeight: 360,
  ...over,
});

const framesOf = (assessmentId: string) => getDb().select().from(assessmentFrames).where(eq(assessmentFrames.assessmentId, assessmentId)).all();
const audits = (action: string, entityId: string) =>
  getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))).get()!.n;

describe("saving a video measure", () => {
  it("stores the value, the points and the JPEG with an audit row, and lists it without the image", async () => {
    const { patientId, assessmentId } = hannahAndAssessment();
    actAs(KIM);
    const result = await saveAssessmentFrameAction(patientId, assessmentId, frame());
    expect(result).toMatchObject({ ok: true });
    const rows = framesOf(assessmentId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ field: "shinAngleDeg", tool: "vertical", value: 8.4, frameTimeS: 1.533, imageWidth: 640 });
    expect(Buffer.from(rows[0]!.image).toString("base64")).toBe(JPEG);
    expect(audits("assessment.frame.save", assessmentId)).toBe(1);

    const listed = await listAssessmentFrames(patientId, assessmentId);
    expect(listed).toEqual([expect.objectContaining({ field: "shinAngleDeg", value: 8.4, detail: expect.objectContaining({ forward: "right" }) })]);
    expect(listed![0]).not.toHaveProperty("image");
  });

  it("replaces an earlier measure of the same field and keeps others", async () => {
    const { patientId, assessmentId } = hannahAndAssessment();
    actAs(KIM);
    expect((await saveAssessmentFrameAction(patientId, assessmentId, frame({ value: 9.1 }))).ok).toBe(true);
    expect((await saveAssessmentFrameAction(patientId, assessmentId, frame({ field: "cadenceSpm", tool: "cadence", value: 172, detail: { points: [], contactTimesS: [0, 0.35], poseAssisted: true } }))).ok).toBe(true);
    const rows = framesOf(assessmentId);
    expect(rows.map((r) => [r.field, r.value]).sort()).toEqual([["cadenceSpm", 172], ["shinAngleDeg", 9.1]]);
    const listed = await listAssessmentFrames(patientId, assessmentId);
    // In the tool's field order: shin angle first.
    expect(listed!.map((f) => f.field)).toEqual(["shinAngleDeg", "cadenceSpm"]);
    const forPdf = await assessmentFramesForExport(patientId, assessmentId);
    expect(forPdf!.map((f) => f.jpeg.length)).toEqual([22, 22]);
  });

  it("refuses a value outside the field's range, a non-JPEG and an oversized image, storing nothing", async () => {
    const { patientId, assessmentId } = hannahAndAssessment();
    actAs(KIM);
    const before = framesOf(assessmentId).length;
    const out = await saveAssessmentFrameAction(patientId, assessmentId, frame({ field: "pelvicTiltDeg", value: 75 }));
    expect(out).toMatchObject({ ok: false, fieldErrors: { value: expect.stringMatching(/from -10° to 40°/) } });
    const png = await saveAssessmentFrameAction(patientId, assessmentId, frame({ field: "pelvicTiltDeg", imageBase64: Buffer.from("\x89PNG\r\n\x1a\n0000").toString("base64") }));
    expect(png).toMatchObject({ ok: false, error: "The still frame is not a JPEG image." });
    const big = await saveAssessmentFrameAction(patientId, assessmentId, frame({ field: "pelvicTiltDeg", imageBase64: Buffer.alloc(300_000, 0xff).toString("base64") }));
    expect(big.ok).toBe(false);
    expect(framesOf(assessmentId).length).toBe(before);
  });

  it("treats another therapist's patient and a foreign assessment id as not found", async () => {
    const { patientId, assessmentId } = hannahAndAssessment();
    actAs(LEE);
    const out = await saveAssessmentFrameAction(patientId, assessmentId, frame({ field: "fpaLeftDeg", tool: "reference" }));
    expect(out).toMatchObject({ ok: false, error: expect.stringMatching(/not found/i) });
    expect(await listAssessmentFrames(patientId, assessmentId)).toBeNull();
    expect(await getAssessmentFrameImage(patientId, assessmentId, "shinAngleDeg")).toBeNull();
    actAs(KIM);
    const other = getDb().select().from(assessments).where(sql`${assessments.patientId} <> ${patientId}`).get()!;
    expect((await saveAssessmentFrameAction(patientId, other.id, frame())).ok).toBe(false);
  });

  it("audits each view of a still image", async () => {
    const { patientId, assessmentId } = hannahAndAssessment();
    actAs(KIM);
    const before = audits("assessment.frame.view", assessmentId);
    const jpeg = await getAssessmentFrameImage(patientId, assessmentId, "shinAngleDeg");
    expect(jpeg?.toString("base64")).toBe(JPEG);
    expect(audits("assessment.frame.view", assessmentId)).toBe(before + 1);
  });
});
