/**
 * Generates a large synthetic clinic into a fresh database file for the benchmark:
 * by default 5,000 runners over three years (about 1,000,000 daily-log pain scores,
 * 300,000 runs and 20,000 assessments), 20 therapists, an admin, and one runner with
 * three years of daily logs and runs. Deterministic for a given seed and day.
 *
 *   npx tsx scripts/bench/generate.ts [--patients 5000] [--out data/bench/springback-bench.db]
 *
 * Histories come from the demo generator (db/seed/history.ts); rows are written with
 * prepared statements, one transaction per batch of runners. All data is synthetic.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/client";
import type { InjurySeverity, Muscle, Sex, Side } from "../../lib/domain/vocabulary";
import { generateHistory, type History, type Profile } from "../../db/seed/history";
import { createRng, type Rng } from "../../db/seed/random";
import { hashPassword } from "../../lib/auth/password";
import { addDays, todayIn } from "../../lib/domain/dates";
import { foldForSearch } from "../../lib/domain/text";
import { recomputeAllStatuses } from "../../lib/dal/status";

export const BENCH_PASSWORD = "springback-bench";
export const BENCH_ADMIN = "admin@bench.test";
export const BENCH_LONG_RECORD = "BN-LONG";
const TIME_ZONE = "Europe/London";
const YEARS_DAYS = 3 * 365;

export type GenerateOptions = {
  patients: number;
  file: string;
  therapists?: number;
  seed?: number;
  now?: Date;
  /** Keep the file when it already holds a generated clinic (while iterating on one measure). */
  reuse?: boolean;
  log?: (line: string) => void;
};

export type GeneratedClinic = {
  file: string;
  today: string;
  clinicId: string;
  adminEmail: string;
  therapistEmails: string[];
  longPatientId: string;
  counts: { patients: number; therapists: number; dailyLogs: number; painScores: number; runs: number; assessments: number; injuries: number; seconds: number };
};

