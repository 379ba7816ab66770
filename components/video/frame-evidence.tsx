/**
 * Video-derived measures shown with the still frame each was read from: on the assessment
 * page, and side by side in the comparison of two assessments. Server components: the
 * images load from the scoped, audited frame route.
 */
import type { AssessmentFrameSummary } from "@/lib/dal/assessment-frames";
import { VIDEO_MEASURE_FIELDS, type VideoMeasureField } from "@/lib/domain/vocabulary";

const LABEL: Record<VideoMeasureField, string> = {
  shinAngleDeg: "Shin angle at initial contact",
  strikeAheadCm: "Foot strike ahead of centre of mass",
  cadenceSpm: "Cadence",
  pelvicTiltDeg: "Pelvic tilt",
  fpaLeftDeg: "Foot progression angle, left",
  fpaRightDeg: "Foot progression angle, right",
};
const UNIT: Record<VideoMeasureField, string> = { shinAngleDeg: "°", strikeAheadCm: " cm", cadenceSpm: " steps/min", pelvicTiltDeg: "°", fpaLeftDeg: "°", fpaRightDeg: "°" };
const TOOL_WORDS: Record<AssessmentFrameSummary["tool"], string> = {
  three_point: "three-point angle",
  vertical: "angle to vertical",
  horizontal: "angle to horizontal",
  reference: "line against the direction of travel",
  distance: "calibrated distance",
  cadence: "foot contacts",
};

const imageUrl = (patientId: string, assessmentId: string, field: VideoMeasureField) => `/api/patients/${patientId}/assessments/${assessmentId}/frames/${field}`;

function describe(f: AssessmentFrameSummary): string {
  const how = f.tool === "cadence" ? `${(f.detail.contactTimesS?.length ?? 1) - 1} steps marked` : TOOL_WORDS[f.tool];
  return `${how}; frame at ${f.frameTimeS.toFixed(3)} s${f.detail.poseAssisted ? "; points suggested by the pose model and checked" : ""}`;
}

function Frame({ patientId, assessmentId, frame }: { patientId: string; assessmentId: string; frame: AssessmentFrameSummary }) {
  return (
    <figure className="flex flex-col gap-1" data-testid={`video-frame-${frame.field}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a private, audited image that must not pass through the image optimiser */}
      <img
        src={imageUrl(patientId, assessmentId, frame.field)}
        alt={`Still frame of the ${LABEL[frame.field].toLowerCase()} measure, with the points drawn`}
        width={frame.imageWidth}
        height={frame.imageHeight}
        loading="lazy"
        className="h-auto w-full rounded border border-line"
      />
      <figcaption className="text-sm">
        <span className="font-medium">
          {LABEL[frame.field]}: {frame.value}
          {UNIT[frame.field]}
        </span>{" "}
        <span className="text-muted">({describe(frame)})</span>
      </figcaption>
    </figure>
  );
}

/** The measures of one assessment read from video, each with its still frame. Nothing when there are none. */
export function VideoFrames({ patientId, assessmentId, frames }: { patientId: string; assessmentId: string; frames: AssessmentFrameSummary[] }) {
  if (frames.length === 0) return null;
  return (
    <section aria-labelledby="video-frames-heading" className="rounded-lg border border-line bg-white p-4">
      <h3 id="video-frames-heading" className="mb-3 font-semibold">
        Measured from video
      </h3>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {frames.map((f) => (
          <Frame key={f.id} patientId={patientId} assessmentId={assessmentId} frame={f} />
        ))}
      </div>
    </section>
  );
}

type Side = { assessmentId: string; label: string; frames: AssessmentFrameSummary[] };

/** The video measures of two assessments, field by field, the two frames side by side. Nothing when neither has any. */
export function VideoFramesCompare({ patientId, older, newer }: { patientId: string; older: Side; newer: Side }) {
  const fields = VIDEO_MEASURE_FIELDS.filter((f) => older.frames.some((x) => x.field === f) || newer.frames.some((x) => x.field === f));
  if (fields.length === 0) return null;
  const cell = (side: Side, field: VideoMeasureField) => {
    const frame = side.frames.find((x) => x.field === field);
    return frame ? <Frame patientId={patientId} assessmentId={side.assessmentId} frame={frame} /> : <p className="text-sm text-muted">Not measured from video.</p>;
  };
  return (
    <section aria-labelledby="video-compare-heading" className="flex flex-col gap-3">
      <h3 id="video-compare-heading" className="font-semibold">
        Measured from video, frame by frame
      </h3>
      {fields.map((field) => (
        <div key={field} className="flex flex-col gap-2 border-t border-line pt-3" data-testid={`video-compare-${field}`}>
          <h4 className="text-sm font-semibold">{LABEL[field]}</h4>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <p className="mb-1 text-xs text-muted">{older.label}</p>
              {cell(older, field)}
            </div>
            <div>
              <p className="mb-1 text-xs text-muted">{newer.label}</p>
              {cell(newer, field)}
            </div>
          </div>
        </div>
      ))}
    </section>
  );
}
