/**
 * The fuzz test: every server action (from the build's action manifest) and every route
 * handler under app/api (as the security suite finds them) called with generated hostile
 * arguments: wrong types, objects and arrays for ids, huge and negative numbers, impossible
 * dates, control and direction characters, long strings (1 MB to routes, 100 kB to actions),
 * Dates, Maps and BigInts through React's own argument encoder. It passes when no call answers 500 or the generic
 * "something went wrong" (an unhandled error behind the door), and no refused call changed
 * a table (no partial write). The seed is fixed so a failure can be replayed; the number of
 * calls is printed.
 *
 * Named to run last: it creates its own runner, episode and entries, and leaves them.
 */
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import fc from "fast-check";
import { actionResult } from "../scripts/lib/app-client";
import { ACTION_FIXTURES, HANDLER_FIXTURES, injuryFields, patientFields, toForm, formArgs, type SuiteContext } from "./support/action-fixtures";
import { BASE_URL, callAction, CHECKIN_ROUTES, discoverActions, discoverRoutes, E2E_DB, fillRoute, fingerprint, changedTables, openE2eDb, routeOfWorker, signInHttp, type ActionEntry } from "./support/http";

test.describe.configure({ mode: "serial" });
test.setTimeout(600_000);

const SEED = 1313;
const RUNS_PER_ACTION = 70;
const RUNS_PER_ROUTE = 70;
const UNEXPECTED = "Something went wrong";
const PUBLIC_HANDLERS = [/^\/api\/auth\//, /^\/api\/health$/, ...CHECKIN_ROUTES];
const MEGABYTE = "x".repeat(1024 * 1024);

/** Values that have broken parsers before, plus generated ones of every JSON-ish shape. */
const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(undefined, null, true, false, 0, -1, 1.5, -1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY) },
  {
    weight: 8,
    arbitrary: fc.constantFrom<unknown>(
      "",
      " ",
      "true",
      "false",
      "0x5",
      "1e3",
      "[1]",
      "NaN",
      "-0",
      "5,5,5",
      "1.234,5",
      "١٢",
      "27:75",
      "2026-02-30",
      "0000-00-00",
      "0100-01-01",
      "9999-12-31",
      "2026-13-01",
      "toString",
      "__proto__",
      "constructor",
      "hasOwnProperty",
      "nul\u0000byte",
      "bell\u0007",
      "\u001b[31mred",
      "\u202eevil",
      "\u2066iso\u2069",
      "' OR 1=1 --",
      "<script>alert(1)</script>",
      "../../etc/passwd",
      "00000000-0000-0000-0000-000000000000",
      crypto.randomUUID(),
    ),
  },
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constant(MEGABYTE) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 3 }) },
  // Plain objects (React's encoder refuses null prototypes); "__proto__" stays an own key.
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom("toString", "valueOf", "id", "__proto__", "then", "a"), hostileScalar, { maxKeys: 3 }).map((d) => Object.fromEntries(Object.entries(d))) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(new Date("invalid"), new Date(8.64e15), new Map([["a", 1]]), new Set([1]), BigInt("123456789012345678901234567890")) },
);

let ctx: SuiteContext;
const cookies: Record<string, string> = {};
let counter = 0;
let calls = 0;
const failures: string[] = [];

/** Detects any commit (the e2e server writes through another connection). */
const watcher = { db: null as Database.Database | null };
function dataVersion(): number {
  watcher.db ??= new Database(E2E_DB, { readonly: true, fileMustExist: true });
  return watcher.db.pragma("data_version", { simple: true }) as number;
}
let snapshot: Record<string, string> = {};

/** After a call: a refusal must have changed no table (audit rows aside); a success refreshes the snapshot. */
function checkWrites(label: string, refused: boolean, versionBefore: number) {
  if (dataVersion() === versionBefore) return;
  const now = fingerprint();
  if (refused) {
    const changed = changedTables(snapshot, now);
    if (changed.length > 0) failures.push(`${label}: refused but changed ${changed.join(", ")}`);
  }
  snapshot = now;
}

function record(label: string, status: number, body: string) {
  calls++;
  if (status >= 500) failures.push(`${label}: HTTP ${status} ${body.slice(0, 200)}`);
  else if (body.includes(UNEXPECTED)) failures.push(`${label}: unexpected error answered (${body.slice(0, 200)})`);
}

function describeArgs(args: unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) => (typeof v === "string" && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : typeof v === "bigint" ? `${v}n` : v instanceof FormData ? Object.fromEntries(v) : v)).slice(0, 300);
}

const LARGE = "x".repeat(100_000);

/** The value with every 1 MB string replaced by a 100 kB one. */
function shrinkLarge(value: unknown): unknown {
  if (typeof value === "string") return value.length >= MEGABYTE.length ? LARGE : value;
  if (value instanceof FormData) {
    const form = new FormData();
    for (const [k, v] of value.entries()) form.append(k, typeof v === "string" ? (shrinkLarge(v) as string) : v);
    return form;
  }
  if (Array.isArray(value)) return value.map(shrinkLarge);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shrinkLarge(v)]));
  return value;
}

