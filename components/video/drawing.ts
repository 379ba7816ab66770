/**
 * Drawing the tool's points and lines on a canvas the size of the video frame, and making
 * the still image saved with a measure (the frame with its drawing, JPEG, small).
 */
import type { VideoMeasureTool } from "@/lib/domain/vocabulary";
import type { ToolPoint } from "./tools";

const ACCEPTED = "#0b6bcb";
const SUGGESTED = "#d97706";
const CALIBRATION = "#15803d";

/** Draws the lines between a tool's points and the reading beside them, scaled to the frame size. */
export function drawOverlay(ctx: CanvasRenderingContext2D, tool: VideoMeasureTool, points: readonly ToolPoint[], reading: string | null, w: number, h: number) {
  const unit = Math.max(2, Math.round(Math.min(w, h) / 240));
  ctx.lineWidth = unit;
  ctx.lineCap = "round";
  const line = (i: number, j: number, color: string, dash = false) => {
    const p = points[i];
    const q = points[j];
    if (!p || !q) return;
    ctx.strokeStyle = color;
    ctx.setLineDash(dash ? [unit * 3, unit * 2] : []);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(q.x, q.y);
    ctx.stroke();
  };
  switch (tool) {
    case "three_point":
      line(1, 0, ACCEPTED);
      line(1, 2, ACCEPTED);
      break;
    case "vertical": {
      line(0, 1, ACCEPTED);
      const lower = points[0] && points[1] ? (points[0].y > points[1].y ? points[0] : points[1]) : null;
      if (lower) {
        ctx.strokeStyle = ACCEPTED;
        ctx.setLineDash([unit * 3, unit * 2]);
        ctx.beginPath();
        ctx.moveTo(lower.x, lower.y);
        ctx.lineTo(lower.x, lower.y - h / 4);
        ctx.stroke();
      }
      break;
    }
    case "horizontal": {
      line(0, 1, ACCEPTED);
      const left = points[0] && points[1] ? (points[0].x < points[1].x ? points[0] : points[1]) : null;
      if (left) {
        ctx.strokeStyle = ACCEPTED;
        ctx.setLineDash([unit * 3, unit * 2]);
        ctx.beginPath();
        ctx.moveTo(left.x, left.y);
        ctx.lineTo(left.x + w / 4, left.y);
        ctx.stroke();
      }
      break;
    }
    case "reference":
      line(0, 1, CALIBRATION, true);
      line(2, 3, ACCEPTED);
      break;
    case "distance":
      line(0, 1, CALIBRATION, true);
      if (points[2] && points[3]) {
        // The horizontal distance is what is measured: draw it at the heel's height, with the hip's plumb line.
        ctx.strokeStyle = ACCEPTED;
        ctx.setLineDash([unit * 3, unit * 2]);
        ctx.beginPath();
        ctx.moveTo(points[2].x, points[2].y);
        ctx.lineTo(points[2].x, points[3].y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.moveTo(points[2].x, points[3].y);
        ctx.lineTo(points[3].x, points[3].y);
        ctx.stroke();
      }
      break;
    case "cadence":
      break;
  }
  ctx.setLineDash([]);
  for (const p of points) {
    ctx.fillStyle = p.suggested ? SUGGESTED : ACCEPTED;
    ctx.strokeStyle = "#ffffff";
    ctx.beginPath();
    ctx.arc(p.x, p.y, unit * 2.5, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
  if (reading) {
    const size = Math.max(14, Math.round(h / 20));
    ctx.font = `600 ${size}px sans-serif`;
    const pad = size / 3;
    const width = ctx.measureText(reading).width;
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    ctx.fillRect(pad, pad, width + pad * 2, size + pad * 2);
    ctx.fillStyle = "#111827";
    ctx.fillText(reading, pad * 2, pad + size);
  }
}

/** The largest side of a saved still, in pixels. */
const STILL_MAX_SIDE = 640;
/** Keep stills well under the stored cap (200 kB). */
const STILL_TARGET_BYTES = 150_000;

export type Still = { base64: string; dataUrl: string; width: number; height: number };

/** The current video frame with the drawing on top, as a small JPEG (at most 640 px on its longest side). */
export async function captureStill(video: HTMLVideoElement, draw: (ctx: CanvasRenderingContext2D, w: number, h: number) => void): Promise<Still> {
  const vw = video.videoWidth;
  const vh = video.videoHeight;
  const scale = Math.min(1, STILL_MAX_SIDE / Math.max(vw, vh));
  const w = Math.max(1, Math.round(vw * scale));
  const h = Math.max(1, Math.round(vh * scale));
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This browser cannot draw the still frame.");
  ctx.drawImage(video, 0, 0, w, h);
  ctx.save();
  ctx.scale(scale, scale);
  draw(ctx, vw, vh);
  ctx.restore();
  for (const quality of [0.8, 0.65, 0.5, 0.35]) {
    const dataUrl = canvas.toDataURL("image/jpeg", quality);
    const base64 = dataUrl.slice(dataUrl.indexOf(",") + 1);
    if ((base64.length * 3) / 4 <= STILL_TARGET_BYTES) return { base64, dataUrl, width: w, height: h };
  }
  throw new Error("The still frame is too large to save.");
}
