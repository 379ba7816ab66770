/**
 * A synthetic gait video for the browser tests: a side-view stick figure running to the
 * right with a known shin angle at initial contact and a known step frequency, drawn frame
 * by frame here and encoded by Debian's ffmpeg into a seekable webm (every frame a key frame).
 * No real person is filmed.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";

export const GAIT_VIDEO = {
  width: 640,
  height: 360,
  fps: 30,
  frames: 120,
  /** A foot contact every 10 frames (1/3 s): 180 steps/min. */
  contactEvery: 10,
  firstContact: 5,
  cadenceSpm: 180,
  /** Shin angle to the vertical at contact, ankle ahead of the knee (runner moves right). */
  shinAngleDeg: 12,
  knee: { x: 300, y: 130 },
  shinLengthPx: 180,
} as const;

/** Knee, ankle and a point straight above the ankle at knee height, on a contact frame (video pixels). */
export function contactPoints() {
  const { knee, shinLengthPx, shinAngleDeg } = GAIT_VIDEO;
  const r = (shinAngleDeg * Math.PI) / 180;
  const ankle = { x: knee.x + shinLengthPx * Math.sin(r), y: knee.y + shinLengthPx * Math.cos(r) };
  return { knee, ankle, plumb: { x: ankle.x, y: knee.y } };
}

export function isContactFrame(i: number): boolean {
  return i >= GAIT_VIDEO.firstContact && (i - GAIT_VIDEO.firstContact) % GAIT_VIDEO.contactEvery === 0;
}

type RGB = [number, number, number];

function frame(i: number): Buffer {
  const { width: w, height: h } = GAIT_VIDEO;
  const px = Buffer.alloc(w * h * 3, 235);
  const put = (x: number, y: number, c: RGB) => {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    const o = (y * w + x) * 3;
    px[o] = c[0];
    px[o + 1] = c[1];
    px[o + 2] = c[2];
  };
  const segment = (a: { x: number; y: number }, b: { x: number; y: number }, thick: number, c: RGB) => {
    const minX = Math.floor(Math.min(a.x, b.x) - thick);
    const maxX = Math.ceil(Math.max(a.x, b.x) + thick);
    const minY = Math.floor(Math.min(a.y, b.y) - thick);
    const maxY = Math.ceil(Math.max(a.y, b.y) + thick);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy || 1;
    for (let y = minY; y <= maxY; y++)
      for (let x = minX; x <= maxX; x++) {
        const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
        if (Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy)) <= thick / 2) put(x, y, c);
      }
  };
  // Ground line.
  segment({ x: 0, y: 340 }, { x: w, y: 340 }, 3, [90, 90, 90]);
  const { knee, ankle, plumb } = contactPoints();
  const contact = isContactFrame(i);
  // Between contacts the stance leg swings back and lifts; at contact it shows the known shin angle.
  const lift = contact ? 0 : 40;
  const a = { x: contact ? ankle.x : ankle.x - 60, y: ankle.y - lift };
  const hip = { x: 290, y: 40 };
  segment(hip, { x: 250, y: 150 }, 8, [120, 120, 160]); // the other thigh
  segment({ x: 250, y: 150 }, { x: 230, y: 230 }, 8, [120, 120, 160]); // the other shin
  segment(hip, knee, 10, [20, 40, 140]);
  segment(knee, a, 10, [20, 40, 140]);
  segment(a, { x: a.x + 36, y: a.y + 4 }, 8, [20, 40, 140]); // foot
  if (contact) segment(plumb, ankle, 1, [200, 30, 30]); // a plumb line through the ankle
  return px;
}

