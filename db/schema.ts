/**
 * The Springback data model. Every row of clinic data carries `clinic_id`, so a future
 * multi-clinic deployment needs no schema change, and every DAL query filters by it.
 *
 * Calendar days (onset, log and run dates) are `YYYY-MM-DD` text in the clinic's time
 * zone; moments (created, updated, audit) are ISO-8601 UTC text.
 */
import { sql } from "drizzle-orm";
import {
  ASSESSMENT_METHODS,
  DISTANCE_UNITS,
  ASSESSMENT_SETTINGS,
  ENTRY_SOURCES,
  FAULT_SEVERITIES,
  INJURY_ACTIVITIES,
  INJURY_SEVERITIES,
  INJURY_STATUSES,
  MUSCLES,
  RECURRENCE_CLASSES,
  RUN_KINDS,
  SEXES,
  SIDES,
  STAGE_CHANGE_KINDS,
  THOMAS_RESULTS,
  USER_ROLES,
  VIDEO_MEASURE_FIELDS,
  VIDEO_MEASURE_TOOLS,
} from "../lib/domain/vocabulary";
import {
  sqliteTable,
  text,
  integer,
  real,
  index,
  uniqueIndex,
  primaryKey,
  check,
  blob,
} from "drizzle-orm/sqlite-core";

const id = () => text("id").primaryKey();
const createdAt = () => text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const updatedAt = () => text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const clinicRef = () =>
  text("clinic_id")
    .notNull()
    .references(() => clinics.id);

