"use client";

/**
 * The video tool (loaded on demand from the assessment form): opens a local video (never
 * uploaded), steps it frame by frame, and measures on the paused frame. Points are buttons
 * over the frame, so they move by pointer (mouse, touch) and by keyboard (arrow keys).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { estimateFps } from "@/lib/domain/gait-geometry";
import type { VideoMeasureField, VideoMeasureTool } from "@/lib/domain/vocabulary";
import { assessmentFrameInputSchema } from "@/lib/validation/assessment-frame";
import { Button } from "@/components/ui/button";
import { captureStill, drawOverlay } from "./drawing";
import { PosePanel } from "./pose-panel";
import { defaultPoints, defaultToolFor, readMeasure, TOOL_ORDER, TOOLS, VIDEO_FIELD_LABEL, type Forward, type ToolPoint } from "./tools";
import type { VideoMeasure } from "./types";

type Props = { initialField: VideoMeasureField; onMeasure: (m: VideoMeasure) => void; onClose: () => void };

const RATES = [1, 0.5, 0.25] as const;
const RATE_LABEL: Record<number, string> = { 1: "Normal", 0.5: "½ speed", 0.25: "¼ speed" };
const ACCEPT = "video/mp4,video/quicktime,video/webm,.mp4,.mov,.webm,.m4v";
const DEFAULT_FPS = 30;

type VideoWithFrames = HTMLVideoElement;

/** Whether the browser reports the media time of each presented frame (requestVideoFrameCallback). */
function hasFrameCallbacks(v: HTMLVideoElement): boolean {
  return typeof (v as Partial<HTMLVideoElement>).requestVideoFrameCallback === "function";
}

