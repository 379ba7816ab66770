/**
 * `npm run bench`: the clinic-scale benchmark. Generates a large clinic into a fresh
 * database, builds the app if the build is missing or older than the code, serves it on a
 * port of its own, signs in as the clinic admin and measures each target with autocannon
 * at a fixed concurrency; then the DAL against the same SQL run directly, and the gzipped
 * first-load JS per route. Prints a table and writes it as JSON and Markdown.
 *
 *   npm run bench                        5,000 runners → docs/bench/patients-5000.{json,md} and latest.{json,md}
 *   npm run bench -- --patients 500      another size → docs/bench/patients-500.{json,md}
 *   npm run bench:smoke                  200 runners, 2-second runs, no bars; fails on any
 *                                        error or non-2xx response (part of `npm test`)
 *
 * Options: --patients N, --duration seconds, --connections N, --port N, --smoke;
 * while working on one measure: --only <words in the target names, "|" between alternatives> (the floor always runs;
 * results are printed, not written) and --reuse (keep an already generated database).
 */
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { actionResult, findAction, signInHttp, waitHealthy } from "../lib/app-client";
import { BENCH_PASSWORD, generateClinic, type GeneratedClinic } from "./generate";
import { firstLoadJs, onDemandJs, poseModelDownload, type OnDemandBundle, type RouteBundle } from "./bundles";
import type { DalResult } from "./dal";
import type { ImportBenchResult } from "./import";
import { benchCheckinPage, CHECKIN_BARS, insertCheckinLink, type CheckinBenchResult } from "./checkin";

// React's own encoder for server-action arguments, as shipped inside Next.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

type Options = { patients: number; duration: number; connections: number; port: string; smoke: boolean; only: string | null; reuse: boolean };

function parseOptions(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const smoke = argv.includes("--smoke");
  return {
    smoke,
    patients: Number(get("patients") ?? (smoke ? 200 : 5000)),
    duration: Number(get("duration") ?? (smoke ? 2 : 10)),
    connections: Number(get("connections") ?? 4),
    port: get("port") ?? process.env.BENCH_PORT ?? "3230",
    only: get("only") ?? null,
    reuse: argv.includes("--reuse"),
  };
}

const log = (line: string) => console.log(`[bench] ${line}`);

