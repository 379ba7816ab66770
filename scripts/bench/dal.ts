/**
 * The DAL against the same SQL run directly through better-sqlite3, in one process.
 *
 * Each DAL call is run once while its statements are recorded (the SQL text, parameters
 * and method, and which ran inside a transaction, audit writes included); the replay then
 * runs exactly those statements through cached better-sqlite3 prepared statements. The two
 * are interleaved (one of each per iteration, the order alternating: A B, B A, …) for the
 * whole budget, so both get the same number of samples under the same machine load, and
 * the medians are compared.
 *
 * Run by scripts/bench/run.ts as a child process with scripts/bench/tsconfig.json, which
 * puts a stand-in session (scripts/bench/dal-session.ts) in place of next-auth's:
 *   DATABASE_URL=… tsx --tsconfig scripts/bench/tsconfig.json scripts/bench/dal.ts <long-patient-id> <ms-per-target>
 */
import type Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { loadSessionUser } from "@/lib/auth/credentials";
import { actAsUser } from "./dal-session";
import { getCaseloadPage } from "@/lib/dal/caseload";
import { getMeasuresChart, getPainChart, getVolumeChart } from "@/lib/dal/charts";
import { getPatientExport } from "@/lib/dal/exports";
import { listLogEntries } from "@/lib/dal/logs";
import { getPatientHeader } from "@/lib/dal/patients";
import { getReturnToRun } from "@/lib/dal/stages";
import type { SessionUser } from "@/lib/auth/types";
import type { CaseloadQuery } from "@/lib/validation/caseload";
import { BENCH_ADMIN } from "./generate";

type Op = { kind: "stmt"; sql: string; method: "all" | "get" | "run"; raw: boolean; params: unknown[] } | { kind: "begin" } | { kind: "commit" };

export type DalResult = { name: string; statements: number; dalMedianMs: number; rawMedianMs: number; ratio: number; iterations: number };

const db = getDb();
const client = db.$client;
const prepare = client.prepare.bind(client);
const transaction = client.transaction.bind(client);
let recording: Op[] | null = null;

// Recording: every statement the DAL runs (prepared now or cached earlier), and the
// transactions around them. The statement methods are wrapped on better-sqlite3's own
// prototype, so a statement the DAL prepared once and keeps is recorded on every run.
const statementProto = Object.getPrototypeOf(prepare("select 1")) as Database.Statement;
const rawMode = new WeakMap<Database.Statement, boolean>();
const originalRaw = statementProto.raw as (this: Database.Statement, flag?: boolean) => Database.Statement;
statementProto.raw = function (this: Database.Statement, flag?: boolean) {
  rawMode.set(this, flag ?? true);
  return flag === undefined ? originalRaw.call(this) : originalRaw.call(this, flag);
} as typeof statementProto.raw;
for (const method of ["all", "get", "run"] as const) {
  const original = statementProto[method] as (this: Database.Statement, ...params: unknown[]) => unknown;
  (statementProto as unknown as Record<string, unknown>)[method] = function (this: Database.Statement, ...params: unknown[]) {
    recording?.push({ kind: "stmt", sql: this.source, method, raw: rawMode.get(this) ?? false, params });
    return original.apply(this, params);
  };
}
client.transaction = ((fn: (...a: unknown[]) => unknown) =>
  transaction((...args: unknown[]) => {
    recording?.push({ kind: "begin" });
    const result = fn(...args);
    recording?.push({ kind: "commit" });
    return result;
  })) as typeof client.transaction;

async function record(call: () => Promise<unknown>): Promise<Op[]> {
  recording = [];
  try {
    await call();
    return recording;
  } finally {
    recording = null;
  }
}

