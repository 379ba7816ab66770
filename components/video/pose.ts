/**
 * The pose model, loaded only when the therapist asks for suggested points: MediaPipe Pose
 * (BlazePose GHUM, Apache-2.0), whose loader, WebAssembly and model files ship inside the
 * `@mediapipe/pose` npm package and are served by this app from /vendor/mediapipe-pose/
 * (copied by scripts/copy-pose-model.mjs). Nothing is fetched from another site.
 *
 * Expected error: against marker-based motion capture of gait, BlazePose's sagittal-plane joint
 * angles differ by a few degrees at hip and knee and more at the ankle (Washabaugh EP et al.
 * 2022, "Comparing the accuracy of open-source pose estimation methods for measuring gait
 * kinematics", Gait & Posture 97:188–195). It sees no foot progression angle or pelvic tilt
 * (these need the therapist's lines on a rear or side view). So
 * every suggested point is shown as a suggestion the therapist moves and accepts.
 */
import type { Point } from "@/lib/domain/gait-geometry";

export const POSE_BASE = "/vendor/mediapipe-pose/";

/** The landmarks the tool suggests, per side (BlazePose's 33-point topology indices). */
export const LANDMARKS = {
  left: { hip: 23, knee: 25, ankle: 27, heel: 29, footIndex: 31 },
  right: { hip: 24, knee: 26, ankle: 28, heel: 30, footIndex: 32 },
} as const;
export type LandmarkName = keyof (typeof LANDMARKS)["left"];
export type PosePoints = Record<"left" | "right", Record<LandmarkName, Point & { visibility: number }>>;

type NormalizedLandmark = { x: number; y: number; z: number; visibility?: number };
type PoseResults = { poseLandmarks?: NormalizedLandmark[] };
type PoseInstance = {
  setOptions(o: Record<string, unknown>): void;
  onResults(cb: (r: PoseResults) => void): void;
  initialize(): Promise<void>;
  send(input: { image: HTMLVideoElement | HTMLCanvasElement }): Promise<void>;
  close(): Promise<void>;
};
type PoseConstructor = new (config: { locateFile: (file: string) => string }) => PoseInstance;

let scriptPromise: Promise<PoseConstructor> | null = null;

function loadScript(): Promise<PoseConstructor> {
  if (scriptPromise) return scriptPromise;
  scriptPromise = new Promise<PoseConstructor>((resolve, reject) => {
    const existing = (window as unknown as { Pose?: PoseConstructor }).Pose;
    if (existing) return resolve(existing);
    const script = document.createElement("script");
    script.src = `${POSE_BASE}pose.js`;
    script.async = true;
    script.onload = () => {
      const ctor = (window as unknown as { Pose?: PoseConstructor }).Pose;
      if (ctor) resolve(ctor);
      else reject(new Error("The pose model's loader did not start."));
    };
    script.onerror = () => reject(new Error("The pose model files are not installed on this server (run npm install)."));
    document.head.appendChild(script);
  });
  scriptPromise.catch(() => {
    scriptPromise = null;
  });
  return scriptPromise;
}

/**
 * A pose detector over single frames. `detect` runs the model on the image as it is now
 * (a paused video frame or a canvas) and returns the hip, knee, ankle, heel and foot-index
 * points of both sides in image pixels, or null when no person is found. Throws with a
 * plain message when the model cannot be loaded (files missing, WebAssembly or WebGL
 * unavailable).
 */
export class PoseDetector {
  private pose: PoseInstance | null = null;
  private pending: ((r: PoseResults) => void) | null = null;

  async load(): Promise<void> {
    if (this.pose) return;
    const Pose = await loadScript();
    const pose = new Pose({ locateFile: (file) => `${POSE_BASE}${file}` });
    pose.setOptions({ modelComplexity: 1, smoothLandmarks: false, enableSegmentation: false, selfieMode: false, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5 });
    pose.onResults((r) => {
      const done = this.pending;
      this.pending = null;
      done?.(r);
    });
    try {
      await pose.initialize();
    } catch (err) {
      throw new Error(`The pose model could not start in this browser (${err instanceof Error ? err.message : "unknown error"}).`);
    }
    this.pose = pose;
  }

  async detect(image: HTMLVideoElement | HTMLCanvasElement, width: number, height: number): Promise<PosePoints | null> {
    await this.load();
    const pose = this.pose!;
    const results = await new Promise<PoseResults>((resolve, reject) => {
      this.pending = resolve;
      pose.send({ image }).catch(reject);
    });
    const lm = results.poseLandmarks;
    if (!lm || lm.length < 33) return null;
    const side = (s: "left" | "right") =>
      Object.fromEntries(
        Object.entries(LANDMARKS[s]).map(([name, i]) => {
          const p = lm[i]!;
          return [name, { x: p.x * width, y: p.y * height, visibility: p.visibility ?? 0 }];
        }),
      ) as PosePoints["left"];
    return { left: side("left"), right: side("right") };
  }

  async close(): Promise<void> {
    await this.pose?.close();
    this.pose = null;
  }
}