/** True when there is no build, or the code changed after it. */
function buildIsStale(): boolean {
  const marker = ".next/BUILD_ID";
  if (!fs.existsSync(marker)) return true;
  const built = fs.statSync(marker).mtimeMs;
  const newer = (dir: string): boolean =>
    fs.existsSync(dir) &&
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newer(p) : /\.(tsx?|css|mjs)$/.test(e.name) && fs.statSync(p).mtimeMs > built;
    });
  return ["app", "components", "lib", "db"].some(newer) || fs.statSync("next.config.ts").mtimeMs > built;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(command, args, { env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

type Bar = { kind: "floor" } | { kind: "ratio"; max: number } | { kind: "absolute"; maxMs: number } | { kind: "none" };

export type HttpResult = {
  name: string;
  path: string;
  connections: number;
  requests: number;
  medianMs: number;
  p95Ms: number;
  medianRatio: number | null;
  p95Ratio: number | null;
  bar: string;
  pass: boolean | null;
  errors: number;
  non2xx: number;
  failures: number;
};

type Target = {
  name: string;
  path: string;
  bar: Bar;
  connections?: number;
  /** Each request's path, body and headers (for writes that must differ per request). */
  next?: () => { path: string; body: string };
  method?: "POST";
  headers?: Record<string, string>;
  /** Signed in as the first therapist instead of the clinic admin. */
  asTherapist?: boolean;
  /** A response body that does not carry the expected result counts as a failure. */
  check?: (body: string) => boolean;
};

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(base: string, cookie: string, target: Target, duration: number, connections: number) {
  const samples: number[] = [];
  let failures = 0;
  // Without a callback autocannon returns a promise that is also the instance (its events).
  const instance = autocannon({
    url: base,
    connections: target.connections ?? connections,
    duration,
    timeout: 30,
    headers: { cookie, ...target.headers },
    requests: [
      {
        method: target.method ?? "GET",
        path: target.path,
        ...(target.next
          ? {
              setupRequest: (req: autocannon.Request) => {
                const { path: p, body } = target.next!();
                return { ...req, path: p, body };
              },
            }
          : {}),
        ...(target.check
          ? {
              onResponse: (status: number, body: string) => {
                if (status >= 200 && status < 300 && !target.check!(body)) failures++;
              },
            }
          : {}),
      },
    ],
  }) as Promise<autocannon.Result> & autocannon.Instance;
  instance.on("response", (_client, _status, _bytes, responseTime) => samples.push(responseTime));
  const result = await instance;
  return { samples, failures, errors: result.errors + result.timeouts, non2xx: result.non2xx, requests: result.requests.total };
}

/** Days not yet logged on open injuries, one request each, spread over many runners. */
function freeLogDays(file: string, today: string, want: number): { patientId: string; day: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    const open = db
      .prepare(
        `select p.id as patient_id, i.id as injury_id, i.onset_date as onset from patients p
         join injuries i on i.patient_id = p.id and i.status = 'active'
         where p.archived_at is null order by p.record_number`,
      )
      .all() as { patient_id: string; injury_id: string; onset: string }[];
    const logged = db.prepare("select log_date from daily_logs where injury_id = ?").pluck();
    const perRunner: { patientId: string; day: string }[][] = [];
    for (const o of open) {
      const taken = new Set(logged.all(o.injury_id) as string[]);
      const days: { patientId: string; day: string }[] = [];
      for (let d = o.onset; d <= today && days.length < 60; d = addDays(d, 1)) if (!taken.has(d)) days.push({ patientId: o.patient_id, day: d });
      perRunner.push(days);
    }
    const out: { patientId: string; day: string }[] = [];
    for (let i = 0; out.length < want && perRunner.some((d) => i < d.length); i++) for (const d of perRunner) if (d[i] && out.length < want) out.push(d[i]!);
    return out;
  } finally {
    db.close();
  }
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function caseloadPages(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const { n } = db
      .prepare("select count(*) as n from patients p where p.archived_at is null and exists (select 1 from injuries i where i.patient_id = p.id and i.status <> 'closed')")
      .get() as { n: number };
    return Math.max(1, Math.ceil(n / 25));
  } finally {
    db.close();
  }
}

function barText(bar: Bar): string {
  if (bar.kind === "floor") return "floor";
  if (bar.kind === "ratio") return `p95 ≤ ${bar.max}× floor`;
  if (bar.kind === "absolute") return `p95 ≤ ${bar.maxMs} ms`;
  return "—";
}

function judge(bar: Bar, p95: number, p95Ratio: number | null): boolean | null {
  if (bar.kind === "ratio") return p95Ratio !== null && p95Ratio <= bar.max;
  if (bar.kind === "absolute") return p95 <= bar.maxMs;
  return null;
}

const fmt = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? "—" : n.toFixed(digits));
const verdict = (pass: boolean | null) => (pass === null ? "—" : pass ? "pass" : "FAIL");