function hostRoute(a: ActionEntry): string {
  const worker = a.pages[0];
  return worker ? fillRoute(routeOfWorker(worker), { patientId: ctx.patientId, assessmentId: ctx.assessmentId, injuryId: ctx.injuryId }) : "/";
}

function keyOf(a: ActionEntry) {
  return `${a.filename}#${a.exportedName}`;
}

function ownerOf(key: string): string {
  return ACTION_FIXTURES[key]?.scope === "admin" ? cookies.admin! : cookies.kim!;
}

test.beforeAll(async () => {
  // The security suite, run before, may have changed Kim's password through its own fixture.
  const suitePassword = String(ACTION_FIXTURES["app/(clinic)/account/actions.ts#changePasswordAction"]?.fields({} as SuiteContext).newPassword ?? "");
  for (const who of ["kim", "admin"]) {
    const email = `${who}@springback.test`;
    cookies[who] = await signInHttp(email).catch(() => signInHttp(email, suitePassword));
  }
  const actions = discoverActions();
  const find = (name: string) => actions.find((a) => a.exportedName === name)!;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const unique = () => `${Date.now()}-${counter++}`;
  const seedCtx = { today, unique } as SuiteContext;
  const ok = (call: { status: number; body: string }) => expect(call.status === 303 || actionResult(call.body)?.ok === true, call.body.slice(0, 300)).toBe(true);

  // The fuzz test's own runner, episode, entries and throwaway account.
  ok(await callAction(find("createPatientAction"), "/patients/new", [toForm(patientFields(seedCtx, "FUZZ-1"))], { cookie: cookies.kim }));
  const db = openE2eDb();
  const patientId = (db.prepare("select id from patients where record_number = 'FUZZ-1'").get() as { id: string }).id;
  db.close();
  ok(await callAction(find("createInjuryAction"), `/patients/${patientId}/details`, [patientId, toForm(injuryFields(seedCtx))], { cookie: cookies.kim }));
  const post = (path: string, body: unknown) =>
    fetch(`${BASE_URL}/api/patients/${patientId}/${path}`, { method: "POST", headers: { "content-type": "application/json", origin: BASE_URL, cookie: cookies.kim! }, body: JSON.stringify(body) });
  expect((await post("runs", { runDate: today, kind: "continuous", continuousMinutes: "30", distanceKm: "5", painDuring: 1 })).status).toBe(200);
  expect((await post("daily-logs", { logDate: today, painDaily: 1 })).status).toBe(200);
  ok(await callAction(find("createAssessmentAction"), `/patients/${patientId}/assessments/new`, [patientId, { assessedOn: today, cadenceSpm: "170" }], { cookie: cookies.kim }));
  const email = `fuzz-${Date.now()}@springback.test`;
  ok(await callAction(find("createUserAction"), "/admin", [undefined, toForm({ name: "Fuzz Throwaway", email, role: "therapist" })], { cookie: cookies.admin }));

  const conn = openE2eDb();
  const one = (sql: string, ...p: unknown[]) => (conn.prepare(sql).get(...p) as { id: string }).id;
  const injuryId = one("select id from injuries where patient_id = ?", patientId);
  const userIds = Object.fromEntries((conn.prepare("select email, id from users").all() as { email: string; id: string }[]).map((u) => [u.email, u.id]));
  ctx = {
    patientId,
    sparePatientId: patientId,
    injuryId,
    spareReturnInjuryId: injuryId,
    spareCloseInjuryId: injuryId,
    spareEditInjuryId: injuryId,
    throwawayUserId: userIds[email]!,
    kimUserId: userIds["kim@springback.test"]!,
    leeUserId: userIds["lee@springback.test"]!,
    assessmentId: one("select id from assessments where patient_id = ?", patientId),
    dailyLogId: one("select id from daily_logs where patient_id = ?", patientId),
    runId: one("select id from runs where patient_id = ?", patientId),
    today,
    unique,
    scalar: (sql, ...args) => {
      const c = openE2eDb();
      try {
        return (c.prepare(sql).raw().get(...args) as unknown[] | undefined)?.[0];
      } finally {
        c.close();
      }
    },
    versionOf: (table, id) => {
      const c = openE2eDb();
      try {
        return (c.prepare(`select version from "${table}" where id = ?`).get(id) as { version: number } | undefined)?.version ?? 1;
      } finally {
        c.close();
      }
    },
  };
  conn.close();
  snapshot = fingerprint();
});

test.afterAll(() => {
  watcher.db?.close();
});