/** The index of the frame shown at media time `t` (frame times may be rounded to the millisecond by the container). */
function frameIndex(t: number, frameStep: number): number {
  return Math.floor(t / frameStep + 0.05);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

export default function VideoTool({ initialField, onMeasure, onClose }: Props) {
  const videoRef = useRef<VideoWithFrames>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState<number>(1);
  const [frameTime, setFrameTime] = useState(0);
  const frameTimes = useRef<number[]>([]);
  const [fps, setFps] = useState<number | null>(null);
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  // In pan mode a drag on the frame moves the zoomed frame instead of placing a point (touch has no Shift+arrows).
  const [panMode, setPanMode] = useState(false);
  const panDrag = useRef<{ x: number; y: number } | null>(null);
  const [field, setField] = useState<VideoMeasureField>(initialField);
  const [tool, setTool] = useState<VideoMeasureTool>(defaultToolFor(initialField));
  const [points, setPoints] = useState<ToolPoint[]>([]);
  const [active, setActive] = useState(0);
  const [forward, setForward] = useState<Forward>("right");
  const [knownCm, setKnownCm] = useState("100");
  const [contacts, setContacts] = useState<number[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [poseAssisted, setPoseAssisted] = useState(false);
  const pointRefs = useRef<(HTMLButtonElement | null)[]>([]);

  // Opened again from another field group: switch to that group's field and tool (state adjusted during render).
  const [openedFor, setOpenedFor] = useState(initialField);
  if (openedFor !== initialField) {
    setOpenedFor(initialField);
    setField(initialField);
    setTool(defaultToolFor(initialField));
    setPoints(size ? defaultPoints(defaultToolFor(initialField), size.w, size.h) : []);
  }

  // The object URL lives as long as the tool: revoke it when another file replaces it or the tool closes.
  useEffect(() => () => void (src && URL.revokeObjectURL(src)), [src]);

  // Frame times from the browser's own frame callbacks (the media time of each presented frame).
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !src || !hasFrameCallbacks(video)) return;
    let handle = 0;
    const onFrame: VideoFrameRequestCallback = (_now, meta) => {
      setFrameTime(meta.mediaTime);
      if (!video.paused) {
        frameTimes.current.push(meta.mediaTime);
        if (frameTimes.current.length % 10 === 0) setFps(estimateFps(frameTimes.current.slice(-120)));
      }
      handle = video.requestVideoFrameCallback(onFrame);
    };
    handle = video.requestVideoFrameCallback(onFrame);
    return () => video.cancelVideoFrameCallback(handle);
  }, [src]);

  const frameStep = 1 / (fps ?? DEFAULT_FPS);

  const reading = useMemo(
    () => readMeasure(tool, points, { field, forward, knownCm: Number(knownCm.replace(",", ".")) || null, contacts }),
    [tool, points, field, forward, knownCm, contacts],
  );
  const unit = field === "strikeAheadCm" ? " cm" : field === "cadenceSpm" ? " steps/min" : "°";
  const readingText = reading.value === null ? null : `${reading.value}${unit}`;

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas || !size) return;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, size.w, size.h);
    drawOverlay(ctx, tool, points, null, size.w, size.h);
  }, [tool, points, size]);
  useEffect(redraw, [redraw]);

  function openFile(file: File | undefined) {
    if (!file) return;
    if (!/^video\//.test(file.type) && !/\.(mp4|mov|m4v|webm)$/i.test(file.name)) {
      setLoadError("Choose a video file (mp4, mov or webm).");
      return;
    }
    setLoadError(null);
    setSize(null);
    frameTimes.current = [];
    setFps(null);
    setContacts([]);
    setFileName(file.name);
    setSrc(URL.createObjectURL(file));
  }

  function onLoaded() {
    const v = videoRef.current!;
    setSize({ w: v.videoWidth, h: v.videoHeight });
    setPoints(defaultPoints(tool, v.videoWidth, v.videoHeight));
    setActive(0);
    setFrameTime(v.currentTime);
  }

  function chooseTool(next: VideoMeasureTool) {
    setTool(next);
    if (!TOOLS[next].fields.includes(field)) setField(TOOLS[next].fields[0]!);
    setPoints(size ? defaultPoints(next, size.w, size.h) : []);
    setActive(0);
    setPoseAssisted(false);
    setSendError(null);
  }

  function chooseField(next: VideoMeasureField) {
    setField(next);
    if (!TOOLS[tool].fields.includes(next)) chooseTool(defaultToolFor(next));
  }

  const togglePlay = useCallback(() => {
    const v = videoRef.current;
    if (!v || !src) return;
    if (v.paused) void v.play().catch(() => setLoadError("This video cannot be played in this browser."));
    else v.pause();
  }, [src]);

  const step = useCallback(
    (dir: 1 | -1) => {
      const v = videoRef.current;
      if (!v || !src) return;
      v.pause();
      // Seek just inside the neighbouring frame, so rounding never lands on the frame we left.
      const target = (frameIndex(frameTime, frameStep) + dir + 0.1) * frameStep;
      const end = Number.isFinite(v.duration) ? v.duration : target;
      v.currentTime = Math.min(Math.max(0, target), end);
    },
    [src, frameTime, frameStep],
  );

  const changeRate = useCallback((r: number) => {
    setRate(r);
    if (videoRef.current) videoRef.current.playbackRate = r;
  }, []);

  const zoomBy = useCallback((factor: number) => {
    setZoom((z) => {
      const next = Math.min(8, Math.max(1, z * factor));
      if (next === 1) setPan({ x: 0, y: 0 });
      return next;
    });
  }, []);

  const markContact = useCallback(() => {
    const v = videoRef.current;
    if (!v || !src) return;
    const t = frameTime;
    setContacts((c) => (c.some((x) => Math.abs(x - t) < 1e-6) ? c : [...c, t].sort((a, b) => a - b)));
    setStatus(`Foot contact marked at ${t.toFixed(3)} s.`);
  }, [src, frameTime]);

  function onKeyDown(e: React.KeyboardEvent) {
    if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    const onPoint = (e.target as HTMLElement).dataset?.point !== undefined;
    const key = e.key;
    if (key === "Escape") {
      e.preventDefault();
      onClose();
    } else if (key === " " || key === "k" || key === "K") {
      if ((e.target as HTMLElement).tagName === "BUTTON" && key === " " && !onPoint) return;
      e.preventDefault();
      togglePlay();
    } else if (key === "," || (key === "ArrowLeft" && !onPoint && !e.shiftKey)) {
      e.preventDefault();
      step(-1);
    } else if (key === "." || (key === "ArrowRight" && !onPoint && !e.shiftKey)) {
      e.preventDefault();
      step(1);
    } else if (key === "1" || key === "2" || key === "4") {
      changeRate(key === "1" ? 1 : key === "2" ? 0.5 : 0.25);
    } else if (key === "+" || key === "=") {
      zoomBy(1.25);
    } else if (key === "-") {
      zoomBy(0.8);
    } else if (key === "0") {
      setZoom(1);
      setPan({ x: 0, y: 0 });
    } else if (e.shiftKey && key.startsWith("Arrow") && !onPoint) {
      e.preventDefault();
      const d = 40;
      setPan((p) => ({ x: p.x + (key === "ArrowLeft" ? d : key === "ArrowRight" ? -d : 0), y: p.y + (key === "ArrowUp" ? d : key === "ArrowDown" ? -d : 0) }));
    } else if (key === "c" || key === "C") {
      e.preventDefault();
      markContact();
    }
  }

  function toVideoPoint(clientX: number, clientY: number) {
    const canvas = canvasRef.current;
    if (!canvas || !size) return null;
    const r = canvas.getBoundingClientRect();
    return { x: ((clientX - r.left) / r.width) * size.w, y: ((clientY - r.top) / r.height) * size.h };
  }

  function movePoint(i: number, to: { x: number; y: number }, accept = true) {
    if (!size) return;
    setPoints((ps) => ps.map((p, j) => (j === i ? { x: Math.min(size.w, Math.max(0, to.x)), y: Math.min(size.h, Math.max(0, to.y)), suggested: accept ? false : p.suggested } : p)));
  }

  function onFramePointerDown(e: React.PointerEvent<HTMLCanvasElement>) {
    if (!panMode) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    panDrag.current = { x: e.clientX, y: e.clientY };
  }
  function onFramePointerMove(e: React.PointerEvent<HTMLCanvasElement>) {
    const from = panDrag.current;
    if (!panMode || !from) return;
    panDrag.current = { x: e.clientX, y: e.clientY };
    setPan((p) => ({ x: p.x + e.clientX - from.x, y: p.y + e.clientY - from.y }));
  }
  function onFramePointerUp() {
    panDrag.current = null;
  }

  function onFrameClick(e: React.MouseEvent) {
    if (panMode || points.length === 0) return;
    const at = toVideoPoint(e.clientX, e.clientY);
    if (!at) return;
    movePoint(active, at);
    const next = (active + 1) % points.length;
    setActive(next);
  }

  function onPointKey(i: number, e: React.KeyboardEvent<HTMLButtonElement>) {
    const p = points[i];
    if (!p) return;
    if (e.key === "Enter") {
      e.preventDefault();
      setPoints((ps) => ps.map((q, j) => (j === i ? { ...q, suggested: false } : q)));
      setStatus(`${TOOLS[tool].points[i]} accepted.`);
      return;
    }
    if (!e.key.startsWith("Arrow") || e.shiftKey === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const d = e.shiftKey ? 10 : 1;
    const dx = e.key === "ArrowLeft" ? -d : e.key === "ArrowRight" ? d : 0;
    const dy = e.key === "ArrowUp" ? -d : e.key === "ArrowDown" ? d : 0;
    movePoint(i, { x: p.x + dx, y: p.y + dy }, false);
  }

  function onPointPointerDown(i: number, e: React.PointerEvent<HTMLButtonElement>) {
    e.preventDefault();
    e.stopPropagation();
    setActive(i);
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
  }
  function onPointPointerMove(i: number, e: React.PointerEvent<HTMLButtonElement>) {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const at = toVideoPoint(e.clientX, e.clientY);
    if (at) movePoint(i, at);
  }

  const unaccepted = points.filter((p) => p.suggested).length;

  async function send() {
    const v = videoRef.current;
    setSendError(null);
    if (!v || !size || reading.value === null) return;
    if (unaccepted > 0) {
      setSendError(`Accept or move the ${unaccepted} suggested point${unaccepted > 1 ? "s" : ""} first.`);
      return;
    }
    try {
      const shown = `${VIDEO_FIELD_LABEL[field].replace(/ \(.*\)$/, "")}: ${readingText}`;
      const still = await captureStill(v, (ctx, w, h) => drawOverlay(ctx, tool, points, shown, w, h));
      const candidate = {
        field,
        tool,
        value: reading.value,
        frameTimeS: tool === "cadence" ? (contacts[contacts.length - 1] ?? frameTime) : frameTime,
        detail: {
          points: points.map(({ x, y }) => ({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 })),
          ...(tool === "distance" && points[0] && points[1] ? { calibration: { a: points[0], b: points[1], knownCm: Number(knownCm.replace(",", ".")) } } : {}),
          ...(tool === "cadence" ? { contactTimesS: contacts } : {}),
          ...(tool === "vertical" || tool === "horizontal" ? { forward } : {}),
          poseAssisted,
        },
        imageBase64: still.base64,
        imageWidth: still.width,
        imageHeight: still.height,
      };
      const parsed = assessmentFrameInputSchema.safeParse(candidate);
      if (!parsed.success) {
        setSendError(parsed.error.issues[0]?.message ?? "This measure cannot be used.");
        return;
      }
      onMeasure({ ...parsed.data, previewUrl: still.dataUrl });
      setStatus(`${readingText} sent to “${VIDEO_FIELD_LABEL[field]}”.`);
    } catch (err) {
      setSendError(err instanceof Error ? err.message : "The still frame could not be made.");
    }
  }

  const spec = TOOLS[tool];
  const currentFrame = frameIndex(frameTime, frameStep);

  return (
    <div className="flex flex-col gap-4" onKeyDown={onKeyDown}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="video-file" className="text-sm font-medium text-ink">
            Video from this device (mp4, mov, webm)
          </label>
          <input id="video-file" type="file" accept={ACCEPT} onChange={(e) => openFile(e.target.files?.[0])} className="text-sm" />
        </div>
        <p className="text-xs text-muted">The video stays on this device: only the measures and a small still of each measured frame are saved.</p>
      </div>
      {loadError ? (
        <p role="alert" className="text-sm text-stop">
          {loadError}
        </p>
      ) : null}

      {src ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex flex-col gap-2">
            <div
              ref={stageRef}
              tabIndex={0}
              className="relative overflow-hidden rounded-md border border-line bg-black focus:outline-3 focus:outline-offset-2 focus:outline-accent"
              aria-label={`Video ${fileName ?? ""}: keyboard shortcuts below`}
              role="group"
            >
              <div style={{ transform: `translate(${pan.x}px, ${pan.y}px) scale(${zoom})`, transformOrigin: "center center" }} className="relative">
                <video
                  ref={videoRef}
                  src={src}
                  className="block w-full"
                  playsInline
                  muted
                  preload="auto"
                  onLoadedMetadata={onLoaded}
                  onPlay={() => setPlaying(true)}
                  onPause={() => setPlaying(false)}
                  onSeeked={(e) => setFrameTime(e.currentTarget.currentTime)}
                  onError={() => setLoadError("This video cannot be opened in this browser. Try an mp4 (H.264) or webm file.")}
                  data-testid="gait-video"
                />
                {size ? (
                  <>
                    <canvas
                      ref={canvasRef}
                      width={size.w}
                      height={size.h}
                      className={`absolute inset-0 h-full w-full ${panMode ? "cursor-move touch-none" : "cursor-crosshair"}`}
                      onClick={onFrameClick}
                      onPointerDown={onFramePointerDown}
                      onPointerMove={onFramePointerMove}
                      onPointerUp={onFramePointerUp}
                      data-testid="gait-overlay"
                    />
                    {points.map((p, i) => (
                      <button
                        key={i}
                        ref={(el) => {
                          pointRefs.current[i] = el;
                        }}
                        type="button"
                        data-point={i}
                        aria-label={`${spec.points[i]}${p.suggested ? " (suggested, press Enter to accept)" : ""}: x ${Math.round(p.x)}, y ${Math.round(p.y)}`}
                        onKeyDown={(e) => onPointKey(i, e)}
                        onFocus={() => setActive(i)}
                        onPointerDown={(e) => onPointPointerDown(i, e)}
                        onPointerMove={(e) => onPointPointerMove(i, e)}
                        className={`absolute size-6 -translate-x-1/2 -translate-y-1/2 touch-none rounded-full border-2 focus:outline-3 focus:outline-offset-2 focus:outline-accent ${
                          p.suggested ? "border-dashed border-amber-600 bg-amber-200/40" : "border-white bg-transparent"
                        } ${i === active ? "ring-2 ring-accent" : ""}`}
                        style={{ left: `${(p.x / size.w) * 100}%`, top: `${(p.y / size.h) * 100}%` }}
                      />
                    ))}
                  </>
                ) : null}
              </div>
            </div>
            <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Video controls">
              <Button type="button" variant="secondary" onClick={() => step(-1)} aria-label="Previous frame">
                ◀ Frame
              </Button>
              <Button type="button" onClick={togglePlay}>
                {playing ? "Pause" : "Play"}
              </Button>
              <Button type="button" variant="secondary" onClick={() => step(1)} aria-label="Next frame">
                Frame ▶
              </Button>
              <div role="group" aria-label="Playback speed" className="flex gap-1">
                {RATES.map((r) => (
                  <Button key={r} type="button" variant={rate === r ? "primary" : "secondary"} aria-pressed={rate === r} onClick={() => changeRate(r)}>
                    {RATE_LABEL[r]}
                  </Button>
                ))}
              </div>
              <Button type="button" variant="secondary" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
                +
              </Button>
              <Button type="button" variant="secondary" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
                −
              </Button>
              <Button type="button" variant={panMode ? "primary" : "secondary"} aria-pressed={panMode} onClick={() => setPanMode((m) => !m)}>
                Pan by dragging
              </Button>
              <Button type="button" variant="ghost" onClick={() => (setZoom(1), setPan({ x: 0, y: 0 }))}>
                Reset zoom
              </Button>
            </div>
            <p className="text-sm text-ink" aria-live="off" data-testid="frame-time">
              Frame time {frameTime.toFixed(3)} s · frame {currentFrame} · {fps ? `${fps.toFixed(1)} fps` : `${DEFAULT_FPS} fps assumed until the clip is played`} · zoom {zoom.toFixed(2)}×
            </p>
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">Keyboard shortcuts</summary>
              <ul className="mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-2" aria-label="Keyboard shortcuts">
                <li>Space or K: play / pause</li>
                <li>, or ←: previous frame · . or →: next frame</li>
                <li>1: normal · 2: ½ speed · 4: ¼ speed</li>
                <li>+ / −: zoom · 0: reset zoom · Shift+arrows: pan (or “Pan by dragging”)</li>
                <li>On a point: arrows move it (Shift: 10 px) · Enter accepts a suggestion</li>
                <li>C: mark a foot contact at this frame · Esc: close</li>
              </ul>
            </details>
          </div>

          <div className="flex flex-col gap-3">
            <fieldset className="flex flex-col gap-1">
              <legend className="text-sm font-medium">Measuring tool</legend>
              {TOOL_ORDER.map((t) => (
                <label key={t} className="flex min-h-8 items-center gap-2 text-sm">
                  <input type="radio" name="video-tool" value={t} checked={tool === t} onChange={() => chooseTool(t)} />
                  {TOOLS[t].label}
                </label>
              ))}
            </fieldset>
            <p className="text-xs text-muted">{spec.help}</p>
            <div className="flex flex-col gap-1">
              <label htmlFor="video-field" className="text-sm font-medium">
                Fills the field
              </label>
              <select id="video-field" value={field} onChange={(e) => chooseField(e.target.value as VideoMeasureField)} className="min-h-11 rounded-md border border-line bg-white px-3">
                {spec.fields.map((f) => (
                  <option key={f} value={f}>
                    {VIDEO_FIELD_LABEL[f]}
                  </option>
                ))}
              </select>
            </div>
            {tool === "vertical" || tool === "horizontal" ? (
              <div className="flex flex-col gap-1">
                <label htmlFor="video-forward" className="text-sm font-medium">
                  The runner moves towards the
                </label>
                <select id="video-forward" value={forward} onChange={(e) => setForward(e.target.value as Forward)} className="min-h-11 rounded-md border border-line bg-white px-3">
                  <option value="right">right of the frame</option>
                  <option value="left">left of the frame</option>
                </select>
              </div>
            ) : null}
            {tool === "distance" ? (
              <div className="flex flex-col gap-1">
                <label htmlFor="video-known" className="text-sm font-medium">
                  Calibration line&apos;s real length (cm)
                </label>
                <input id="video-known" inputMode="decimal" value={knownCm} onChange={(e) => setKnownCm(e.target.value)} className="min-h-11 rounded-md border border-line px-3" />
              </div>
            ) : null}
            {points.length > 0 ? (
              <p className="text-xs text-muted">
                Click or tap the frame to place “{spec.points[active]}” (then the next point), drag a point, or focus it (Tab) and use the arrow keys.
              </p>
            ) : null}
            {tool === "cadence" ? (
              <div className="flex flex-col gap-2">
                <div className="flex flex-wrap gap-2">
                  <Button type="button" onClick={markContact}>
                    Mark foot contact (C)
                  </Button>
                  <Button type="button" variant="secondary" onClick={() => setContacts((c) => c.slice(0, -1))} disabled={contacts.length === 0}>
                    Undo last
                  </Button>
                  <Button type="button" variant="ghost" onClick={() => setContacts([])} disabled={contacts.length === 0}>
                    Clear
                  </Button>
                </div>
                <p className="text-sm" data-testid="contact-count">
                  {contacts.length} contact{contacts.length === 1 ? "" : "s"} marked ({Math.max(0, contacts.length - 1)} steps)
                </p>
              </div>
            ) : null}
            <p className="text-base font-semibold" aria-live="polite" data-testid="video-reading">
              {reading.value !== null ? `${VIDEO_FIELD_LABEL[field].replace(/ \(.*\)$/, "")}: ${readingText}` : reading.problem}
            </p>
            {unaccepted > 0 ? <p className="text-sm text-caution">{unaccepted} suggested point{unaccepted > 1 ? "s" : ""} to check: move each or press Enter on it to accept.</p> : null}
            <Button type="button" onClick={send} disabled={reading.value === null}>
              Use this measure
            </Button>
            {sendError ? (
              <p role="alert" className="text-sm text-stop">
                {sendError}
              </p>
            ) : null}
            <p className="text-sm text-muted" role="status">
              {status}
            </p>
            <PosePanel
              videoRef={videoRef}
              size={size}
              tool={tool}
              points={points}
              fps={fps ?? DEFAULT_FPS}
              onPoints={(ps) => {
                setPoints(ps);
                setPoseAssisted(true);
                setActive(0);
              }}
              onContacts={(ts) => {
                setContacts(ts);
                setPoseAssisted(true);
              }}
            />
          </div>
        </div>
      ) : (
        <p className="text-sm text-muted">Open a side or rear view filmed on a phone. Nothing is sent anywhere until you save a measure.</p>
      )}
    </div>
  );
}