function markdown(report: Report): string {
  const lines = [
    `# Benchmark results (${report.options.smoke ? "smoke" : `${report.clinic.patients} runners`})`,
    "",
    `Generated by \`npm run bench${report.options.patients === 5000 ? "" : ` -- --patients ${report.options.patients}`}\` on ${report.at} (${report.machine}).`,
    `Data: ${report.clinic.patients} runners, ${report.clinic.therapists} therapists, ${report.clinic.injuries} injury episodes, ${report.clinic.dailyLogs} daily logs (${report.clinic.painScores} pain scores), ${report.clinic.runs} runs, ${report.clinic.assessments} assessments; generated in ${report.clinic.seconds} s.`,
    `HTTP: autocannon, ${report.options.connections} connections for ${report.options.duration} s per target (exports: 1 connection), signed in afresh for each target (as a browser keeps its session cookie fresh) as the clinic admin (every runner in scope) except where a therapist is named. Ratios are against the floor (\`/account\`) measured in the same run.`,
    "",
    "| Target | Requests | Median ms | p95 ms | Median ÷ floor | p95 ÷ floor | Bar | Result |",
    "|---|---:|---:|---:|---:|---:|---|---|",
    ...report.http.map((r) => `| ${r.name} | ${r.requests} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${fmt(r.medianRatio, 2)} | ${fmt(r.p95Ratio, 2)} | ${r.bar} | ${verdict(r.pass)} |`),
    "",
    "## DAL against the same SQL through better-sqlite3 (in-process, medians)",
    "",
    "| DAL call | Statements | DAL ms | SQL ms | Ratio | Bar | Result |",
    "|---|---:|---:|---:|---:|---|---|",
    ...report.dal.map((d) => `| ${d.name} | ${d.statements} | ${fmt(d.dalMedianMs, 2)} | ${fmt(d.rawMedianMs, 2)} | ${fmt(d.ratio, 2)} | ≤ 1.3× | ${verdict(report.options.smoke ? null : d.ratio <= 1.3)} |`),
    "",
    "## Watch-file import (in-process, no server)",
    "",
    "| Measure | Value | Bar | Result |",
    "|---|---:|---|---|",
    ...report.imports.map((r) => `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.bar} | ${verdict(r.bar === "—" ? null : r.pass)} |`),
    "",
    "## Gzipped first-load JS",
    "",
    "| Route | Files | Gzipped kB | Bar | Result |",
    "|---|---:|---:|---|---|",
    ...report.bundles.map((b) => `| ${b.route} | ${b.files} | ${fmt(b.gzipKb)} | ${b.barKb ? `≤ ${b.barKb} kB` : "—"} | ${verdict(b.barKb ? b.gzipKb <= b.barKb : null)} |`),
    "",
    "## Loaded on demand only (not part of any first load)",
    "",
    "| Route | What | Files | Raw kB | Gzipped kB |",
    "|---|---|---:|---:|---:|",
    ...report.onDemand.map((b) => `| ${b.route} | ${b.what} | ${b.files} | ${fmt(b.rawKb)} | ${fmt(b.gzipKb)} |`),
    ...(report.poseModel ? [`| (any, when pose suggestions are asked for) | pose model, served from /vendor/mediapipe-pose | ${report.poseModel.files} | ${fmt(report.poseModel.rawKb)} | ${fmt(report.poseModel.gzipKb)} |`] : []),
    "",
    ...(report.checkin
      ? [
          "## The runner's check-in page on a phone (Chromium, 4× CPU slowdown, slow 4G, median of 5 loads)",
          "",
          "| Measure | Value | Bar | Result |",
          "|---|---:|---|---|",
          `| First-load JS (${report.checkin.scripts} script) | ${fmt(report.checkin.jsGzipBytes / 1024, 2)} kB gzipped | ≤ ${CHECKIN_BARS.jsKb} kB | ${verdict(report.checkin.jsGzipBytes / 1024 <= CHECKIN_BARS.jsKb)} |`,
          `| Largest Contentful Paint (loads: ${report.checkin.lcpMs.join(", ")} ms) | ${fmt(report.checkin.lcpMedianMs, 0)} ms | ≤ ${CHECKIN_BARS.lcpMs} ms | ${verdict(report.checkin.lcpMedianMs <= CHECKIN_BARS.lcpMs)} |`,
          "",
        ]
      : []),
  ];
  return lines.join("\n");
}