test("every server action survives hostile arguments: no 500, no unhandled error, no partial write", async () => {
  const actions = discoverActions().sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  expect(actions.length).toBeGreaterThan(0);
  for (const [index, action] of actions.entries()) {
    const key = keyOf(action);
    const fixture = ACTION_FIXTURES[key];
    expect(fixture, `${key} has no fixture in e2e/support/action-fixtures.ts`).toBeDefined();
    // Never let a generated call change the demo accounts' passwords or end their sessions.
    const safeFields = (f: Record<string, unknown>) => (action.exportedName === "changePasswordAction" ? { ...f, currentPassword: "not the password" } : f);
    const validArgs = () => (fixture!.args ?? formArgs)(safeFields(fixture!.fields(ctx)), ctx);
    const argsArb: fc.Arbitrary<unknown[]> = fc.oneof(
      // One field of the form input made hostile.
      fc.tuple(fc.nat(), hostileValue).map(([n, value]) => {
        const fields = safeFields(fixture!.fields(ctx));
        const names = [...Object.keys(fields), ...(fixture!.numberFields ?? []), ...(fixture!.textFields ?? [])];
        const name = names.length ? names[n % names.length]! : "x";
        return (fixture!.args ?? formArgs)({ ...fields, [name]: value }, ctx);
      }),
      // One positional argument (an id, the state, the input) made hostile.
      fc.tuple(fc.nat(), hostileValue).map(([n, value]) => {
        const args = validArgs();
        if (args.length === 0) return [value];
        args[n % args.length] = value;
        return args;
      }),
      // Arguments of any shape and count.
      fc.array(hostileValue, { minLength: action.exportedName === "signOutEverywhereAction" ? 1 : 0, maxLength: 5 }),
    );
    // React's reply decoder refuses a body with a 1 MB string before any action code runs
    // (a framework 500, "Maximum array nesting exceeded"): action calls get 100 kB strings
    // instead; route handlers still get the 1 MB ones.
    const samples = fc.sample(argsArb, { seed: SEED + index, numRuns: RUNS_PER_ACTION }).map((args) => shrinkLarge(args) as unknown[]);
    for (const args of samples) {
      const before = dataVersion();
      const call = await callAction(action, hostRoute(action), args, { cookie: ownerOf(key) });
      const label = `${key} ${describeArgs(args)}`;
      record(label, call.status, call.body);
      const result = actionResult(call.body);
      checkWrites(label, call.status !== 303 && result?.ok !== true, before);
    }
  }
  console.log(`fuzz: ${calls} action calls so far, ${failures.length} failures`);
  expect(failures, failures.slice(0, 10).join("\n")).toEqual([]);
});

test("every route handler survives hostile params, queries and bodies: no 500, no partial write", async () => {
  const handlers = discoverRoutes().handlers.filter((h) => !PUBLIC_HANDLERS.some((r) => r.test(h.route)));
  expect(handlers.length).toBeGreaterThan(0);
  const start = calls;
  const asText = (v: unknown) => (typeof v === "string" ? v : typeof v === "bigint" ? String(v) : (JSON.stringify(v) ?? "undefined"));
  for (const [index, handler] of handlers.entries()) {
    const queryKeys = ["page", "size", "file", "range", "from", "to", "userId", "patientId", "action"];
    const requestArb = fc.record({
      param: fc.oneof(fc.constant<unknown>(null), hostileValue),
      query: fc.dictionary(fc.constantFrom(...queryKeys), hostileValue, { maxKeys: 3 }),
      body: fc.oneof(
        fc.tuple(fc.nat(), hostileValue).map(([n, value]) => {
          const base = HANDLER_FIXTURES[handler.route]?.body(ctx) ?? {};
          const names = Object.keys(base);
          return names.length ? { ...base, [names[n % names.length]!]: value } : { x: value };
        }),
        hostileValue,
        fc.constant<unknown>("{not json"),
      ),
    });
    const samples = fc.sample(requestArb, { seed: SEED * 7 + index, numRuns: RUNS_PER_ROUTE });
    for (const { param, query, body } of samples) {
      const params: Record<string, string> = { patientId: ctx.patientId, chart: "pain" };
      if (param !== null) {
        const names = [...handler.route.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
        const name = names[calls % Math.max(1, names.length)];
        if (name) params[name] = encodeURIComponent(asText(param).slice(0, 2000));
      }
      const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, asText(v).slice(0, 4000)])).toString();
      const url = `${BASE_URL}${fillRoute(handler.route, params)}${search ? `?${search}` : ""}`;
      for (const method of handler.methods) {
        const before = dataVersion();
        const res = await fetch(url, {
          method,
          redirect: "manual",
          headers: { cookie: handler.route.startsWith("/api/admin") ? cookies.admin! : cookies.kim!, origin: BASE_URL, "content-type": "application/json" },
          body: method === "GET" ? undefined : typeof body === "string" && body.startsWith("{not") ? body : JSON.stringify(body, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)),
        });
        const text = res.headers.get("content-type")?.includes("json") ? await res.text() : (await res.arrayBuffer(), "");
        const label = `${method} ${handler.route} ${url.slice(BASE_URL.length, BASE_URL.length + 200)}`;
        record(label, res.status, text);
        checkWrites(label, res.status >= 300, before);
      }
    }
  }
  console.log(`fuzz: ${calls - start} route calls; ${calls} calls in all, ${failures.length} failures`);
  expect(failures, failures.slice(0, 10).join("\n")).toEqual([]);
  expect(calls).toBeGreaterThan(1000);
});
