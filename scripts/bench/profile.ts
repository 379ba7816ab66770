/**
 * Server CPU per request for a few pages, one request at a time, on an already generated
 * bench database and the current production build (for finding where a page's time goes;
 * `npm run bench` is the measure of record):
 *
 *   npx tsx scripts/bench/profile.ts --patients 20000 [--requests 200] [--cpu-prof] [--path /?sort=pain ...]
 *
 * For each path: median wall time and the server process's user+system CPU per request
 * (from /proc, so Linux only). With --cpu-prof the server writes a V8 CPU profile to
 * data/bench/profiles/ when it stops.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { signInHttp, waitHealthy } from "../lib/app-client";
import { BENCH_ADMIN, BENCH_PASSWORD } from "./generate";

const argv = process.argv.slice(2);
const get = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const patients = Number(get("patients") ?? 5000);
const requests = Number(get("requests") ?? 200);
const port = get("port") ?? process.env.BENCH_PORT ?? "3230";
const paths = argv.flatMap((a, i) => (a === "--path" ? [argv[i + 1]!] : []));
const targets = paths.length ? ["/account", ...paths] : ["/account", "/", "/?stage=3"];
const file = path.resolve(`data/bench/springback-bench-${patients}.db`);
if (!fs.existsSync(file)) throw new Error(`No ${file}: run npm run bench:generate -- --patients ${patients} --out ${file}`);

const clockTick = 100; // USER_HZ on Linux

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTick;
}

async function main() {
  const base = `http://localhost:${port}`;
  const profDir = path.resolve("data/bench/profiles");
  const nodeArgs = argv.includes("--cpu-prof") ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [];
  const server = spawn(process.execPath, [...nodeArgs, "scripts/server.mjs"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: file, PORT: port, NEXTAUTH_URL: base, LOG_LEVEL: "warn", NEXTAUTH_SECRET: "bench-only-secret-not-for-production-use-0123456789" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitHealthy(base);
    const cookie = await signInHttp(base, BENCH_ADMIN, BENCH_PASSWORD);
    for (const target of targets) {
      const hit = async () => {
        const res = await fetch(`${base}${target}`, { headers: { cookie } });
        if (!res.ok) throw new Error(`${target}: ${res.status}`);
        return (await res.text()).length;
      };
      for (let i = 0; i < 20; i++) await hit();
      const walls: number[] = [];
      let bytes = 0;
      const cpu0 = cpuMs(server.pid!);
      for (let i = 0; i < requests; i++) {
        const t = performance.now();
        bytes = await hit();
        walls.push(performance.now() - t);
      }
      const cpu = (cpuMs(server.pid!) - cpu0) / requests;
      walls.sort((a, b) => a - b);
      console.log(`${target.padEnd(24)} wall median ${walls[Math.floor(walls.length / 2)]!.toFixed(1)} ms, p95 ${walls[Math.ceil(walls.length * 0.95) - 1]!.toFixed(1)} ms, server CPU ${cpu.toFixed(1)} ms/request, ${bytes} bytes`);
    }
  } finally {
    server.kill("SIGINT");
    await new Promise((r) => server.once("exit", r));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
