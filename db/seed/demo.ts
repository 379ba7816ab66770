/**
 * The demo clinic: fictional staff and runners whose histories exercise every stage,
 * criterion and flag. Names are invented; no real person's data.
 */
import type { Db } from "../client";
import * as s from "../schema";
import type { Sex } from "../../lib/domain/vocabulary";
import { todayIn } from "../../lib/domain/dates";
import { hashPassword } from "../../lib/auth/password";
import { createRng } from "./random";
import { insertPatient, type PatientSeed } from "./write";
import type { Profile } from "./history";
import { recomputePatientStatus } from "../../lib/dal/status";

export const DEMO_PASSWORD = "springback-demo";
export const DEMO_CLINIC = "Demo Sports Physio";
export const NORTHSIDE_CLINIC = "Northside Running Clinic";

type Row = [given: string, family: string, sex: Sex, age: number, who: "kim" | "lee" | "ola", shared: boolean, profile: Partial<Profile> & Pick<Profile, "muscle" | "side" | "severity" | "grade" | "onsetAgo" | "stage">];

const base = { achilles: false, priorStrains: 0, preInjuryWeeklyKm: 35 } as const;

// Stage, onset and story per runner. Comments say which flag or criterion each one shows.
// Onsets leave each runner the time the engine needs to reach their stage (soleus strains
// about three times the days of gastrocnemius strains); a progression the engine would not
// have suggested on its day is recorded as an override with its reason (db/seed/confirm.ts).
const DEMO: Row[] = [
  ["Marta", "Müller", "female", 44, "kim", false, { muscle: "medial_gastrocnemius", side: "left", severity: "strain", grade: 2, onsetAgo: 12, stage: 0 }],
  // Five of seven symptom-free days logged, ending the day before yesterday (yesterday and today
  // not logged yet), heel raises at target: logging those two days opens the gate.
  ["Daniel", "Okafor", "male", 47, "kim", false, { muscle: "medial_gastrocnemius", side: "right", severity: "strain", grade: 1, onsetAgo: 16, stage: 0, symptomFreeDays: 5 }],
  ["José", "Ramírez", "male", 52, "kim", true, { muscle: "soleus", side: "left", severity: "strain", grade: 2, onsetAgo: 55, stage: 1, priorStrains: 2, preInjuryWeeklyKm: 45 }],
  ["Aoife", "Byrne", "female", 31, "kim", false, { muscle: "lateral_gastrocnemius", side: "right", severity: "spasm", grade: 1, onsetAgo: 2, stage: 0, noLogs: true }],
  // Stop-level run: pain 6 during, 4 next morning.
  ["Tom", "Hendriks", "male", 58, "kim", false, { muscle: "medial_gastrocnemius", side: "left", severity: "strain", grade: 2, onsetAgo: 34, stage: 1, badLastRun: true, preInjuryWeeklyKm: 30 }],
  ["Priya", "Nair", "female", 38, "kim", false, { muscle: "soleus", side: "right", severity: "strain", grade: 1, onsetAgo: 75, stage: 2, preInjuryWeeklyKm: 40 }],
  // Back-to-back run days in the continuous-easy stage.
  ["Lars", "Lindqvist", "male", 49, "kim", true, { muscle: "medial_gastrocnemius", side: "right", severity: "strain", grade: 2, onsetAgo: 45, stage: 2, backToBack: true, achilles: true, preInjuryWeeklyKm: 50 }],
  ["Hannah", "Schäfer", "female", 27, "kim", false, { muscle: "lateral_gastrocnemius", side: "left", severity: "strain", grade: 1, onsetAgo: 70, stage: 3, preInjuryWeeklyKm: 55 }],
  // Returned three weeks ago: inside the six-week re-injury window.
  ["Kwame", "Mensah", "male", 41, "kim", false, { muscle: "medial_gastrocnemius", side: "left", severity: "tear", grade: 3, onsetAgo: 130, stage: 5, returnedAgo: 21, achilles: true, priorStrains: 1, preInjuryWeeklyKm: 60 }],
  // Recently re-injured on the same side (a recurrence).
  ["Sofia", "Rossi", "female", 46, "kim", false, { muscle: "medial_gastrocnemius", side: "right", severity: "strain", grade: 2, onsetAgo: 9, stage: 0, priorStrains: 2 }],
  // No log for more than a week.
  ["Ben", "Carter", "male", 36, "kim", false, { muscle: "soleus", side: "both", severity: "strain", grade: 1, onsetAgo: 30, stage: 0, logGapAtEnd: 9 }],
  ["Zoë", "Laurent", "female", 33, "kim", false, { muscle: "medial_gastrocnemius", side: "left", severity: "spasm", grade: 1, onsetAgo: 95, stage: 4, preInjuryWeeklyKm: 48 }],
  // A run logged before the return-to-run gate was met.
  ["Grace", "O'Neill", "female", 55, "lee", false, { muscle: "medial_gastrocnemius", side: "left", severity: "strain", grade: 2, onsetAgo: 14, stage: 0, runBeforeGate: true }],
  // Pain rising again (daily pain 0 → 3).
  ["Mateo", "García", "male", 29, "lee", false, { muscle: "lateral_gastrocnemius", side: "right", severity: "strain", grade: 1, onsetAgo: 50, stage: 2, flareUp: true, preInjuryWeeklyKm: 42 }],
  ["Yuki", "Tanaka", "female", 42, "lee", true, { muscle: "soleus", side: "left", severity: "tear", grade: 2, onsetAgo: 125, stage: 3, preInjuryWeeklyKm: 38 }],
  ["Ahmed", "Haddad", "male", 63, "lee", false, { muscle: "medial_gastrocnemius", side: "right", severity: "tear", grade: 3, onsetAgo: 25, stage: 0, achilles: true, priorStrains: 3 }],
  ["Ingrid", "Johansson", "female", 50, "lee", false, { muscle: "medial_gastrocnemius", side: "both", severity: "strain", grade: 2, onsetAgo: 28, stage: 1 }],
  // Returned two months ago: past the re-injury window.
  ["Chen", "Wei", "male", 39, "lee", false, { muscle: "soleus", side: "right", severity: "strain", grade: 2, onsetAgo: 185, stage: 5, returnedAgo: 60, preInjuryWeeklyKm: 52 }],
  // Severe gait fault unresolved at the last assessment.
  ["Olivia", "Brown", "female", 24, "lee", false, { muscle: "lateral_gastrocnemius", side: "left", severity: "spasm", grade: 1, onsetAgo: 21, stage: 1, severeGaitFault: true }],
  ["Samuel", "Adeyemi", "male", 45, "lee", false, { muscle: "medial_gastrocnemius", side: "left", severity: "strain", grade: 1, onsetAgo: 95, stage: 4, preInjuryWeeklyKm: 64 }],
  ["Noor", "Al-Sayed", "female", 35, "lee", false, { muscle: "unsure", side: "right", severity: "spasm", grade: 1, onsetAgo: 5, stage: 0 }],
  ["Pierre", "Dubois", "male", 67, "lee", false, { muscle: "soleus", side: "left", severity: "strain", grade: 2, onsetAgo: 55, stage: 1, priorStrains: 1, achilles: true }],
  ["Ewa", "Kowalczyk", "female", 40, "lee", true, { muscle: "medial_gastrocnemius", side: "right", severity: "strain", grade: 1, onsetAgo: 65, stage: 3, preInjuryWeeklyKm: 36 }],
  ["Rafael", "Costa", "male", 19, "lee", false, { muscle: "lateral_gastrocnemius", side: "right", severity: "spasm", grade: 1, onsetAgo: 100, stage: 5, returnedAgo: 10, preInjuryWeeklyKm: 40 }],
];

