/**
 * `npm run test:reliability`: load, crash and backup checks against the production build
 * on a fresh database (bounded to a few minutes).
 *
 *  1. load: CLIENTS concurrent clients each save WRITES daily logs (server action) and
 *     WRITES runs (the quick-entry route) for a runner of their own; every acknowledged
 *     write must be in the database and no request may fail with a busy database.
 *     An online backup (`npm run backup`) runs in the middle of it and must hold every
 *     write acknowledged before it started.
 *  2. crash: the same load again, the server killed with SIGKILL part-way; after a restart
 *     integrity_check and foreign_key_check are clean and every acknowledged write is there.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import { actionResult, callAction, findAction, signInHttp, waitHealthy } from "./lib/app-client";

const CLIENTS = Number(process.env.RELIABILITY_CLIENTS ?? 20);
const WRITES = Number(process.env.RELIABILITY_WRITES ?? 200);
const PORT = process.env.RELIABILITY_PORT ?? "3210";
const BASE = `http://localhost:${PORT}`;
const DIR = path.resolve("data/reliability");
const DB_FILE = path.join(DIR, "springback.db");
const ENV = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: DB_FILE,
  PORT,
  NEXTAUTH_URL: BASE,
  NEXTAUTH_SECRET: "reliability-only-secret-not-for-production-0123456789",
};

type Ack = { kind: "log"; patientId: string; date: string } | { kind: "run"; id: string };
type Client = { cookie: string; patientId: string; onset: string };

function log(message: string) {
  console.log(`[reliability] ${message}`);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function startServer(): ChildProcess {
  return spawn(process.execPath, ["scripts/server.mjs"], { env: ENV, stdio: ["ignore", "ignore", "inherit"] });
}

async function stop(server: ChildProcess, signal: NodeJS.Signals) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill(signal);
  await exited;
}

/** One runner per client, created through the real actions, with an onset long enough ago. */
async function setUpClients(today: string): Promise<Client[]> {
  const createPatient = findAction("createPatientAction");
  const createInjury = findAction("createInjuryAction");
  const onset = addDays(today, -(2 * WRITES + 5));
  const clients: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const cookie = await signInHttp(BASE, "kim@springback.test");
    const record = `LOAD-${i + 1}`;
    const form = new FormData();
    for (const [k, v] of Object.entries({ givenName: "Load", familyName: `Runner ${i + 1}`, dateOfBirth: "1980-03-03", sex: "unknown", recordNumber: record })) form.append(k, v);
    await callAction(BASE, createPatient, "/patients/new", [form], { cookie });
    const db = new Database(DB_FILE, { readonly: true });
    const { id } = db.prepare("select id from patients where record_number = ?").get(record) as { id: string };
    db.close();
    const injury = new FormData();
    for (const [k, v] of Object.entries({ side: "left", muscle: "soleus", severity: "strain", grade: "1", onsetDate: onset, priorStrains: "0" })) injury.append(k, v);
    const made = await callAction(BASE, createInjury, `/patients/${id}/details`, [id, injury], { cookie });
    if (!actionResult(made.body)?.ok) throw new Error(`Could not create the injury: ${made.body.slice(0, 300)}`);
    clients.push({ cookie, patientId: id, onset });
  }
  return clients;
}

type LoadResult = { acks: Ack[]; busy: string[]; failures: string[] };

/** Each client saves `count` logs and runs on days `offset`… after onset, all clients at once. */
async function runLoad(clients: Client[], offset: number, count: number, onAck?: (n: number) => void): Promise<LoadResult> {
  const saveLog = findAction("saveDailyLogAction");
  const result: LoadResult = { acks: [], busy: [], failures: [] };
  const note = (what: string, status: number, body: string) => {
    if (/SQLITE_BUSY|database is locked/i.test(body)) result.busy.push(`${what}: ${body.slice(0, 200)}`);
    else result.failures.push(`${what} → ${status}: ${body.slice(0, 200)}`);
  };
  await Promise.all(
    clients.map(async (client) => {
      for (let i = 0; i < count; i++) {
        const date = addDays(client.onset, offset + i);
        try {
          const saved = await callAction(BASE, saveLog, `/patients/${client.patientId}/logs`, [client.patientId, { logDate: date, painRest: 0, painDaily: 1, walkMinutes: 30, painWalk: 0, note: `load ${i}` }], { cookie: client.cookie });
          if (actionResult(saved.body)?.ok) result.acks.push({ kind: "log", patientId: client.patientId, date });
          else note(`log ${date}`, saved.status, saved.body);
          const res = await fetch(`${BASE}/api/patients/${client.patientId}/runs`, {
            method: "POST",
            headers: { cookie: client.cookie, "content-type": "application/json", origin: BASE },
            body: JSON.stringify({ runDate: date, kind: "continuous", continuousMinutes: 20, distanceKm: 3.5, painDuring: 1 }),
          });
          const text = await res.text();
          const body = JSON.parse(text) as { ok?: boolean; data?: { id?: string } };
          if (res.ok && body.ok && body.data?.id) result.acks.push({ kind: "run", id: body.data.id });
          else note(`run ${date}`, res.status, text);
          onAck?.(result.acks.length);
        } catch (error) {
          // The connection broke (the crash phase kills the server): not acknowledged.
          result.failures.push(`${date}: ${(error as Error).message}`);
          return;
        }
      }
    }),
  );
  return result;
}

