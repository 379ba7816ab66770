/**
 * Plain HTTP access to the running app for the security suite: sign in, call a server
 * action by its id exactly as the browser would, and fingerprint the database.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

import * as client from "../../scripts/lib/app-client";

export type { ActionEntry } from "../../scripts/lib/app-client";
export const discoverActions = client.discoverActions;

export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? "3100"}`;
export const E2E_DB = path.resolve("data/e2e/springback-e2e.db");

export function signInHttp(email: string, password?: string): Promise<string> {
  return client.signInHttp(BASE_URL, email, password);
}

export function callAction(action: client.ActionEntry, route: string, args: unknown[], options: { cookie?: string; headers?: Record<string, string> } = {}) {
  return client.callAction(BASE_URL, action, route, args, options);
}

/** "app/(clinic)/patients/[patientId]/page" → "/patients/[patientId]" */
export function routeOfWorker(worker: string): string {
  const route = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((seg) => !(seg.startsWith("(") && seg.endsWith(")")))
    .join("/");
  return route === "" ? "/" : route;
}

/** Every page and route handler under app/, as route templates. */
/**
 * The runner's check-in routes: no next-auth session; their own cookie, refusals, rate limit
 * and audit are tested by e2e/checkin.spec.ts and tests/integration/checkin.test.ts.
 */
export const CHECKIN_ROUTES = [/^\/c\/\[token\]$/, /^\/checkin$/];

export function discoverRoutes(): { pages: string[]; handlers: { route: string; methods: string[] }[] } {
  const pages: string[] = [];
  const handlers: { route: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^page\.tsx?$/.test(entry.name)) pages.push(routeOfWorker(path.relative(".", full).replace(/\.tsx?$/, "")));
      else if (/^route\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export (async )?(function|const) ${m}\\b|as ${m}\\b`).test(source));
        handlers.push({ route: routeOfWorker(path.relative(".", full).replace(/\/route\.tsx?$/, "/page")), methods });
      }
    }
  };
  walk("app");
  return { pages: pages.sort(), handlers };
}

export function fillRoute(template: string, params: Record<string, string>): string {
  return template.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => params[name] ?? crypto.randomUUID());
}

export function openE2eDb(): Database.Database {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

// caseload_versions is a counter moved by triggers on patients and care_team (migration 0012):
// it changes exactly when the tables it follows do, which the fixtures already name.
const IGNORED_TABLES = new Set(["audit_events", "sign_in_attempts", "__drizzle_migrations", "sqlite_sequence", "caseload_versions"]);

// A connection kept open to read `data_version`, which moves whenever another connection
// commits: while it stands still the last fingerprint is still true and is not recomputed.
let watcher: Database.Database | null = null;
let last: { version: number; tables: Record<string, string> } | null = null;

/** A hash per table of every row, audit and sign-in attempts aside. */
export function fingerprint(): Record<string, string> {
  watcher ??= new Database(E2E_DB, { readonly: true, fileMustExist: true });
  const version = watcher.pragma("data_version", { simple: true }) as number;
  if (last && last.version === version) return { ...last.tables };
  last = { version, tables: hashTables() };
  return { ...last.tables };
}

function hashTables(): Record<string, string> {
  const db = openE2eDb();
  try {
    const tables = (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[])
      .map((t) => t.name)
      .filter((t) => !IGNORED_TABLES.has(t));
    const out: Record<string, string> = {};
    for (const table of tables) {
      const rows = db.prepare(`select * from "${table}" order by rowid`).all();
      out[table] = crypto.createHash("sha1").update(JSON.stringify(rows)).digest("hex");
    }
    return out;
  } finally {
    db.close();
  }
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]).sort();
}

/** Every patient name in the database, to check a refused response leaks none. */
export function allPatientNames(): string[] {
  const db = openE2eDb();
  try {
    return (db.prepare("select given_name || ' ' || family_name as name from patients").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** Names of the patients a user may not see (for "no data leaked" checks on their requests). */
export function patientNamesHiddenFrom(email: string): string[] {
  const db = openE2eDb();
  try {
    return (
      db
        .prepare(
          `select p.given_name || ' ' || p.family_name as name from patients p, users u
           where u.email = ? and not (p.clinic_id = u.clinic_id and (u.role = 'admin' or p.primary_therapist_id = u.id
             or exists (select 1 from care_team c where c.patient_id = p.id and c.user_id = u.id)))`,
        )
        .all(email) as { name: string }[]
    ).map((r) => r.name);
  } finally {
    db.close();
  }
}