export const clinics = sqliteTable("clinics", {
  id: id(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull().default("Europe/London"),
  /** The unit distances are typed and shown in, unless a user chose their own. */
  distanceUnit: text("distance_unit", { enum: DISTANCE_UNITS }).notNull().default("km"),
  /** Letterhead of the clinic's letters (admin settings): postal address (lines separated by newlines), phone and e-mail. */
  address: text("address"),
  phone: text("phone"),
  email: text("email"),
  /** Days a runner's check-in link stays valid after it is created (admin setting). */
  checkinLinkDays: integer("checkin_link_days").notNull().default(28),
  createdAt: createdAt(),
});


export const users = sqliteTable(
  "users",
  {
    id: id(),
    clinicId: clinicRef(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    passwordHash: text("password_hash").notNull(),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    /** Bumped to end every session of the user (sign out everywhere, disable, reset). */
    sessionVersion: integer("session_version").notNull().default(1),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    /** The user's own distance unit; null follows the clinic's. */
    distanceUnit: text("distance_unit", { enum: DISTANCE_UNITS }),
    /** The signature block of the user's letters: profession (e.g. "Physiotherapist") and professional registration number. */
    profession: text("profession"),
    registrationNumber: text("registration_number"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    index("users_clinic_idx").on(t.clinicId),
    check("users_role_check", sql`${t.role} in ('therapist','admin')`),
  ],
);


export const patients = sqliteTable(
  "patients",
  {
    id: id(),
    clinicId: clinicRef(),
    recordNumber: text("record_number").notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    /** Lower-cased, accent-folded "given family record" used by name search. */
    searchText: text("search_text").notNull(),
    dateOfBirth: text("date_of_birth").notNull(),
    sex: text("sex", { enum: SEXES }).notNull(),
    email: text("email"),
    phone: text("phone"),
    preInjuryWeeklyKm: real("pre_injury_weekly_km"),
    runsPerWeek: integer("runs_per_week"),
    yearsRunning: integer("years_running"),
    goalRace: text("goal_race"),
    goalRaceDate: text("goal_race_date"),
    usualSurface: text("usual_surface"),
    notes: text("notes"),
    primaryTherapistId: text("primary_therapist_id")
      .notNull()
      .references(() => users.id),
    archivedAt: text("archived_at"),
    lastActivityAt: text("last_activity_at"),
    /*
     * The caseload's sort and filter keys, copied from the stored status and the current
     * episode whenever the status is recomputed (lib/dal/caseload-keys.ts), so the dashboard
     * counts, filters, sorts and pages over this one table and its indexes. Null: not
     * computed yet (the caseload computes them on its next read).
     */
    /** 1 while the current episode is open (not closed), else 0. */
    caseloadActive: integer("caseload_active"),
    /** Flagged-first order: 1000 with a stop-level flag, plus the number of flags; 0 unflagged. */
    caseloadFlagRank: integer("caseload_flag_rank"),
    caseloadStage: integer("caseload_stage"),
    caseloadReady: integer("caseload_ready"),
    caseloadStreak: integer("caseload_streak"),
    caseloadPain: integer("caseload_pain"),
    caseloadOnsetDate: text("caseload_onset_date"),
    /** The return date while the episode's status is "returned". */
    caseloadReturnedOn: text("caseload_returned_on"),
    /** "muscle side grade" of the current episode: the injury column's sort key. */
    caseloadInjury: text("caseload_injury"),
    /** 1 while the current episode's red-flag screen is positive and not cleared ("Refer before loading"), else 0. */
    caseloadRefer: integer("caseload_refer"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("patients_clinic_record_unique").on(t.clinicId, t.recordNumber),
    index("patients_clinic_therapist_idx").on(t.clinicId, t.primaryTherapistId),
    index("patients_clinic_name_idx").on(t.clinicId, t.familyName, t.givenName),
    // The caseload: tile counts and filtered totals (covering), and the page order of the
    // default (flags), pain and name sorts over the active, unarchived runners.
    index("patients_caseload_counts_idx").on(t.clinicId, t.caseloadActive, t.archivedAt, t.caseloadReady, t.caseloadFlagRank, t.caseloadReturnedOn, t.caseloadStage),
    index("patients_caseload_flags_idx")
      .on(t.clinicId, sql`${t.caseloadFlagRank} desc`, sql`${t.familyName} collate nocase`, sql`${t.givenName} collate nocase`, t.id)
      .where(sql`${t.archivedAt} is null and ${t.caseloadActive} = 1`),
    index("patients_caseload_pain_idx")
      .on(t.clinicId, sql`${t.caseloadPain} desc`, sql`${t.familyName} collate nocase`, sql`${t.givenName} collate nocase`, t.id)
      .where(sql`${t.archivedAt} is null and ${t.caseloadActive} = 1`),
    index("patients_caseload_name_idx")
      .on(t.clinicId, sql`${t.familyName} collate nocase`, sql`${t.givenName} collate nocase`, t.id)
      .where(sql`${t.archivedAt} is null and ${t.caseloadActive} = 1`),
    check("patients_sex_check", sql`${t.sex} in ('female','male','other','unknown')`),
  ],
);

/** Therapists besides the primary one who may see and edit a patient. */
export const careTeam = sqliteTable(
  "care_team",
  {
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    addedBy: text("added_by").references(() => users.id),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.userId] }), index("care_team_user_idx").on(t.userId, t.patientId)],
);


export const injuries = sqliteTable(
  "injuries",
  {
    id: id(),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    side: text("side", { enum: SIDES }).notNull(),
    muscle: text("muscle", { enum: MUSCLES }).notNull(),
    severity: text("severity", { enum: INJURY_SEVERITIES }).notNull(),
    grade: integer("grade").notNull(),
    achilles: integer("achilles", { mode: "boolean" }).notNull().default(false),
    onsetDate: text("onset_date").notNull(),
    activity: text("activity", { enum: INJURY_ACTIVITIES }),
    mechanism: text("mechanism"),
    priorStrains: integer("prior_strains").notNull().default(0),
    isRecurrence: integer("is_recurrence", { mode: "boolean" }).notNull().default(false),
    /** Fuller 2006 class against the previous episode's return (lib/domain/recurrence.ts); "none" for a first strain. */
    recurrenceClass: text("recurrence_class", { enum: RECURRENCE_CLASSES }).notNull().default("none"),
    status: text("status", { enum: INJURY_STATUSES }).notNull().default("active"),
    returnDate: text("return_date"),
    closedDate: text("closed_date"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("injuries_patient_idx").on(t.patientId, t.onsetDate),
    index("injuries_clinic_status_idx").on(t.clinicId, t.status),
    check("injuries_grade_check", sql`${t.grade} between 1 and 3`),
    check("injuries_status_check", sql`${t.status} in ('active','returned','closed')`),
  ],
);


export const assessments = sqliteTable(
  "assessments",
  {
    id: id(),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    injuryId: text("injury_id")
      .notNull()
      .references(() => injuries.id),
    assessedOn: text("assessed_on").notNull(),
    method: text("method", { enum: ASSESSMENT_METHODS }),
    setting: text("setting", { enum: ASSESSMENT_SETTINGS }),
    speedKmh: real("speed_kmh"),
    footwear: text("footwear"),
    // Excessive toe-out: foot progression angle in degrees, toe-out positive.
    toeOutSeverity: text("toe_out_severity", { enum: FAULT_SEVERITIES }),
    fpaLeftDeg: real("fpa_left_deg"),
    fpaRightDeg: real("fpa_right_deg"),
    toeOutNotes: text("toe_out_notes"),
    // Excessive anterior pelvic tilt.
    pelvicSeverity: text("pelvic_severity", { enum: FAULT_SEVERITIES }),
    pelvicTiltDeg: real("pelvic_tilt_deg"),
    thomasLeft: text("thomas_left", { enum: THOMAS_RESULTS }),
    thomasRight: text("thomas_right", { enum: THOMAS_RESULTS }),
    gluteLeft: integer("glute_left"),
    gluteRight: integer("glute_right"),
    pelvicNotes: text("pelvic_notes"),
    // Overstriding.
    overstrideSeverity: text("overstride_severity", { enum: FAULT_SEVERITIES }),
    cadenceSpm: real("cadence_spm"),
    strikeAheadCm: real("strike_ahead_cm"),
    shinAngleDeg: real("shin_angle_deg"),
    overstrideNotes: text("overstride_notes"),
    // Calf and ankle.
    calfSeverity: text("calf_severity", { enum: FAULT_SEVERITIES }),
    kneeToWallLeftCm: real("knee_to_wall_left_cm"),
    kneeToWallRightCm: real("knee_to_wall_right_cm"),
    heelRaisesLeft: integer("heel_raises_left"),
    heelRaisesRight: integer("heel_raises_right"),
    calfNotes: text("calf_notes"),
    // Plan.
    planCues: text("plan_cues"),
    cadenceTargetSpm: real("cadence_target_spm"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("assessments_patient_date_idx").on(t.patientId, t.assessedOn),
    index("assessments_injury_date_idx").on(t.injuryId, t.assessedOn),
  ],
);

/** The largest still frame stored with a video measure (bytes of JPEG). */
export const ASSESSMENT_FRAME_MAX_BYTES = 200_000;

/**
 * A measure read from a video frame (gait from video): the value sent into one field of an
 * assessment and the still image it was read from (JPEG with the drawn points and lines).
 * The video itself never leaves the therapist's device. One row per assessment and field: a
 * new measure of the same field replaces the old one.
 */
export const assessmentFrames = sqliteTable(
  "assessment_frames",
  {
    id: id(),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    field: text("field", { enum: VIDEO_MEASURE_FIELDS }).notNull(),
    tool: text("tool", { enum: VIDEO_MEASURE_TOOLS }).notNull(),
    /** In the field's unit (degrees, cm, steps/min). */
    value: real("value").notNull(),
    /** The frame's media time in the video, seconds. */
    frameTimeS: real("frame_time_s").notNull(),
    /** JSON: the points (image pixels), calibration, contact times and whether pose suggestions were used. */
    detail: text("detail").notNull(),
    image: blob("image", { mode: "buffer" }).notNull(),
    imageWidth: integer("image_width").notNull(),
    imageHeight: integer("image_height").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("assessment_frames_field_idx").on(t.assessmentId, t.field),
    check("assessment_frames_image_size", sql`length(${t.image}) <= 200000`),
  ],
);

/** One row per injury and calendar day: pain by context and first-steps care. */
export const dailyLogs = sqliteTable(
  "daily_logs",
  {
    id: id(),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    injuryId: text("injury_id")
      .notNull()
      .references(() => injuries.id),
    logDate: text("log_date").notNull(),
    painRest: integer("pain_rest"),
    painDaily: integer("pain_daily"),
    walkMinutes: integer("walk_minutes"),
    painWalk: integer("pain_walk"),
    cycleMinutes: integer("cycle_minutes"),
    painCycle: integer("pain_cycle"),
    swimMinutes: integer("swim_minutes"),
    painSwim: integer("pain_swim"),
    massageSessions: integer("massage_sessions"),
    iceSessions: integer("ice_sessions"),
    compression: integer("compression", { mode: "boolean" }),
    note: text("note"),
    source: text("source", { enum: ENTRY_SOURCES })
      .notNull()
      .default("clinic"),
    /** For an entry the runner reported through a check-in link: the link, and when the entry arrived (ISO UTC). */
    checkinLinkId: text("checkin_link_id").references(() => checkinLinks.id),
    receivedAt: text("received_at"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("daily_logs_injury_date_unique").on(t.injuryId, t.logDate),
    index("daily_logs_patient_date_idx").on(t.patientId, t.logDate),
  ],
);


export const runs = sqliteTable(
  "runs",
  {
    id: id(),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    injuryId: text("injury_id")
      .notNull()
      .references(() => injuries.id),
    runDate: text("run_date").notNull(),
    kind: text("kind", { enum: RUN_KINDS }).notNull(),
    walkMinutes: real("walk_minutes"),
    runMinutes: real("run_minutes"),
    repetitions: integer("repetitions"),
    continuousMinutes: real("continuous_minutes"),
    distanceKm: real("distance_km"),
    painDuring: integer("pain_during").notNull(),
    painNextMorning: integer("pain_next_morning"),
    surface: text("surface"),
    note: text("note"),
    source: text("source", { enum: ENTRY_SOURCES })
      .notNull()
      .default("clinic"),
    /** For an entry the runner reported through a check-in link: the link, and when the entry arrived (ISO UTC). */
    checkinLinkId: text("checkin_link_id").references(() => checkinLinks.id),
    receivedAt: text("received_at"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("runs_patient_date_idx").on(t.patientId, t.runDate),
    index("runs_injury_date_idx").on(t.injuryId, t.runDate),
  ],
);


/**
 * Where an imported run came from and what its watch recorded (the original file is not
 * kept): file name, device and SHA-256 of the content, the totals in SI units, cadence in
 * steps per minute, and per-minute cadence and pace series (JSON) for charts. One row per
 * imported run; a run typed by hand has none. The same start time twice for one patient is
 * refused by the unique index, so a duplicate can never be stored.
 */
export const runSources = sqliteTable(
  "run_sources",
  {
    runId: text("run_id")
      .primaryKey()
      .references(() => runs.id, { onDelete: "cascade" }),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    fileName: text("file_name").notNull(),
    device: text("device"),
    contentHash: text("content_hash").notNull(),
    activityIndex: integer("activity_index").notNull().default(0),
    startedAt: text("started_at").notNull(),
    elapsedS: integer("elapsed_s").notNull(),
    movingS: integer("moving_s").notNull(),
    distanceM: real("distance_m"),
    avgHeartRate: integer("avg_heart_rate"),
    maxHeartRate: integer("max_heart_rate"),
    avgCadenceSpm: real("avg_cadence_spm"),
    gctLeftPct: real("gct_left_pct"),
    stepLengthM: real("step_length_m"),
    laps: text("laps", { mode: "json" }).$type<{ startOffsetS: number; elapsedS: number; distanceM: number | null }[]>(),
    segments: text("segments", { mode: "json" }).$type<{ kind: "walk" | "run"; seconds: number }[]>(),
    series: text("series", { mode: "json" }).$type<{ minute: number; cadenceSpm: number | null; paceSPerKm: number | null }[]>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("run_sources_patient_start_unique").on(t.patientId, t.startedAt),
    index("run_sources_patient_hash_idx").on(t.patientId, t.contentHash, t.activityIndex),
  ],
);

/** Stages are confirmed by a therapist: each confirmation, override or step back is a row. */
export const stageChanges = sqliteTable(
  "stage_changes",
  {
    id: id(),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    injuryId: text("injury_id")
      .notNull()
      .references(() => injuries.id),
    fromStage: integer("from_stage"),
    toStage: integer("to_stage").notNull(),
    kind: text("kind", { enum: STAGE_CHANGE_KINDS }).notNull(),
    reason: text("reason"),
    /** A step back within or into walk-run: the 0-based ladder step the runner restarts at (lib/domain/protocol.ts WALK_RUN_LADDER). */
    toLadderStep: integer("to_ladder_step"),
    effectiveDate: text("effective_date").notNull(),
    changedBy: text("changed_by").references(() => users.id),
    changedAt: createdAt(),
  },
  (t) => [
    index("stage_changes_injury_idx").on(t.injuryId, t.changedAt),
    // A runner's course of care across episodes (the report's timeline), by patient.
    index("stage_changes_patient_idx").on(t.patientId, t.effectiveDate),
    check("stage_changes_stage_check", sql`${t.toStage} between 0 and 5`),
  ],
);

/**
 * The red-flag screen of an injury episode (PRODUCT.md, second edition): one row per
 * episode, one column per item (1 = positive). A positive screen blocks confirming any
 * progression until a clearance is recorded (who, when, a note); adding a positive item
 * after a clearance voids it.
 */
export const redFlagScreens = sqliteTable(
  "red_flag_screens",
  {
    injuryId: text("injury_id")
      .primaryKey()
      .references(() => injuries.id),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    calfSwelling: integer("calf_swelling", { mode: "boolean" }).notNull().default(false),
    calfWarmth: integer("calf_warmth", { mode: "boolean" }).notNull().default(false),
    pittingOedema: integer("pitting_oedema", { mode: "boolean" }).notNull().default(false),
    legLarger: integer("leg_larger", { mode: "boolean" }).notNull().default(false),
    travelOrImmobilised: integer("travel_or_immobilised", { mode: "boolean" }).notNull().default(false),
    recentSurgery: integer("recent_surgery", { mode: "boolean" }).notNull().default(false),
    previousClot: integer("previous_clot", { mode: "boolean" }).notNull().default(false),
    hormonalTherapy: integer("hormonal_therapy", { mode: "boolean" }).notNull().default(false),
    thompsonPositive: integer("thompson_positive", { mode: "boolean" }).notNull().default(false),
    palpableGap: integer("palpable_gap", { mode: "boolean" }).notNull().default(false),
    nightPain: integer("night_pain", { mode: "boolean" }).notNull().default(false),
    numbness: integer("numbness", { mode: "boolean" }).notNull().default(false),
    noMechanism: integer("no_mechanism", { mode: "boolean" }).notNull().default(false),
    screenedBy: text("screened_by").references(() => users.id),
    clearedBy: text("cleared_by").references(() => users.id),
    clearedAt: text("cleared_at"),
    clearanceNote: text("clearance_note"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("red_flag_screens_patient_idx").on(t.patientId),
    check("red_flag_screens_clearance_check", sql`(${t.clearedAt} is null) = (${t.clearedBy} is null) and (${t.clearedAt} is null) = (${t.clearanceNote} is null)`),
  ],
);

/**
 * Derived return-to-run state, one row per patient, rewritten in the same transaction as
 * any write that changes it, so the caseload reads one row per patient.
 */
export const patientStatus = sqliteTable(
  "patient_status",
  {
    patientId: text("patient_id")
      .primaryKey()
      .references(() => patients.id),
    clinicId: clinicRef(),
    injuryId: text("injury_id").references(() => injuries.id),
    stage: integer("stage"),
    readyToProgress: integer("ready_to_progress", { mode: "boolean" }).notNull().default(false),
    symptomFreeStreak: integer("symptom_free_streak").notNull().default(0),
    latestPain: integer("latest_pain"),
    latestPainDate: text("latest_pain_date"),
    lastLogDate: text("last_log_date"),
    /** JSON array of flag codes, e.g. ["pain_rise","stop_pain"]. */
    flags: text("flags").notNull().default("[]"),
    flagCount: integer("flag_count").notNull().default(0),
    nextStep: text("next_step"),
    /** The calendar day the status was computed for (time-based flags age with it). */
    computedFor: text("computed_for"),
    /**
     * JSON: the return-to-run panel of the current episode as the engine computed it for
     * `computedFor` (stage ladder, criteria, flags, next step). Null: not computed yet.
     */
    panel: text("panel"),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("patient_status_clinic_flags_idx").on(t.clinicId, t.flagCount),
    index("patient_status_clinic_stage_idx").on(t.clinicId, t.stage),
  ],
);

/** Per-clinic protocol thresholds (JSON); absent row means the defaults. */
export const protocolSettings = sqliteTable("protocol_settings", {
  clinicId: text("clinic_id")
    .primaryKey()
    .references(() => clinics.id),
  settings: text("settings").notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
});

/** Append-only: triggers in the migration refuse UPDATE and DELETE. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    clinicId: text("clinic_id"),
    userId: text("user_id"),
    action: text("action").notNull(),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    patientId: text("patient_id"),
    detail: text("detail"),
    ip: text("ip"),
    at: text("at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("audit_clinic_at_idx").on(t.clinicId, t.at),
    index("audit_patient_at_idx").on(t.patientId, t.at),
    index("audit_user_at_idx").on(t.userId, t.at),
  ],
);

/** Failed and successful sign-in attempts, for throttling by account and address. */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip"),
    success: integer("success", { mode: "boolean" }).notNull(),
    at: text("at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at), index("sign_in_attempts_ip_at_idx").on(t.ip, t.at)],
);

/**
 * Sessions ended by "Sign out" before their token expired: the token's session id (`sid`
 * claim, fixed at sign-in and kept when the token is re-issued) is refused until the
 * session's absolute lifetime has passed, then the row may be purged.
 */
export const endedSessions = sqliteTable(
  "ended_sessions",
  {
    sid: text("sid").primaryKey(),
    userId: text("user_id").notNull(),
    endedAt: text("ended_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    /** When the session would have expired anyway (ISO UTC); after it the row is not needed. */
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("ended_sessions_expires_idx").on(t.expiresAt)],
);

/**
 * A runner's private check-in link for one injury episode. Only the SHA-256 (hex) of the
 * token is stored (lib/checkin/token.ts); the token itself is shown once, as a URL and a
 * QR code. At most one link per episode is live: creating a link revokes the previous one
 * (the partial unique index refuses a second unrevoked link). A link is usable while it is
 * not revoked and `expires_at` (ISO UTC) has not passed.
 */
export const checkinLinks = sqliteTable(
  "checkin_links",
  {
    id: id(),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    injuryId: text("injury_id")
      .notNull()
      .references(() => injuries.id),
    tokenHash: text("token_hash").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    revokedBy: text("revoked_by").references(() => users.id),
    /** The first exchange of the token for a check-in session, and the latest entry the runner sent (ISO UTC). */
    firstUsedAt: text("first_used_at"),
    lastEntryAt: text("last_entry_at"),
  },
  (t) => [
    uniqueIndex("checkin_links_token_hash_unique").on(t.tokenHash),
    uniqueIndex("checkin_links_live_injury_unique").on(t.injuryId).where(sql`revoked_at is null`),
    index("checkin_links_patient_idx").on(t.patientId, t.createdAt),
  ],
);

/**
 * A browser's check-in session: the first visit of a link's URL exchanges the token for a
 * fresh random session secret, kept in an HttpOnly, SameSite=Strict cookie; only its
 * SHA-256 is stored. It is valid while its link is (revoking the link ends every session).
 */
export const checkinSessions = sqliteTable(
  "checkin_sessions",
  {
    id: id(),
    linkId: text("link_id")
      .notNull()
      .references(() => checkinLinks.id),
    sessionHash: text("session_hash").notNull(),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at"),
  },
  (t) => [uniqueIndex("checkin_sessions_hash_unique").on(t.sessionHash), index("checkin_sessions_link_idx").on(t.linkId)],
);

/**
 * Entries a check-in session has already stored, by the id the phone gave the entry when it
 * was made: an offline entry sent again (or twice) is recognised and stored once.
 */
export const checkinReceipts = sqliteTable(
  "checkin_receipts",
  {
    linkId: text("link_id")
      .notNull()
      .references(() => checkinLinks.id),
    clientEntryId: text("client_entry_id").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.clientEntryId] })],
);

/** Refused check-in tokens and sessions, by client address, for rate limiting bad tokens. */
export const checkinRefusals = sqliteTable(
  "checkin_refusals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ip: text("ip"),
    at: text("at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("checkin_refusals_ip_at_idx").on(t.ip, t.at)],
);

/**
 * The history of corrected entries: before a daily log or run is changed by someone other
 * than who reported it (a therapist correcting a runner's entry), the stored row as it was
 * (JSON, every column) is kept here with who replaced it and when.
 */
export const entryRevisions = sqliteTable(
  "entry_revisions",
  {
    id: id(),
    clinicId: clinicRef(),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    version: integer("version").notNull(),
    snapshot: text("snapshot").notNull(),
    replacedBy: text("replaced_by").references(() => users.id),
    replacedAt: text("replaced_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("entry_revisions_entity_idx").on(t.entityType, t.entityId, t.version)],
);

/** When each user last looked at a runner's page: the caseload marks check-ins that arrived since. */
export const checkinViews = sqliteTable(
  "checkin_views",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    patientId: text("patient_id")
      .notNull()
      .references(() => patients.id),
    seenAt: text("seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.patientId] })],
);

/**
 * A counter per clinic that moves whenever anything the caseload's counts read changes
 * (a patient added, removed, archived, moved to another therapist or clinic, renamed, their
 * stored caseload keys; a care-team change). Kept by triggers (migration 0012), so writes
 * from any connection or process move it; the caseload keeps its tile counts in memory for
 * the version it read them at (lib/dal/caseload.ts).
 */
export const caseloadVersions = sqliteTable("caseload_versions", {
  clinicId: text("clinic_id")
    .primaryKey()
    .references(() => clinics.id),
  version: integer("version").notNull().default(0),
});
