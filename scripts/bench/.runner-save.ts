import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { loadSessionUser } from "@/lib/auth/credentials";
import { actAsUser } from "./dal-session";
import { saveDailyLog } from "@/lib/dal/logs";
import * as status from "@/lib/dal/status";
import { dailyLogSchema } from "@/lib/validation/logs";

async function main() {
  const db = getDb();
  const row = db.select({ id: users.id, sv: users.sessionVersion }).from(users).where(eq(users.email, "admin@bench.test")).get()!;
  actAsUser(loadSessionUser({ uid: row.id, sv: row.sv, authTime: Date.now() / 1000 })!);
  const raw = new Database(process.env.DATABASE_URL!, { readonly: true });
  const open = raw.prepare(`select p.id, i.id as injury, i.onset_date as onset from patients p join injuries i on i.patient_id = p.id and i.status = 'active' where p.archived_at is null order by p.record_number limit 400`).all() as { id: string; injury: string; onset: string }[];
  const taken = raw.prepare("select log_date from daily_logs where injury_id = ?").pluck();
  const saves: { id: string; day: string }[] = [];
  for (const o of open) {
    const t = new Set(taken.all(o.injury) as string[]);
    const d = new Date(o.onset + "T00:00:00Z");
    while (t.has(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() + 1);
    saves.push({ id: o.id, day: d.toISOString().slice(0, 10) });
  }
  let tRecompute = 0;
  const orig = status.recomputePatientStatus;
  void orig;
  const times: number[] = [];
  for (const s of saves) {
    const t = performance.now();
    try { await saveDailyLog(s.id, dailyLogSchema.parse({ logDate: s.day, painDaily: 1, painRest: 0 })); } catch (e) { console.error(String(e).slice(0, 100)); continue; }
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log("saves", times.length, "median", times[times.length >> 1]!.toFixed(2), "p90", times[Math.floor(times.length * 0.9)]!.toFixed(2), tRecompute);
  // engine only, same patients
  const e: number[] = [];
  for (const s of saves) { const t = performance.now(); status.computePatientState(db, s.id); e.push(performance.now() - t); }
  e.sort((a, b) => a - b);
  console.log("computePatientState median", e[e.length >> 1]!.toFixed(2), "p90", e[Math.floor(e.length * 0.9)]!.toFixed(2));
}
main();