const GIVEN = ["Ada", "Bram", "Chloé", "Dev", "Elif", "Finn", "Gita", "Hugo", "Ines", "Jon", "Kai", "Lena", "Milo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sami", "Tess", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zeno"];
const FAMILY = ["Abbott", "Berger", "Castillo", "Dahl", "Eriksen", "Fontaine", "Gómez", "Hale", "Ivanova", "Jansen", "Kaur", "Larsen", "Moreau", "Nowak", "Osei", "Petrov", "Quist", "Reyes", "Sato", "Thorne", "Ueda", "Vidal", "Weber", "Yilmaz", "Zhou", "Ølstad"];
const MUSCLES: Muscle[] = ["medial_gastrocnemius", "medial_gastrocnemius", "lateral_gastrocnemius", "soleus", "unsure"];
const SIDES: Side[] = ["left", "right", "left", "right", "both"];
const SEVERITIES: InjurySeverity[] = ["spasm", "strain", "strain", "strain", "tear"];
const SEXES: Sex[] = ["female", "male", "female", "male", "other"];

/** Later-stage logging chosen so pain scores, runs and assessments keep the proportions. */
const LATER_LOG_PROBABILITY = 0.25;

type Episode = { profile: Profile; end: string; status: "active" | "returned" | "closed"; closedDate: string | null };

/** The stage an ongoing episode of `days` has reached (with some spread). */
function stageFor(days: number, rng: Rng): Profile["stage"] {
  const nominal = days < 18 ? 0 : days < 40 ? 1 : days < 60 ? 2 : days < 85 ? 3 : days < 110 ? 4 : 5;
  const jitter = rng.chance(0.3) ? -1 : 0;
  return Math.max(days < 12 ? 0 : 1, Math.min(5, nominal + jitter)) as Profile["stage"];
}

function profileFor(rng: Rng, onsetAgo: number, stage: Profile["stage"], returnedAgo?: number): Profile {
  const severity = rng.pick(SEVERITIES);
  return {
    muscle: rng.pick(MUSCLES),
    side: rng.pick(SIDES),
    severity,
    grade: (severity === "spasm" ? 1 : rng.int(1, severity === "tear" ? 3 : 2)) as 1 | 2 | 3,
    achilles: rng.chance(0.1),
    priorStrains: rng.int(0, 2),
    onsetAgo,
    stage,
    returnedAgo,
    preInjuryWeeklyKm: rng.int(15, 70),
    flareUp: stage >= 2 && stage < 5 && rng.chance(0.05),
    badLastRun: stage >= 1 && stage < 5 && rng.chance(0.04),
    logGapAtEnd: stage < 5 && rng.chance(0.08) ? rng.int(8, 14) : 0,
    laterLogProbability: LATER_LOG_PROBABILITY,
  };
}

/**
 * One to three episodes, oldest first, inside the last three years. The latest is ongoing
 * (about half the runners), or finished: returned, or closed some weeks after the return.
 */
function episodesFor(rng: Rng, today: string): Episode[] {
  const count = rng.chance(0.6) ? 1 : rng.chance(0.7) ? 2 : 3;
  const episodes: Episode[] = [];
  let cursor = rng.int(0, 120); // days ago the latest episode ends
  for (let i = 0; i < count; i++) {
    const ongoing = i === 0 && cursor < 60 && rng.chance(0.85);
    if (ongoing) cursor = 0;
    const length = ongoing ? rng.int(3, 150) : rng.int(60, 170);
    if (cursor + length > YEARS_DAYS) break;
    const end = addDays(today, -cursor);
    if (ongoing) {
      const stage = stageFor(length, rng);
      const returnedAgo = stage === 5 ? rng.int(5, Math.max(6, length - 100)) : undefined;
      episodes.push({ profile: profileFor(rng, length, stage, returnedAgo), end, status: stage === 5 ? "returned" : "active", closedDate: null });
    } else {
      const closed = i > 0 || rng.chance(0.6);
      episodes.push({ profile: profileFor(rng, length, 5, rng.int(10, 40)), end, status: closed ? "closed" : "returned", closedDate: closed ? end : null });
    }
    cursor += length + rng.int(30, 300);
  }
  return episodes.reverse();
}

/** The runner with three years of daily logs and runs, returned long ago and still logging. */
function longHistoryEpisode(today: string): Episode {
  const profile: Profile = {
    muscle: "soleus",
    side: "left",
    severity: "strain",
    grade: 2,
    achilles: false,
    priorStrains: 1,
    onsetAgo: YEARS_DAYS,
    stage: 5,
    returnedAgo: YEARS_DAYS - 150,
    preInjuryWeeklyKm: 45,
    laterLogProbability: 1,
  };
  return { profile, end: today, status: "returned", closedDate: null };
}

function painCount(h: History): number {
  let n = 0;
  for (const l of h.dailyLogs) for (const v of [l.painRest, l.painDaily, l.painWalk, l.painCycle, l.painSwim]) if (v !== null) n++;
  return n;
}

function parseArgs(argv: string[]): { patients: number; out: string } {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const patients = Number(get("patients") ?? 5000);
  if (!Number.isInteger(patients) || patients < 10) throw new Error("--patients must be a whole number of at least 10");
  return { patients, out: path.resolve(get("out") ?? "data/bench/springback-bench.db") };
}

/** What an already generated database holds. */
function describeExisting(file: string, now: Date): GeneratedClinic {
  const db = new Database(file, { readonly: true });
  try {
    const one = <T>(q: string) => db.prepare(q).get() as T;
    const pains = ["pain_rest", "pain_daily", "pain_walk", "pain_cycle", "pain_swim"].map((c) => `count(${c})`).join(" + ");
    const counts = one<GeneratedClinic["counts"]>(
      `select (select count(*) from patients) patients, (select count(*) from users where role = 'therapist') therapists,
        (select count(*) from daily_logs) dailyLogs, (select ${pains} from daily_logs) painScores, (select count(*) from runs) runs,
        (select count(*) from assessments) assessments, (select count(*) from injuries) injuries, 0 seconds`,
    );
    return {
      file,
      today: todayIn(TIME_ZONE, now),
      clinicId: one<{ id: string }>("select id from clinics").id,
      adminEmail: BENCH_ADMIN,
      therapistEmails: (db.prepare("select email from users where role = 'therapist' order by email").pluck().all() as string[]),
      longPatientId: one<{ id: string }>(`select id from patients where record_number = '${BENCH_LONG_RECORD}'`).id,
      counts,
    };
  } finally {
    db.close();
  }
}

export async function generateClinic(options: GenerateOptions): Promise<GeneratedClinic> {
  if (options.reuse && fs.existsSync(options.file)) return describeExisting(options.file, options.now ?? new Date());
  const started = Date.now();
  const log = options.log ?? (() => {});
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(options.file + suffix, { force: true });
  const db = openDatabase(options.file);
  const sqlite = db.$client;
  // Generation only: a crash means generating again, so no fsync per batch.
  sqlite.pragma("synchronous = OFF");
  const rng = createRng(options.seed ?? 20260301);
  const today = todayIn(TIME_ZONE, options.now ?? new Date());
  const clinicId = rng.uuid();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const therapistCount = options.therapists ?? 20;
  const adminId = rng.uuid();
  const therapists = Array.from({ length: therapistCount }, (_, i) => ({
    id: rng.uuid(),
    email: `therapist${String(i + 1).padStart(2, "0")}@bench.test`,
    name: `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]} (PT)`,
  }));

  const st = {
    clinic: sqlite.prepare("insert into clinics (id, name, time_zone) values (?, ?, ?)"),
    user: sqlite.prepare("insert into users (id, clinic_id, email, name, role, password_hash) values (?, ?, ?, ?, ?, ?)"),
    patient: sqlite.prepare(
      `insert into patients (id, clinic_id, record_number, given_name, family_name, search_text, date_of_birth, sex, email, phone,
        pre_injury_weekly_km, runs_per_week, years_running, usual_surface, primary_therapist_id, archived_at, last_activity_at, created_at, updated_at)
       values (@id, @clinicId, @recordNumber, @givenName, @familyName, @searchText, @dateOfBirth, @sex, @email, @phone,
        @km, @runsPerWeek, @yearsRunning, @surface, @therapistId, @archivedAt, @lastActivityAt, @createdAt, @createdAt)`,
    ),
    lastActivity: sqlite.prepare("update patients set last_activity_at = ? where id = ?"),
    careTeam: sqlite.prepare("insert into care_team (clinic_id, patient_id, user_id, added_by) values (?, ?, ?, ?)"),
    injury: sqlite.prepare(
      `insert into injuries (id, clinic_id, patient_id, side, muscle, severity, grade, achilles, onset_date, activity, prior_strains, is_recurrence,
        status, return_date, closed_date, created_by, created_at, updated_at)
       values (@id, @clinicId, @patientId, @side, @muscle, @severity, @grade, @achilles, @onsetDate, @activity, @priorStrains, @isRecurrence,
        @status, @returnDate, @closedDate, @createdBy, @createdAt, @createdAt)`,
    ),
    log: sqlite.prepare(
      `insert into daily_logs (id, clinic_id, patient_id, injury_id, log_date, pain_rest, pain_daily, walk_minutes, pain_walk, cycle_minutes, pain_cycle,
        swim_minutes, pain_swim, massage_sessions, ice_sessions, compression, note, created_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    run: sqlite.prepare(
      `insert into runs (id, clinic_id, patient_id, injury_id, run_date, kind, walk_minutes, run_minutes, repetitions, continuous_minutes, distance_km,
        pain_during, pain_next_morning, surface, note, created_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    assessment: sqlite.prepare(
      `insert into assessments (id, clinic_id, patient_id, injury_id, assessed_on, method, setting, speed_kmh, toe_out_severity, fpa_left_deg, fpa_right_deg,
        pelvic_severity, pelvic_tilt_deg, thomas_left, thomas_right, glute_left, glute_right, overstride_severity, cadence_spm, strike_ahead_cm,
        shin_angle_deg, calf_severity, knee_to_wall_left_cm, knee_to_wall_right_cm, heel_raises_left, heel_raises_right, plan_cues, cadence_target_spm,
        created_by, created_at, updated_at)
       values (@id, @clinicId, @patientId, @injuryId, @assessedOn, @method, @setting, @speedKmh, @toeOutSeverity, @fpaLeftDeg, @fpaRightDeg,
        @pelvicSeverity, @pelvicTiltDeg, @thomasLeft, @thomasRight, @gluteLeft, @gluteRight, @overstrideSeverity, @cadenceSpm, @strikeAheadCm,
        @shinAngleDeg, @calfSeverity, @kneeToWallLeftCm, @kneeToWallRightCm, @heelRaisesLeft, @heelRaisesRight, @planCues, @cadenceTargetSpm,
        @createdBy, @createdAt, @createdAt)`,
    ),
    stage: sqlite.prepare(
      `insert into stage_changes (id, clinic_id, patient_id, injury_id, from_stage, to_stage, kind, reason, effective_date, changed_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  const counts = { patients: 0, therapists: therapistCount, dailyLogs: 0, painScores: 0, runs: 0, assessments: 0, injuries: 0, seconds: 0 };
  sqlite.transaction(() => {
    st.clinic.run(clinicId, "Bench Sports Physio", TIME_ZONE);
    st.user.run(adminId, clinicId, BENCH_ADMIN, "Bea Admin", "admin", passwordHash);
    for (const t of therapists) st.user.run(t.id, clinicId, t.email, t.name, "therapist", passwordHash);
  })();

  const writeEpisode = (patientId: string, therapistId: string, e: Episode, isRecurrence: boolean): string => {
    const h = generateHistory(e.profile, e.end, rng);
    const p = e.profile;
    const injuryId = rng.uuid();
    const at = (day: string) => `${day}T09:00:00.000Z`;
    st.injury.run({
      id: injuryId,
      clinicId,
      patientId,
      side: p.side,
      muscle: p.muscle,
      severity: p.severity,
      grade: p.grade,
      achilles: p.achilles ? 1 : 0,
      onsetDate: h.onsetDate,
      activity: rng.pick(["easy_run", "speed_work", "hills", "race", "other"]),
      priorStrains: p.priorStrains,
      isRecurrence: isRecurrence ? 1 : 0,
      status: e.status,
      returnDate: h.returnDate,
      closedDate: e.closedDate,
      createdBy: therapistId,
      createdAt: at(h.onsetDate),
    });
    for (const l of h.dailyLogs) {
      st.log.run(rng.uuid(), clinicId, patientId, injuryId, l.logDate, l.painRest, l.painDaily, l.walkMinutes, l.painWalk, l.cycleMinutes, l.painCycle, l.swimMinutes, l.painSwim, l.massageSessions, l.iceSessions, l.compression === null ? null : l.compression ? 1 : 0, l.note, therapistId, at(l.logDate), at(l.logDate));
    }
    for (const r of h.runs) {
      st.run.run(rng.uuid(), clinicId, patientId, injuryId, r.runDate, r.kind, r.walkMinutes, r.runMinutes, r.repetitions, r.continuousMinutes, r.distanceKm, r.painDuring, r.painNextMorning, r.surface, r.note, therapistId, at(r.runDate), at(r.runDate));
    }
    for (const a of h.assessments) st.assessment.run({ id: rng.uuid(), clinicId, patientId, injuryId, ...a, createdBy: therapistId, createdAt: at(a.assessedOn) });
    for (const c of h.stageChanges) st.stage.run(rng.uuid(), clinicId, patientId, injuryId, c.fromStage, c.toStage, c.kind, c.reason, c.effectiveDate, therapistId, `${c.effectiveDate}T00:00:00.000Z`);
    counts.injuries++;
    counts.dailyLogs += h.dailyLogs.length;
    counts.painScores += painCount(h);
    counts.runs += h.runs.length;
    counts.assessments += h.assessments.length;
    return h.dailyLogs.at(-1)?.logDate ?? h.onsetDate;
  };

  let longPatientId = "";
  const writePatient = (index: number) => {
    const patientId = rng.uuid();
    const long = index === 0;
    const given = rng.pick(GIVEN);
    const family = rng.pick(FAMILY);
    const recordNumber = long ? BENCH_LONG_RECORD : `BN-${String(index).padStart(6, "0")}`;
    const therapist = therapists[index % therapists.length]!;
    const episodes = long ? [longHistoryEpisode(today)] : episodesFor(rng, today);
    const firstOnset = addDays(episodes[0]!.end, -episodes[0]!.profile.onsetAgo);
    st.patient.run({
      id: patientId,
      clinicId,
      recordNumber,
      givenName: given,
      familyName: family,
      searchText: foldForSearch(`${given} ${family} ${recordNumber}`),
      dateOfBirth: `${rng.int(1955, 2005)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      sex: rng.pick(SEXES),
      email: `runner${index}@example.test`,
      phone: null,
      km: episodes[0]!.profile.preInjuryWeeklyKm,
      runsPerWeek: rng.int(2, 6),
      yearsRunning: rng.int(1, 30),
      surface: rng.pick(["road", "trail", "mixed", "track"]),
      therapistId: therapist.id,
      archivedAt: !long && rng.chance(0.03) ? `${today}T08:00:00.000Z` : null,
      lastActivityAt: null,
      createdAt: `${firstOnset}T08:00:00.000Z`,
    });
    if (!long && rng.chance(0.1)) st.careTeam.run(clinicId, patientId, therapists[(index + 7) % therapists.length]!.id, therapist.id);
    let last = firstOnset;
    episodes.forEach((e, i) => (last = writeEpisode(patientId, therapist.id, e, i > 0)));
    st.lastActivity.run(`${last}T18:00:00.000Z`, patientId);
    if (long) longPatientId = patientId;
    counts.patients++;
  };

  const BATCH = 250;
  for (let start = 0; start < options.patients; start += BATCH) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(options.patients, start + BATCH); i++) writePatient(i);
    })();
    if ((start / BATCH) % 4 === 3) log(`${counts.patients} runners written`);
  }

  log("computing every runner's derived status");
  recomputeAllStatuses({ db, now: options.now });
  sqlite.pragma("synchronous = FULL");
  sqlite.exec("analyze");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  counts.seconds = Math.round((Date.now() - started) / 100) / 10;
  return { file: options.file, today, clinicId, adminEmail: BENCH_ADMIN, therapistEmails: therapists.map((t) => t.email), longPatientId, counts };
}

async function main() {
  const { patients, out } = parseArgs(process.argv.slice(2));
  const clinic = await generateClinic({ patients, file: out, log: (l) => console.log(`[generate] ${l}`) });
  console.log(`[generate] ${out}: ${JSON.stringify(clinic.counts)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