type Report = {
  at: string;
  machine: string;
  options: Options;
  clinic: GeneratedClinic["counts"];
  http: HttpResult[];
  dal: DalResult[];
  imports: ImportBenchResult[];
  bundles: (RouteBundle & { barKb: number | null })[];
  onDemand: OnDemandBundle[];
  poseModel: ReturnType<typeof poseModelDownload>;
  checkin?: CheckinBenchResult | null;
};

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const base = `http://localhost:${options.port}`;
  const dir = path.resolve("data/bench");
  const file = path.join(dir, `springback-bench-${options.smoke ? "smoke" : options.patients}.db`);
  fs.mkdirSync(dir, { recursive: true });

  // The session token a target's requests carry is re-issued on every request once it is a minute old.
  if (options.duration > 50) log("warning: targets longer than 50 s pay the session token's re-issue on every later request");
  log(`generating ${options.patients} runners into ${file}`);
  const clinic = await generateClinic({ patients: options.patients, file, reuse: options.reuse, log: (l) => log(l) });
  log(`generated in ${clinic.counts.seconds} s: ${JSON.stringify(clinic.counts)}`);

  if (buildIsStale()) {
    log("building the app (the build is missing or older than the code)");
    run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
  }

  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: file,
    PORT: options.port,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: "bench-only-secret-not-for-production-use-0123456789",
  };

  // The DAL comparison runs first, alone on the machine.
  log("DAL against the same SQL");
  const budget = options.smoke ? 100 : 1500;
  // The caseload's audit row is written in place here (no writer thread), so the DAL call and
  // its replay run the same statements on the same connection.
  const dalRun = options.only ? null : spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--tsconfig", "scripts/bench/tsconfig.json", "scripts/bench/dal.ts", clinic.longPatientId, String(budget)], {
    env: { ...env, SPRINGBACK_AUDIT_WRITER: "off" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (dalRun && dalRun.status !== 0) throw new Error("The DAL comparison failed");
  const dal = dalRun ? (JSON.parse(dalRun.stdout.trim().split("\n").at(-1)!) as DalResult[]) : [];

  // Watch-file import: a 4-hour FIT file and a 100 MB Strava archive, in processes of their own (no server needed).
  const importRun =
    options.smoke || (options.only && !/import/i.test(options.only))
      ? null
      : spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--tsconfig", "scripts/bench/tsconfig.json", "scripts/bench/import.ts"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (importRun && importRun.status !== 0) throw new Error("The import measures failed");
  const imports = importRun ? (JSON.parse(importRun.stdout.trim().split("\n").at(-1)!) as ImportBenchResult[]) : [];

  let server: ChildProcess | undefined = spawn(process.execPath, ["scripts/server.mjs"], { env: { ...env, PORT: options.port, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
  const stopServer = () => {
    if (server && server.exitCode === null) server.kill("SIGTERM");
    server = undefined;
  };
  process.on("SIGINT", () => {
    stopServer();
    process.exit(130);
  });
  try {
    await waitHealthy(base);
    const saveLog = findAction("saveDailyLogAction");
    const p = clinic.longPatientId;
    const deep = caseloadPages(file);

    // Pre-encoded saves, each a day of its own not yet logged, so no request repeats one.
    const wantSaves = options.smoke ? 500 : 6000 * Math.max(1, options.connections / 4);
    const saves = await Promise.all(
      freeLogDays(file, clinic.today, wantSaves).map(async ({ patientId, day }) => ({
        path: `/patients/${patientId}/logs`,
        body: (await encodeReply([patientId, { logDate: day, painRest: 0, painDaily: 1, walkMinutes: 30, painWalk: 1, note: "bench" }])) as string,
      })),
    );
    let nextSave = 0;

    const page: Bar = { kind: "ratio", max: 2 };
    const targets: Target[] = [
      { name: "floor: /account (session only)", path: "/account", bar: { kind: "floor" } },
      // ENGINEERING.md: at 20,000 runners in one clinic the admin's caseload (the one page whose cost grows with the clinic) has the tighter bar.
      { name: "caseload: first page", path: "/", bar: options.patients >= 20_000 ? { kind: "ratio", max: 1.5 } : page },
      { name: "caseload: a therapist's own, first page", path: "/", bar: page, asTherapist: true },
      { name: "caseload: filtered (stage 3)", path: "/?stage=3", bar: page },
      { name: "caseload: sorted by pain", path: "/?sort=pain", bar: page },
      { name: `caseload: deep page (${deep})`, path: `/?page=${deep}`, bar: page },
      { name: "runner page (3-year history)", path: `/patients/${p}`, bar: page },
      { name: "runner progress tab", path: `/patients/${p}/progress`, bar: page },
      { name: "chart data: pain (all)", path: `/api/patients/${p}/charts/pain?range=all`, bar: page },
      { name: "chart data: pain (6 weeks)", path: `/api/patients/${p}/charts/pain?range=6w`, bar: page },
      { name: "chart data: volume", path: `/api/patients/${p}/charts/volume`, bar: page },
      { name: "chart data: measures", path: `/api/patients/${p}/charts/measures`, bar: page },
      {
        name: "save a daily log (server action)",
        path: saves[0]?.path ?? "/",
        method: "POST",
        bar: page,
        headers: { "Next-Action": saveLog.id, Accept: "text/x-component", Origin: base, "content-type": "text/plain;charset=UTF-8" },
        next: () => {
          const s = saves[nextSave++];
          if (!s) throw new Error("Ran out of free log days: lower --duration or raise the pool");
          return s;
        },
        check: (body) => actionResult(body)?.ok === true,
      },
      { name: "export: CSV (zip of three)", path: `/api/patients/${p}/export/csv`, bar: { kind: "absolute", maxMs: 300 }, connections: 1 },
      { name: "export: CSV (daily logs)", path: `/api/patients/${p}/export/csv?file=daily-logs`, bar: { kind: "absolute", maxMs: 300 }, connections: 1 },
      { name: "export: FHIR", path: `/api/patients/${p}/export/fhir`, bar: { kind: "absolute", maxMs: 300 }, connections: 1 },
      { name: "export: PDF", path: `/api/patients/${p}/export/pdf`, bar: { kind: "absolute", maxMs: 1500 }, connections: 1 },
    ];

    const http: HttpResult[] = [];
    let floor: { median: number; p95: number } | null = null;
    const wanted = options.only?.split("|") ?? [];
    const chosen = targets.filter((t) => wanted.length === 0 || t.bar.kind === "floor" || wanted.some((w) => t.name.includes(w)));
    for (const target of chosen) {
      // A short warm-up per target (compilation caches, JIT), not counted.
      // A fresh sign-in per target, as a browser keeps its cookie fresh: proxy.ts re-issues a
      // session token older than a minute on every request that still carries it, which a
      // client holding one cookie for the whole run would pay on every later request.
      const cookie = await signInHttp(base, target.asTherapist ? clinic.therapistEmails[0]! : clinic.adminEmail, BENCH_PASSWORD);
      await measure(base, cookie, target, options.smoke ? 1 : 2, options.connections);
      const m = await measure(base, cookie, target, options.duration, options.connections);
      const medianMs = percentile(m.samples, 50);
      const p95Ms = percentile(m.samples, 95);
      if (target.bar.kind === "floor") floor = { median: medianMs, p95: p95Ms };
      const medianRatio = floor ? medianMs / floor.median : null;
      const p95Ratio = floor ? p95Ms / floor.p95 : null;
      const row: HttpResult = {
        name: target.name,
        path: target.path,
        connections: target.connections ?? options.connections,
        requests: m.requests,
        medianMs,
        p95Ms,
        medianRatio,
        p95Ratio,
        bar: barText(target.bar),
        pass: options.smoke ? null : judge(target.bar, p95Ms, p95Ratio),
        errors: m.errors,
        non2xx: m.non2xx,
        failures: m.failures,
      };
      http.push(row);
      log(`${row.name}: ${m.requests} requests, median ${fmt(medianMs)} ms, p95 ${fmt(p95Ms)} ms${p95Ratio ? ` (${fmt(p95Ratio, 2)}× floor)` : ""}${m.errors + m.non2xx + m.failures ? `, ${m.errors} errors, ${m.non2xx} non-2xx, ${m.failures} failed` : ""}`);
    }

    const bars: Record<string, number> = { "/login": 160, "/patients/[patientId]/progress": 300 };
    const bundles = firstLoadJs().map((b) => ({ ...b, barKb: options.smoke ? null : (bars[b.route] ?? null) }));
    const checkin =
      options.smoke || (options.only && !/check-in/i.test(options.only))
        ? null
        : await Promise.resolve()
            .then(() => benchCheckinPage(base, insertCheckinLink(file, p)))
            .catch((err: unknown) => (log(`check-in page not measured: ${String(err)}`), null));

    const report: Report = {
      at: new Date().toISOString(),
      machine: `${(await import("node:os")).cpus().length} cores, Node ${process.version}`,
      options,
      clinic: clinic.counts,
      http,
      dal,
      imports,
      bundles,
      onDemand: onDemandJs(),
      poseModel: poseModelDownload(),
      checkin,
    };
    const md = markdown(report);
    console.log(`\n${md}`);
    if (options.only) return;
    // Each size has its own table; the default size is also docs/bench/latest.
    const outs = options.smoke
      ? [path.join(dir, "smoke")]
      : [path.resolve("docs/bench", `patients-${options.patients}`), ...(options.patients === 5000 ? [path.resolve("docs/bench", "latest")] : [])];
    for (const out of outs) {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(`${out}.json`, `${JSON.stringify(report, null, 2)}\n`);
      fs.writeFileSync(`${out}.md`, md);
      log(`wrote ${out}.json and ${out}.md`);
    }

    const broken = http.filter((r) => r.errors + r.non2xx + r.failures > 0 || r.requests === 0);
    if (broken.length > 0) {
      console.error(`[bench] targets with errors or non-2xx responses: ${broken.map((r) => r.name).join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    stopServer();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
