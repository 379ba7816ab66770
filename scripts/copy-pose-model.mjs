/**
 * Copies the pose model (MediaPipe Pose: its loader script, WebAssembly and model files,
 * all shipped inside the @mediapipe/pose npm package) into public/vendor/mediapipe-pose/,
 * so the app serves them itself and the browser never fetches anything from another site.
 * Runs after `npm install` and before `next build`; the copies are not committed.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const FILES = [
  "pose.js",
  "pose_web.binarypb",
  "pose_solution_packed_assets_loader.js",
  "pose_solution_packed_assets.data",
  "pose_solution_simd_wasm_bin.js",
  "pose_solution_simd_wasm_bin.wasm",
  "pose_solution_simd_wasm_bin.data",
  "pose_solution_wasm_bin.js",
  "pose_solution_wasm_bin.wasm",
  // The tool runs the "full" model (modelComplexity 1); lite and heavy are not served.
  "pose_landmark_full.tflite",
];

let source;
try {
  source = dirname(require.resolve("@mediapipe/pose/package.json"));
} catch {
  console.warn("copy-pose-model: @mediapipe/pose is not installed; pose suggestions will be unavailable.");
  process.exit(0);
}
const target = join(process.cwd(), "public", "vendor", "mediapipe-pose");
mkdirSync(target, { recursive: true });
let copied = 0;
for (const file of FILES) {
  const from = join(source, file);
  if (!existsSync(from)) continue;
  const to = join(target, file);
  if (existsSync(to) && statSync(to).size === statSync(from).size && statSync(to).mtimeMs >= statSync(from).mtimeMs) continue;
  copyFileSync(from, to);
  copied++;
}
console.log(`copy-pose-model: ${copied} file(s) copied to public/vendor/mediapipe-pose`);
