"use client";

import { useRef, useState } from "react";
import { contactsFromHeelHeights } from "@/lib/domain/gait-geometry";
import type { VideoMeasureTool } from "@/lib/domain/vocabulary";
import { Button } from "@/components/ui/button";
import { PoseDetector, type PosePoints } from "./pose";
import type { ToolPoint } from "./tools";

type Props = {
  videoRef: React.RefObject<HTMLVideoElement | null>;
  size: { w: number; h: number } | null;
  tool: VideoMeasureTool;
  points: ToolPoint[];
  /** Frames per second of the clip (measured while playing, or assumed). */
  fps: number;
  onPoints: (points: ToolPoint[]) => void;
  onContacts: (times: number[]) => void;
};

/** The longest stretch of clip scanned for foot contacts, seconds. */
const CONTACT_SCAN_SECONDS = 8;

function seekTo(video: HTMLVideoElement, t: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      video.removeEventListener("seeked", done);
      resolve();
    };
    video.addEventListener("seeked", done);
    video.currentTime = t;
  });
}

/** The tool's points placed on the model's landmarks, as suggestions; null when the tool needs lines the model cannot see. */
function suggestionFor(tool: VideoMeasureTool, pose: PosePoints, side: "left" | "right", current: ToolPoint[]): ToolPoint[] | null {
  const s = pose[side];
  const sug = (p: { x: number; y: number }): ToolPoint => ({ x: p.x, y: p.y, suggested: true });
  switch (tool) {
    case "three_point":
      // Shin against a plumb line: knee, ankle (vertex), a point straight above the ankle.
      return [sug(s.knee), sug(s.ankle), sug({ x: s.ankle.x, y: s.knee.y })];
    case "vertical":
      return [sug(s.knee), sug(s.ankle)];
    case "distance":
      return current[0] && current[1] ? [current[0], current[1], sug(s.hip), sug(s.heel)] : null;
    default:
      return null;
  }
}

/**
 * Pose-assisted points (loaded only when asked): suggests hip, knee, ankle, heel and
 * foot-index points on the paused frame, or foot contacts over the clip for cadence.
 */
export function PosePanel({ videoRef, size, tool, points, fps, onPoints, onContacts }: Props) {
  const detector = useRef<PoseDetector | null>(null);
  const [side, setSide] = useState<"left" | "right">("left");
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function ready(): Promise<PoseDetector> {
    detector.current ??= new PoseDetector();
    setBusy("Loading the pose model (served by this app)…");
    await detector.current.load();
    return detector.current;
  }

  async function suggest() {
    const video = videoRef.current;
    if (!video || !size) return;
    setError(null);
    setMessage(null);
    try {
      video.pause();
      const d = await ready();
      setBusy("Finding the runner on this frame…");
      const pose = await d.detect(video, size.w, size.h);
      if (!pose) {
        setMessage("No runner was found on this frame. Place the points yourself.");
        return;
      }
      const s = pose[side];
      const found = (["hip", "knee", "ankle", "heel", "footIndex"] as const).map((k) => `${k === "footIndex" ? "foot index" : k} (${Math.round(s[k].x)}, ${Math.round(s[k].y)})`);
      const suggestion = suggestionFor(tool, pose, side, points);
      if (!suggestion) {
        setMessage(`Found ${side} ${found.join(", ")}. This tool measures lines the model cannot see: place them yourself.`);
        return;
      }
      onPoints(suggestion);
      setMessage(`Suggested from the ${side} leg: ${found.join(", ")}. Check each point: move it or press Enter on it to accept.`);
    } catch (err) {
      setError(err instanceof Error ? err.message : "The pose model could not run.");
    } finally {
      setBusy(null);
    }
  }

  async function detectContacts() {
    const video = videoRef.current;
    if (!video || !size) return;
    setError(null);
    setMessage(null);
    try {
      video.pause();
      const d = await ready();
      const start = video.currentTime;
      const end = Math.min(Number.isFinite(video.duration) ? video.duration : start + CONTACT_SCAN_SECONDS, start + CONTACT_SCAN_SECONDS);
      const times: number[] = [];
      const left: (number | null)[] = [];
      const right: (number | null)[] = [];
      for (let t = start; t < end; t += 1 / fps) {
        setBusy(`Scanning the clip for foot contacts… ${Math.round(((t - start) / (end - start)) * 100)}%`);
        await seekTo(video, t);
        const pose = await d.detect(video, size.w, size.h);
        times.push(t);
        left.push(pose ? pose.left.heel.y : null);
        right.push(pose ? pose.right.heel.y : null);
      }
      const tolerance = size.h * 0.03;
      const contacts = [...contactsFromHeelHeights(left, tolerance, 4), ...contactsFromHeelHeights(right, tolerance, 4)].map((i) => times[i]!).sort((a, b) => a - b);
      await seekTo(video, start);
      onContacts(contacts);
      setMessage(`${contacts.length} foot contacts suggested from the heel's lowest points. Check them by stepping through the clip before using the cadence.`);
    } catch (err) {
      setError(err instanceof Error ? err.message : "The pose model could not run.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="pose-heading" className="flex flex-col gap-2 rounded-md border border-line p-3">
      <h4 id="pose-heading" className="text-sm font-semibold">
        Suggested points (pose model)
      </h4>
      <p className="text-xs text-muted">
        Suggests hip, knee, ankle, heel and foot-index points on the paused frame, or foot contacts over the clip. Expect a few degrees of error in an angle from suggested points (more at the ankle; Washabaugh 2022), so check every point. It cannot measure foot progression angle or pelvic tilt: those need your lines.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="pose-side" className="text-sm font-medium">
            Leg
          </label>
          <select id="pose-side" value={side} onChange={(e) => setSide(e.target.value as "left" | "right")} className="min-h-11 rounded-md border border-line bg-white px-3">
            <option value="left">Left</option>
            <option value="right">Right</option>
          </select>
        </div>
        {tool === "cadence" ? (
          <Button type="button" variant="secondary" onClick={detectContacts} disabled={busy !== null || !size}>
            Detect foot contacts
          </Button>
        ) : (
          <Button type="button" variant="secondary" onClick={suggest} disabled={busy !== null || !size}>
            Suggest points
          </Button>
        )}
      </div>
      <p className="text-sm" role="status" data-testid="pose-status">
        {busy ?? message}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-stop">
          {error}
        </p>
      ) : null}
    </section>
  );
}