/** Writes the clip to `file` (webm, VP8). Returns false when ffmpeg is not installed. */
export function writeGaitVideo(file: string): boolean {
  if (spawnSync("ffmpeg", ["-version"]).status !== 0) return false;
  const frames = Buffer.concat(Array.from({ length: GAIT_VIDEO.frames }, (_, i) => frame(i)));
  const out = spawnSync(
    "ffmpeg",
    ["-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", `${GAIT_VIDEO.width}x${GAIT_VIDEO.height}`, "-r", String(GAIT_VIDEO.fps), "-i", "-", "-c:v", "libvpx", "-b:v", "2M", "-g", "1", "-pix_fmt", "yuv420p", file],
    { input: frames, maxBuffer: 1 << 26 },
  );
  if (out.status !== 0) throw new Error(`ffmpeg failed: ${out.stderr.toString()}`);
  return true;
}

/**
 * A drawn mannequin standing front-on (head with a face, shirt, arms, trousers, shoes): a
 * frame the pose model recognises as a person, with no real person in it. Runs in the
 * browser (page.evaluate) and returns a PNG data URL, 640×360. Its left knee (image right)
 * is at about (345, 270), its right knee at about (295, 270).
 */
export function drawMannequin(): string {
  const canvas = document.createElement("canvas");
  canvas.width = 640;
  canvas.height = 360;
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#dde3ea";
  ctx.fillRect(0, 0, 640, 360);
  const skin = "#e0ac89";
  const shirt = "#c0392b";
  const trousers = "#2c3e50";
  const seg = (a: [number, number], b: [number, number], w: number, c: string) => {
    ctx.strokeStyle = c;
    ctx.lineWidth = w;
    ctx.lineCap = "round";
    ctx.beginPath();
    ctx.moveTo(a[0], a[1]);
    ctx.lineTo(b[0], b[1]);
    ctx.stroke();
  };
  seg([305, 200], [295, 270], 22, trousers);
  seg([295, 270], [300, 335], 18, trousers);
  seg([335, 200], [345, 270], 22, trousers);
  seg([345, 270], [342, 335], 18, trousers);
  seg([300, 335], [285, 342], 12, "#111111");
  seg([342, 335], [357, 342], 12, "#111111");
  ctx.fillStyle = shirt;
  ctx.beginPath();
  ctx.moveTo(292, 95);
  ctx.lineTo(348, 95);
  ctx.lineTo(343, 205);
  ctx.lineTo(297, 205);
  ctx.closePath();
  ctx.fill();
  seg([292, 100], [275, 150], 14, shirt);
  seg([275, 150], [270, 195], 12, skin);
  seg([348, 100], [365, 150], 14, shirt);
  seg([365, 150], [370, 195], 12, skin);
  seg([320, 80], [320, 95], 12, skin);
  ctx.fillStyle = skin;
  ctx.beginPath();
  ctx.ellipse(320, 62, 17, 21, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = "#222222";
  ctx.beginPath();
  ctx.arc(313, 58, 2.2, 0, 7);
  ctx.arc(327, 58, 2.2, 0, 7);
  ctx.fill();
  ctx.fillStyle = "#4a2c1a";
  ctx.beginPath();
  ctx.ellipse(320, 46, 18, 9, 0, Math.PI, 0);
  ctx.fill();
  seg([316, 73], [324, 73], 2, "#8a3b2b");
  return canvas.toDataURL("image/png");
}

/** A one-second clip of a still PNG (a data URL), encoded by ffmpeg. */
export function writeStillVideo(pngDataUrl: string, file: string): void {
  const png = `${file}.png`;
  writeFileSync(png, Buffer.from(pngDataUrl.slice(pngDataUrl.indexOf(",") + 1), "base64"));
  const out = spawnSync("ffmpeg", ["-y", "-loglevel", "error", "-loop", "1", "-i", png, "-r", "30", "-t", "1", "-c:v", "libvpx", "-b:v", "2M", "-g", "1", "-pix_fmt", "yuv420p", file]);
  rmSync(png, { force: true });
  if (out.status !== 0) throw new Error(`ffmpeg failed: ${out.stderr.toString()}`);
}
