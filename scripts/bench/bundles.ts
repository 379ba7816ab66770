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