/** The recorded statements as one function over cached prepared statements. */
function replayer(ops: Op[]): () => void {
  const cache = new Map<string, Database.Statement>();
  const stmt = (source: string, raw: boolean) => {
    const key = `${raw ? "raw:" : ""}${source}`;
    let s = cache.get(key);
    if (!s) {
      s = prepare(source);
      if (raw) s.raw(true);
      cache.set(key, s);
    }
    return s;
  };
  type Step = (() => void) | { tx: (() => void)[] };
  const steps: Step[] = [];
  let inTx: (() => void)[] | null = null;
  for (const op of ops) {
    if (op.kind === "begin") inTx = [];
    else if (op.kind === "commit") {
      steps.push({ tx: inTx ?? [] });
      inTx = null;
    } else {
      const s = stmt(op.sql, op.raw);
      const run = () => void s[op.method](...op.params);
      (inTx ?? steps).push(run);
    }
  }
  return () => {
    for (const step of steps) {
      if (typeof step === "function") step();
      else transaction(() => step.tx.forEach((f) => f()))();
    }
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function compare(name: string, call: () => Promise<unknown>, budgetMs: number): Promise<DalResult> {
  for (let i = 0; i < 5; i++) await call();
  const ops = await record(call);
  const raw = replayer(ops);
  for (let i = 0; i < 5; i++) raw();
  // Interleaved: one DAL call and one replay per iteration, so load from elsewhere on the
  // machine falls on both alike; which of the two goes first alternates (A B, B A, …) so
  // neither always runs on caches the other just warmed. Same number of samples each.
  const dal: number[] = [];
  const direct: number[] = [];
  const timeDal = async () => {
    const t = performance.now();
    await call();
    dal.push(performance.now() - t);
  };
  const timeRaw = () => {
    const t = performance.now();
    raw();
    direct.push(performance.now() - t);
  };
  const until = performance.now() + budgetMs;
  while ((performance.now() < until && dal.length < 2000) || dal.length < 16) {
    if (dal.length % 2 === 0) {
      await timeDal();
      timeRaw();
    } else {
      timeRaw();
      await timeDal();
    }
  }
  const dalMedianMs = median(dal);
  const rawMedianMs = median(direct);
  return { name, statements: ops.filter((o) => o.kind === "stmt").length, dalMedianMs, rawMedianMs, ratio: dalMedianMs / rawMedianMs, iterations: dal.length };
}

/** Markdown: each read statement of a DAL call with its EXPLAIN QUERY PLAN (for docs/performance.md). */
const planned = new Set<string>();

async function plans(name: string, call: () => Promise<unknown>): Promise<string> {
  const ops = await record(call);
  const out = [`### ${name}`, ""];
  for (const op of ops) {
    // Reads only, each statement once across all calls (writes are single-row by key).
    if (op.kind !== "stmt" || planned.has(op.sql) || !/^\s*(select|with)/i.test(op.sql)) continue;
    planned.add(op.sql);
    const sqlText = op.sql.replace(/\s+/g, " ").trim();
    const rows = prepare(`explain query plan ${op.sql}`).all(...(op.params as unknown[])) as { id: number; parent: number; detail: string }[];
    const depth = new Map<number, number>([[0, 0]]);
    const lines = rows.map((r) => {
      const d = (depth.get(r.parent) ?? 0) + 1;
      depth.set(r.id, d);
      return `${"  ".repeat(d - 1)}${r.detail}`;
    });
    out.push("```sql", sqlText.length > 600 ? `${sqlText.slice(0, 600)} …` : sqlText, "```", "```text", ...lines, "```", "");
  }
  return `${out.join("\n")}\n`;
}

/** The user as the app sees them on a request: the same re-read as every session's. */
function sessionUser(email: string): SessionUser {
  const row = db.select({ id: users.id, sv: users.sessionVersion }).from(users).where(eq(users.email, email)).get();
  const user = row ? loadSessionUser({ uid: row.id, sv: row.sv, authTime: Date.now() / 1000, sid: crypto.randomUUID() }) : null;
  if (!user) throw new Error(`No user ${email}`);
  return user;
}

async function main() {
  const [longPatientId, budget] = process.argv.slice(2);
  if (!longPatientId) throw new Error("usage: dal.ts <long-patient-id> [ms-per-target]");
  const budgetMs = Number(budget ?? 1500);
  actAsUser(sessionUser(BENCH_ADMIN));
  const caseload = (q: Partial<CaseloadQuery>) => () => getCaseloadPage({ sort: "flags", page: 1, ...q });
  const first = await getCaseloadPage({ sort: "flags", page: 1 });
  const deepPage = Math.max(1, Math.ceil(first.total / first.pageSize) - 1);
  const p = longPatientId;
  const targets: [string, () => Promise<unknown>][] = [
    ["caseload: first page", caseload({})],
    ["caseload: filtered (stage 3)", caseload({ stage: 3 })],
    ["caseload: sorted by pain", caseload({ sort: "pain" })],
    [`caseload: deep page (${deepPage})`, caseload({ page: deepPage })],
    ["patient header", () => getPatientHeader(p)],
    ["return-to-run panel", () => getReturnToRun(p)],
    ["recent log entries", () => listLogEntries(p, 1, 6)],
    ["pain chart (all)", () => getPainChart(p, "all")],
    ["volume chart", () => getVolumeChart(p)],
    ["measures chart", () => getMeasuresChart(p)],
    ["export data (CSV/FHIR)", () => getPatientExport(p, "csv")],
    ["export data (PDF, with status)", () => getPatientExport(p, "pdf")],
  ];
  if (process.argv.includes("--plans")) {
    const keep = ["caseload: first page", "patient header", "return-to-run panel", "recent log entries", "pain chart (all)", "volume chart", "export data (PDF, with status)"];
    for (const [name, call] of targets) if (keep.includes(name)) process.stdout.write(await plans(name, call));
    actAsUser(sessionUser("therapist01@bench.test"));
    process.stdout.write(await plans("caseload: a therapist's own, first page", caseload({})));
    return;
  }
  const results: DalResult[] = [];
  for (const [name, call] of targets) results.push(await compare(name, call, budgetMs));
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
