"use client";

/**
 * The assessment form's hook-in for gait from video: a "Measure from video" button per
 * field group, the video tool in a dialog (its code loaded only on the first click), the
 * list of measures taken, and saving their still frames once the assessment is saved.
 * The form keeps ownership of its fields: a measure fills one through `fill`.
 */
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { VideoMeasureField } from "@/lib/domain/vocabulary";
import { saveAssessmentFrameAction } from "@/app/(clinic)/patients/[patientId]/assessments/frame-actions";
import { Button } from "@/components/ui/button";
import type { VideoMeasure } from "./types";

const VideoTool = dynamic(() => import("./video-tool"), {
  ssr: false,
  loading: () => <p className="text-sm text-muted">Loading the video tools…</p>,
});

/** Field names as the measure list shows them (the form's own labels stay in the form). */
const SHORT_LABEL: Record<VideoMeasureField, string> = {
  shinAngleDeg: "Shin angle",
  strikeAheadCm: "Foot strike ahead of centre of mass",
  cadenceSpm: "Cadence",
  pelvicTiltDeg: "Pelvic tilt",
  fpaLeftDeg: "Foot progression angle, left",
  fpaRightDeg: "Foot progression angle, right",
};
const UNIT: Record<VideoMeasureField, string> = { shinAngleDeg: "°", strikeAheadCm: " cm", cadenceSpm: " steps/min", pelvicTiltDeg: "°", fpaLeftDeg: "°", fpaRightDeg: "°" };

export type VideoMeasures = {
  measures: Partial<Record<VideoMeasureField, VideoMeasure>>;
  openFor: VideoMeasureField | null;
  everOpened: boolean;
  open: (field: VideoMeasureField) => void;
  close: () => void;
  add: (m: VideoMeasure) => void;
  remove: (field: VideoMeasureField) => void;
  saveError: { message: string; href: string } | null;
  /**
   * Saves the still frame of each measure whose field still holds the measured value (a value
   * changed by hand afterwards is the therapist's, not the frame's). True when all were saved.
   */
  saveAll: (patientId: string, assessmentId: string, values: Partial<Record<string, string>>) => Promise<boolean>;
};

/** State of the video measures of one form; `fill(field, value)` writes a measured value into the form. */
export function useVideoMeasures(fill: (field: VideoMeasureField, value: string) => void): VideoMeasures {
  const [measures, setMeasures] = useState<Partial<Record<VideoMeasureField, VideoMeasure>>>({});
  const [openFor, setOpenFor] = useState<VideoMeasureField | null>(null);
  const [everOpened, setEverOpened] = useState(false);
  const [saveError, setSaveError] = useState<VideoMeasures["saveError"]>(null);
  const fillRef = useRef(fill);
  useEffect(() => {
    fillRef.current = fill;
  });

  const open = useCallback((field: VideoMeasureField) => {
    setOpenFor(field);
    setEverOpened(true);
  }, []);
  const close = useCallback(() => setOpenFor(null), []);
  const add = useCallback((m: VideoMeasure) => {
    setMeasures((prev) => ({ ...prev, [m.field]: m }));
    fillRef.current(m.field, String(m.value));
  }, []);
  const remove = useCallback((field: VideoMeasureField) => setMeasures(({ [field]: _gone, ...rest }) => rest), []);

  const saveAll = useCallback(
    async (patientId: string, assessmentId: string, values: Partial<Record<string, string>>) => {
      setSaveError(null);
      const failures: string[] = [];
      for (const m of Object.values(measures)) {
        if (!m || !matches(values[m.field], m.value)) continue;
        const { previewUrl: _preview, ...frame } = m;
        const result = await saveAssessmentFrameAction(patientId, assessmentId, frame);
        if (!result.ok) failures.push(`${SHORT_LABEL[m.field]}: ${result.error}`);
      }
      if (failures.length === 0) return true;
      setSaveError({
        message: `The assessment was saved, but not every still frame: ${failures.join("; ")}`,
        href: `/patients/${patientId}/assessments/${assessmentId}`,
      });
      return false;
    },
    [measures],
  );

  return { measures, openFor, everOpened, open, close, add, remove, saveError, saveAll };
}

function matches(typed: string | undefined, value: number): boolean {
  if (typed === undefined) return false;
  const n = Number(typed.trim().replace(",", "."));
  return Number.isFinite(n) && Math.abs(n - value) < 1e-9;
}

/** Opens the video tool for a field of this group. */
export function MeasureFromVideoButton({ video, field }: { video: VideoMeasures; field: VideoMeasureField }) {
  return (
    <Button type="button" variant="secondary" className="self-start" onClick={() => video.open(field)} aria-haspopup="dialog">
      Measure from video
    </Button>
  );
}

/**
 * The video tool's dialog (kept mounted once opened, so the video and its frame stay put
 * between measures) and the list of measures taken, with their stills.
 */
export function VideoMeasurePanel({ video, values }: { video: VideoMeasures; values: Partial<Record<string, string>> }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const isOpen = video.openFor !== null;
  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (isOpen && !d.open) d.showModal();
    if (!isOpen && d.open) d.close();
  }, [isOpen, video.everOpened]);

  const taken = Object.values(video.measures).filter((m): m is VideoMeasure => Boolean(m));

  return (
    <>
      {video.everOpened ? (
        <dialog
          ref={dialogRef}
          aria-labelledby="video-tool-heading"
          onCancel={(e) => {
            e.preventDefault();
            video.close();
          }}
          className="m-0 h-full max-h-none w-full max-w-none overflow-auto bg-white p-4 backdrop:bg-black/50 sm:m-auto sm:h-[95vh] sm:w-[96vw] sm:rounded-lg"
        >
          <div className="mb-3 flex items-center justify-between gap-3">
            <h2 id="video-tool-heading" className="text-lg font-semibold">
              Measure from video
            </h2>
            <Button type="button" variant="secondary" onClick={video.close}>
              Done
            </Button>
          </div>
          <VideoTool initialField={video.openFor ?? "shinAngleDeg"} onMeasure={video.add} onClose={video.close} />
        </dialog>
      ) : null}
      {taken.length > 0 ? (
        <section aria-labelledby="video-measures-heading" className="rounded-md border border-line p-3">
          <h3 id="video-measures-heading" className="mb-2 font-semibold">
            Measured from video
          </h3>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {taken.map((m) => {
              const kept = matches(values[m.field], m.value);
              return (
                <li key={m.field} className="flex flex-col gap-1 text-sm">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a local data URL, not an optimisable asset */}
                  <img src={m.previewUrl} alt={`Frame at ${m.frameTimeS.toFixed(3)} s with the points of the ${SHORT_LABEL[m.field].toLowerCase()} measure`} width={m.imageWidth} height={m.imageHeight} className="h-auto w-full rounded border border-line" />
                  <span>
                    {SHORT_LABEL[m.field]}: {m.value}
                    {UNIT[m.field]} (frame at {m.frameTimeS.toFixed(3)} s)
                  </span>
                  {kept ? (
                    <span className="text-xs text-muted">Saved with the assessment, with this frame.</span>
                  ) : (
                    <span className="text-xs text-caution">The field was changed by hand: this frame will not be saved.</span>
                  )}
                  <Button type="button" variant="ghost" className="self-start" onClick={() => video.remove(m.field)}>
                    Remove frame
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {video.saveError ? (
        <p role="alert" className="text-sm text-stop">
          {video.saveError.message}{" "}
          <Link href={video.saveError.href} className="font-semibold underline">
            Open the saved assessment
          </Link>
        </p>
      ) : null}
    </>
  );
}
