import { getDb } from "@/db/client";
import { eq } from "drizzle-orm";
import { users, clinics, patients } from "@/db/schema";
import { actAsUser } from "./dal-session";
import { getPainChart, getVolumeChart } from "@/lib/dal/charts";
import { getReturnToRun } from "@/lib/dal/stages";
import { getPatientHeader } from "@/lib/dal/patients";
const db = getDb();
const row = db.select({ user: users, clinic: clinics }).from(users).innerJoin(clinics, eq(clinics.id, users.clinicId)).where(eq(users.email, "admin@bench.test")).get()!;
actAsUser({ id: row.user.id, clinicId: row.user.clinicId, clinicName: row.clinic.name, clinicTimeZone: row.clinic.timeZone, role: row.user.role, name: row.user.name, email: row.user.email, sessionVersion: 1, mustChangePassword: false });
const id = db.select({ id: patients.id }).from(patients).where(eq(patients.recordNumber, "BN-LONG")).get()!.id;
const which = process.argv[2] ?? "pain";
(async () => {
  const f = which === "pain" ? () => getPainChart(id, "all") : which === "volume" ? () => getVolumeChart(id) : which === "rtr" ? () => getReturnToRun(id) : () => getPatientHeader(id);
  for (let i = 0; i < 20; i++) await f();
  const t = performance.now();
  for (let i = 0; i < 100; i++) await f();
  console.log(which, ((performance.now() - t) / 100).toFixed(2), "ms");
})();
