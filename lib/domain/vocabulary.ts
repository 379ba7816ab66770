/**
 * The clinical vocabulary: every enumerated value the product stores, validates and shows.
 * One home for them, imported by `db/schema.ts`, the validation schemas, the engine and the
 * UI, so browser code never imports `db/` (and drizzle with it). Words follow PRODUCT.md.
 */

/** A user's role in a clinic. */
export const USER_ROLES = ["therapist", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A patient's sex as recorded (men have more Achilles injuries; shown with age). */
export const SEXES = ["female", "male", "other", "unknown"] as const;
export type Sex = (typeof SEXES)[number];

/** The injured side; "both" for a bilateral strain. */
export const SIDES = ["left", "right", "both"] as const;
export type Side = (typeof SIDES)[number];

/** The muscle of the calf strain ("unsure" until imaging or examination tells). */
export const MUSCLES = ["medial_gastrocnemius", "lateral_gastrocnemius", "soleus", "unsure"] as const;
export type Muscle = (typeof MUSCLES)[number];

/** The injury continuum: spasm → strain → tear (clinicians also think in grade 1/2/3). */
export const INJURY_SEVERITIES = ["spasm", "strain", "tear"] as const;
export type InjurySeverity = (typeof INJURY_SEVERITIES)[number];

/** What the runner was doing when the calf went. */
export const INJURY_ACTIVITIES = ["easy_run", "speed_work", "hills", "race", "other"] as const;
export type InjuryActivity = (typeof INJURY_ACTIVITIES)[number];

/** An injury episode's status: active → returned → closed. */
export const INJURY_STATUSES = ["active", "returned", "closed"] as const;
export type InjuryStatus = (typeof INJURY_STATUSES)[number];

/** Severity of a gait fault as graded by the therapist. */
export const FAULT_SEVERITIES = ["none", "mild", "moderate", "severe"] as const;
export type FaultSeverity = (typeof FAULT_SEVERITIES)[number];

/** Modified Thomas test result per side (hip above horizontal = short hip flexors). */
export const THOMAS_RESULTS = ["negative", "short_one_joint", "short_two_joint"] as const;
export type ThomasResult = (typeof THOMAS_RESULTS)[number];

/** How a gait assessment was taken. */
export const ASSESSMENT_METHODS = ["visual", "video", "sensor"] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

/** Where the runner ran during a gait assessment. */
export const ASSESSMENT_SETTINGS = ["treadmill", "overground"] as const;
export type AssessmentSetting = (typeof ASSESSMENT_SETTINGS)[number];

/** A run session: a walk-run repetition pattern, or continuous running. */
export const RUN_KINDS = ["walk_run", "continuous"] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** Who entered a log or run: the clinic, or the runner from their own check-in. */
export const ENTRY_SOURCES = ["clinic", "runner"] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** Units a distance is typed and shown in (stored distances are kilometres from whole metres). */
export const DISTANCE_UNITS = ["km", "mi"] as const;
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];

/** Kinds of confirmed stage change. */
export const STAGE_CHANGE_KINDS = ["start", "progression", "override", "step_back"] as const;
export type StageChangeKind = (typeof STAGE_CHANGE_KINDS)[number];

/**
 * The assessment fields a measure read from a video frame can fill (gait from video), in the
 * order the tool offers them. Each names the assessment's column it fills.
 */
export const VIDEO_MEASURE_FIELDS = ["shinAngleDeg", "strikeAheadCm", "cadenceSpm", "pelvicTiltDeg", "fpaLeftDeg", "fpaRightDeg"] as const;
export type VideoMeasureField = (typeof VIDEO_MEASURE_FIELDS)[number];

/** The measuring tool a video measure was taken with. */
export const VIDEO_MEASURE_TOOLS = ["three_point", "vertical", "horizontal", "reference", "distance", "cadence"] as const;
export type VideoMeasureTool = (typeof VIDEO_MEASURE_TOOLS)[number];

/**
 * The red-flag screen's items (PRODUCT.md, "Clinical rules, second edition"): signs that the
 * calf pain may not be a strain and needs a doctor before any loading. Grouped as possible
 * deep vein thrombosis, possible Achilles rupture, and not typical of a strain.
 */
export const RED_FLAG_ITEMS = [
  "calfSwelling",
  "calfWarmth",
  "pittingOedema",
  "legLarger",
  "travelOrImmobilised",
  "recentSurgery",
  "previousClot",
  "hormonalTherapy",
  "thompsonPositive",
  "palpableGap",
  "nightPain",
  "numbness",
  "noMechanism",
] as const;
export type RedFlagItem = (typeof RED_FLAG_ITEMS)[number];

/** The red-flag screen's state as the engine takes it: nothing positive, refer first, or positive and cleared. */
export const RED_FLAG_STATUSES = ["clear", "refer", "cleared"] as const;
export type RedFlagStatus = (typeof RED_FLAG_STATUSES)[number];

/**
 * Recurrence classes (Fuller et al. 2006 consensus): a new strain of the same side and muscle
 * group after the previous episode's return to full running, by the time since that return;
 * "none" for a first strain or a different side or muscle group. An exacerbation (a new
 * strain before return) is recorded on the episode it belongs to, not as a new class.
 */
export const RECURRENCE_CLASSES = ["none", "early", "late", "delayed"] as const;
export type RecurrenceClass = (typeof RECURRENCE_CLASSES)[number];