function missingAcks(file: string, acks: Ack[]): Ack[] {
  const db = new Database(file, { readonly: true });
  try {
    const logQ = db.prepare("select 1 from daily_logs where patient_id = ? and log_date = ?");
    const runQ = db.prepare("select 1 from runs where id = ?");
    return acks.filter((a) => !(a.kind === "log" ? logQ.get(a.patientId, a.date) : runQ.get(a.id)));
  } finally {
    db.close();
  }
}

function checkIntegrity(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = String(db.pragma("integrity_check", { simple: true }));
    const fk = db.pragma("foreign_key_check") as unknown[];
    return { integrity, foreignKeyProblems: fk.length };
  } finally {
    db.close();
  }
}

let passed = 0;
function expect(condition: boolean, message: string) {
  if (!condition) throw new Error(message);
  passed++;
  log(`ok: ${message}`);
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Run `npm run build` first.");
  fs.rmSync(DIR, { recursive: true, force: true });
  for (const script of ["db/migrate.ts", "db/seed.ts"]) {
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script], { env: ENV, stdio: "inherit" });
    if (r.status !== 0) throw new Error(`${script} failed`);
  }
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  let server = startServer();
  await waitHealthy(BASE, 60_000);
  const started = Date.now();
  try {
    const clients = await setUpClients(today);
    log(`${clients.length} clients ready; load: ${WRITES} logs and ${WRITES} runs each`);

    // 1. Load, with an online backup part-way through.
    let backup: Promise<{ status: number | null; acksBefore: number }> | undefined;
    let acksSoFar: Ack[] = [];
    const loadStart = Date.now();
    const load = runLoad(clients, 0, WRITES, (n) => {
      if (!backup && n >= (CLIENTS * WRITES * 2) / 3) {
        const acksBefore = n;
        backup = new Promise((resolve) => {
          const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/backup.ts", path.join(DIR, "backup.db")], { env: ENV, stdio: "inherit" });
          child.on("exit", (status) => resolve({ status, acksBefore }));
        });
      }
    });
    const first = await load;
    acksSoFar = first.acks;
    const seconds = (Date.now() - loadStart) / 1000;
    log(`load: ${first.acks.length} acknowledged writes in ${seconds.toFixed(1)} s (${(first.acks.length / seconds).toFixed(0)}/s)`);
    expect(first.busy.length === 0, `no request failed with a busy database (${first.busy.length})`);
    expect(first.failures.length === 0, `no request failed (${first.failures.slice(0, 3).join(" | ")})`);
    expect(first.acks.length === CLIENTS * WRITES * 2, `every write was acknowledged (${first.acks.length}/${CLIENTS * WRITES * 2})`);
    expect(missingAcks(DB_FILE, first.acks).length === 0, "every acknowledged write is in the database");

    const done = await backup;
    expect(done?.status === 0, "the online backup during the load succeeded");
    const backupFile = path.join(DIR, "backup.db");
    expect(checkIntegrity(backupFile).integrity === "ok", "the backup passes integrity_check");
    // Acks are recorded in completion order; those before the backup started are in it.
    const beforeBackup = acksSoFar.slice(0, done!.acksBefore);
    const restored = path.join(DIR, "restored.db");
    const restore = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/restore.ts", backupFile], { env: { ...ENV, DATABASE_URL: restored }, stdio: "inherit" });
    expect(restore.status === 0, "npm run restore put the backup in place");
    expect(missingAcks(restored, beforeBackup).length === 0, `the restored backup holds the ${beforeBackup.length} writes acknowledged before it started`);

    // 2. Crash: kill -9 in the middle of a second load, restart, check.
    let killed = false;
    const crashTarget = Math.floor(CLIENTS * WRITES * 0.4);
    const second = await runLoad(clients, WRITES, Math.min(WRITES, 100), (n) => {
      if (!killed && n >= Math.min(crashTarget, CLIENTS * 80)) {
        killed = true;
        server.kill("SIGKILL");
      }
    });
    expect(killed, `the server was killed with SIGKILL after ${second.acks.length} acknowledged writes`);
    await stop(server, "SIGKILL");
    server = startServer();
    await waitHealthy(BASE, 60_000);
    const check = checkIntegrity(DB_FILE);
    expect(check.integrity === "ok", "integrity_check is ok after the crash");
    expect(check.foreignKeyProblems === 0, "foreign_key_check is clean after the crash");
    expect(missingAcks(DB_FILE, second.acks).length === 0, `all ${second.acks.length} writes acknowledged before the kill are present`);
    expect(missingAcks(DB_FILE, first.acks).length === 0, "and so are all writes of the first load");
    const after = await fetch(`${BASE}/api/health`);
    expect(after.ok, "the restarted server answers");
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(`reliability: ${passed} passed, 0 failed`);
  } finally {
    await stop(server, "SIGTERM");
  }
}

let finished = false;
// A promise left pending would let Node exit quietly with code 0: count that as a failure.
process.on("exit", (code) => {
  if (!finished && code === 0) {
    console.error("[reliability] FAILED: the checks stopped before they finished");
    process.exitCode = 1;
  }
});

main()
  .then(() => {
    finished = true;
  })
  .catch((error) => {
    console.error(`[reliability] FAILED: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
