/**
 * Gzipped first-load JS per route, from the build's diagnostics
 * (.next/diagnostics/route-bundle-stats.json lists each route's first-load chunks; Next 16
 * no longer prints sizes after the build). Each chunk is gzipped as a server would send it.
 */
import fs from "node:fs";
import zlib from "node:zlib";

export type RouteBundle = { route: string; files: number; rawKb: number; gzipKb: number };

const STATS = ".next/diagnostics/route-bundle-stats.json";

export function firstLoadJs(): RouteBundle[] {
  if (!fs.existsSync(STATS)) throw new Error(`${STATS} is missing: run \`npm run build\``);
  const stats = JSON.parse(fs.readFileSync(STATS, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const gzipped = new Map<string, { raw: number; gzip: number }>();
  const size = (file: string) => {
    let s = gzipped.get(file);
    if (!s) {
      const bytes = fs.readFileSync(file);
      s = { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
      gzipped.set(file, s);
    }
    return s;
  };
  return stats
    .filter((r) => !r.route.startsWith("/api/"))
    .map((r) => {
      const files = r.firstLoadChunkPaths.filter((f) => f.endsWith(".js"));
      const sizes = files.map(size);
      return {
        route: r.route,
        files: files.length,
        rawKb: Math.round(sizes.reduce((a, s) => a + s.raw, 0) / 102.4) / 10,
        gzipKb: Math.round(sizes.reduce((a, s) => a + s.gzip, 0) / 102.4) / 10,
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

export type OnDemandBundle = { route: string; what: string; files: number; rawKb: number; gzipKb: number };

const LOADABLE_ROOT = ".next/server/app";
/** Words found in a lazily loaded chunk that say what it is. */
const ON_DEMAND_MARKERS: [marker: string, what: string][] = [
  ["Keyboard shortcuts", "video tools (gait from video)"],
  ["recharts", "chart drawing (recharts)"],
];

function gzipSizes(files: string[]) {
  const sizes = files.map((f) => {
    const bytes = fs.readFileSync(f);
    return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  return {
    rawKb: Math.round(sizes.reduce((a, s) => a + s.raw, 0) / 102.4) / 10,
    gzipKb: Math.round(sizes.reduce((a, s) => a + s.gzip, 0) / 102.4) / 10,
  };
}

function loadableManifests(dir = LOADABLE_ROOT): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return loadableManifests(p);
    return e.name === "react-loadable-manifest.json" ? [p] : [];
  });
}

/**
 * JavaScript loaded only on demand (next/dynamic) per route: the chunks of each lazy import
 * that are not already part of the route's first load, named by what they hold. The video
 * tools must appear here, not in any route's first load.
 */
export function onDemandJs(): OnDemandBundle[] {
  if (!fs.existsSync(STATS)) throw new Error(`${STATS} is missing: run \`npm run build\``);
  const stats = JSON.parse(fs.readFileSync(STATS, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const firstLoad = new Map(stats.map((r) => [r.route, new Set(r.firstLoadChunkPaths)]));
  const out: OnDemandBundle[] = [];
  for (const manifest of loadableManifests()) {
    const route =
      manifest
        .slice(LOADABLE_ROOT.length, -"/page/react-loadable-manifest.json".length)
        .split("/")
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .map((s) => `/${s}`)
        .join("") || "/";
    const loaded = firstLoad.get(route) ?? new Set<string>();
    const entries = Object.values(JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, { files: string[] }>);
    for (const entry of entries) {
      const files = entry.files.map((f) => `.next/${f}`).filter((f) => f.endsWith(".js") && !loaded.has(f) && fs.existsSync(f));
      if (files.length === 0) continue;
      const text = files.map((f) => fs.readFileSync(f, "utf8")).join("\n");
      const what = ON_DEMAND_MARKERS.find(([m]) => text.includes(m))?.[1] ?? "other lazy import";
      out.push({ route, what, files: files.length, ...gzipSizes(files) });
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route) || a.what.localeCompare(b.what));
}

const POSE_DIR = "public/vendor/mediapipe-pose";
/** The pose model files the browser fetches when suggestions are first asked for (SIMD build, "full" model). */
const POSE_FETCHED = ["pose.js", "pose_solution_packed_assets_loader.js", "pose_solution_simd_wasm_bin.js", "pose_solution_simd_wasm_bin.wasm", "pose_solution_packed_assets.data", "pose_web.binarypb", "pose_landmark_full.tflite"];

/** What asking for pose suggestions downloads from the app (served from public/vendor), or null when the model is not installed. */
export function poseModelDownload(): { files: number; rawKb: number; gzipKb: number } | null {
  const files = POSE_FETCHED.map((f) => `${POSE_DIR}/${f}`);
  if (!files.every((f) => fs.existsSync(f))) return null;
  return { files: files.length, ...gzipSizes(files) };
}