const NORTHSIDE: Row[] = [
  ["Fiona", "MacLeod", "female", 37, "ola", false, { muscle: "medial_gastrocnemius", side: "left", severity: "strain", grade: 2, onsetAgo: 18, stage: 0 }],
  ["Jonas", "Berg", "male", 53, "ola", false, { muscle: "soleus", side: "right", severity: "strain", grade: 1, onsetAgo: 75, stage: 2 }],
  ["Amara", "Diallo", "female", 30, "ola", false, { muscle: "lateral_gastrocnemius", side: "both", severity: "spasm", grade: 1, onsetAgo: 90, stage: 4 }],
  ["Victor", "Novak", "male", 60, "ola", false, { muscle: "medial_gastrocnemius", side: "right", severity: "tear", grade: 3, onsetAgo: 145, stage: 5, returnedAgo: 35 }],
];

function toSeed(row: Row, index: number, prefix: string, ids: Record<string, string>): PatientSeed {
  const [givenName, familyName, sex, age, who, shared, profile] = row;
  const other = who === "kim" ? "lee" : "kim";
  const seed: PatientSeed = {
    givenName,
    familyName,
    sex,
    age,
    recordNumber: `${prefix}-${1001 + index}`,
    therapistId: ids[who]!,
    careTeam: shared && ids[other] ? [ids[other]] : [],
    email: `runner${index + 1}@example.test`,
    phone: `+44 7700 900${String(100 + index).slice(-3)}`,
    runsPerWeek: 3 + (index % 3),
    goalRace: index % 3 === 0 ? "City Half Marathon" : index % 3 === 1 ? "Parkrun PB" : null,
    notes: index === 0 ? "Desk job; long commute by car. Wants to run the autumn half." : null,
    profile: { ...base, ...profile },
  };
  if (familyName === "Rossi") seed.previousEpisode = { onsetAgo: 160, returnedAgo: 110, closedAgo: 60 };
  return seed;
}

/** Fills an empty database with the demo clinics. Returns false when data already exists. */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
  const existing = db.select({ id: s.clinics.id }).from(s.clinics).limit(1).all();
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rng = createRng(20260101);
  const demoId = rng.uuid();
  const northId = rng.uuid();
  const ids: Record<string, string> = { admin: rng.uuid(), kim: rng.uuid(), lee: rng.uuid(), ola: rng.uuid() };
  const timeZone = "Europe/London";
  const today = todayIn(timeZone, now);
  db.transaction((tx) => {
    tx.insert(s.clinics).values([
      { id: demoId, name: DEMO_CLINIC, timeZone },
      { id: northId, name: NORTHSIDE_CLINIC, timeZone },
    ]).run();
    tx.insert(s.users).values([
      { id: ids.admin!, clinicId: demoId, email: "admin@springback.test", name: "Alex Admin", role: "admin", passwordHash },
      { id: ids.kim!, clinicId: demoId, email: "kim@springback.test", name: "Kim Park", role: "therapist", passwordHash },
      { id: ids.lee!, clinicId: demoId, email: "lee@springback.test", name: "Lee Jordan", role: "therapist", passwordHash },
      { id: ids.ola!, clinicId: northId, email: "ola@northside.test", name: "Ola Nordmann", role: "therapist", passwordHash },
    ]).run();
    const patientIds = [
      ...DEMO.map((row, i) => insertPatient(tx, demoId, toSeed(row, i, "SB", ids), today, rng)),
      ...NORTHSIDE.map((row, i) => insertPatient(tx, northId, toSeed(row, i, "NR", ids), today, rng)),
    ];
    // The stored status the caseload reads comes from the same engine as every later write.
    for (const id of patientIds) recomputePatientStatus(tx, id, today);
  });
  return true;
}
