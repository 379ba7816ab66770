/** Writes generated patients and their histories (demo clinic and benchmark). */
import type { Db } from "../client";
import * as s from "../schema";
import type { Sex } from "../../lib/domain/vocabulary";
import { foldForSearch } from "../../lib/domain/text";
import { confirmStageChanges } from "./confirm";
import { recurrenceClassFor } from "../../lib/domain/recurrence";
import { generateHistory, type Profile } from "./history";
import type { Rng } from "./random";

export type PatientSeed = {
  givenName: string;
  familyName: string;
  sex: Sex;
  age: number;
  recordNumber: string;
  therapistId: string;
  careTeam?: string[];
  email?: string | null;
  phone?: string | null;
  runsPerWeek?: number;
  goalRace?: string | null;
  goalRaceDate?: string | null;
  notes?: string | null;
  profile: Profile;
  /** A previous, closed episode on the same side (a recurrence story). */
  previousEpisode?: { onsetAgo: number; returnedAgo: number; closedAgo: number };
};

export function insertPatient(tx: Pick<Db, "insert">, clinicId: string, seed: PatientSeed, today: string, rng: Rng): string {
  const patientId = rng.uuid();
  const generated = generateHistory(seed.profile, today, rng);
  // The demo's progressions are the engine's suggestions, or overrides that say why.
  const history = { ...generated, stageChanges: confirmStageChanges(generated, seed.profile, { isRecurrence: Boolean(seed.previousEpisode) }, { age: seed.age, sex: seed.sex }) };
  const birthYear = Number(today.slice(0, 4)) - seed.age;
  const dateOfBirth = `${birthYear}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  const lastActivity = history.dailyLogs.at(-1)?.logDate ?? history.onsetDate;
  tx.insert(s.patients)
    .values({
      id: patientId,
      clinicId,
      recordNumber: seed.recordNumber,
      givenName: seed.givenName,
      familyName: seed.familyName,
      searchText: foldForSearch(`${seed.givenName} ${seed.familyName} ${seed.recordNumber}`),
      dateOfBirth,
      sex: seed.sex,
      email: seed.email ?? null,
      phone: seed.phone ?? null,
      preInjuryWeeklyKm: seed.profile.preInjuryWeeklyKm,
      runsPerWeek: seed.runsPerWeek ?? 4,
      yearsRunning: rng.int(1, 25),
      goalRace: seed.goalRace ?? null,
      goalRaceDate: seed.goalRaceDate ?? null,
      usualSurface: rng.pick(["road", "trail", "mixed", "track"]),
      notes: seed.notes ?? null,
      primaryTherapistId: seed.therapistId,
      lastActivityAt: `${lastActivity}T18:00:00.000Z`,
    })
    .run();
  for (const userId of seed.careTeam ?? []) {
    tx.insert(s.careTeam).values({ clinicId, patientId, userId, addedBy: seed.therapistId }).run();
  }
  const p = seed.profile;
  if (seed.previousEpisode) {
    const prev = seed.previousEpisode;
    const day = (ago: number) => new Date(Date.parse(`${today}T00:00:00Z`) - ago * 86_400_000).toISOString().slice(0, 10);
    tx.insert(s.injuries)
      .values({
        id: rng.uuid(),
        clinicId,
        patientId,
        side: p.side,
        muscle: p.muscle,
        severity: "strain",
        grade: 1,
        achilles: false,
        onsetDate: day(prev.onsetAgo),
        activity: "speed_work",
        mechanism: "Tightness then a sharp pull during intervals.",
        priorStrains: Math.max(0, p.priorStrains - 1),
        status: "closed",
        returnDate: day(prev.returnedAgo),
        closedDate: day(prev.closedAgo),
        createdBy: seed.therapistId,
      })
      .run();
  }
  const injuryId = rng.uuid();
  tx.insert(s.injuries)
    .values({
      id: injuryId,
      clinicId,
      patientId,
      side: p.side,
      muscle: p.muscle,
      severity: p.severity,
      grade: p.grade,
      achilles: p.achilles,
      onsetDate: history.onsetDate,
      activity: rng.pick(["easy_run", "speed_work", "hills", "race", "easy_run"] as const),
      mechanism: rng.pick([
        "Faint tightness, then a sudden grab-and-tear a few strides later.",
        "Pulled up on a hill repeat; could not run on.",
        "Felt a pop pushing off at the start of a tempo.",
        "Gradual tightening over the last 2 km.",
      ]),
      priorStrains: p.priorStrains,
      isRecurrence: Boolean(seed.previousEpisode),
      // Fuller 2006: classed against the previous episode's return (lib/domain/recurrence.ts).
      recurrenceClass: seed.previousEpisode ? recurrenceClassFor(new Date(Date.parse(`${today}T00:00:00Z`) - seed.previousEpisode.returnedAgo * 86_400_000).toISOString().slice(0, 10), history.onsetDate) : "none",
      status: p.stage === 5 ? "returned" : "active",
      returnDate: history.returnDate,
      createdBy: seed.therapistId,
    })
    .run();
  const common = { clinicId, patientId, injuryId, createdBy: seed.therapistId };
  for (const log of history.dailyLogs) tx.insert(s.dailyLogs).values({ id: rng.uuid(), ...common, ...log }).run();
  for (const run of history.runs) tx.insert(s.runs).values({ id: rng.uuid(), ...common, ...run }).run();
  for (const a of history.assessments) tx.insert(s.assessments).values({ id: rng.uuid(), ...common, ...a }).run();
  for (const c of history.stageChanges) {
    tx.insert(s.stageChanges)
      .values({ id: rng.uuid(), clinicId, patientId, injuryId, ...c, changedBy: seed.therapistId, changedAt: `${c.effectiveDate}T00:00:00.000Z` })
      .run();
  }
  tx.insert(s.patientStatus).values({ patientId, clinicId, injuryId, stage: p.stage }).run();
  return patientId;
}
