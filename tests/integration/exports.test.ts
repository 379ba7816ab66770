import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import { strToU8, unzipSync } from "fflate";
import { PDFParse } from "pdf-parse";
import { Fhir } from "fhir";
import type { Condition, Observation } from "fhir/r4";
import { getDb } from "@/db/client";
import { assessments, auditEvents, dailyLogs, injuries, patients, runs, users } from "@/db/schema";
import { getPatientExport, type CsvFile, type PatientExportDto } from "@/lib/dal/exports";
import { computePatientState } from "@/lib/dal/status";
import { ASSESSMENT_MEASURES, patientFhirBundle } from "@/lib/export/fhir";
import { patientCsv, patientCsvZip } from "@/lib/export/patient-csv";
import { progressReportPdf } from "@/lib/export/pdf";
import { GET as csvRoute } from "@/app/api/patients/[patientId]/export/csv/route";
import { GET as fhirRoute } from "@/app/api/patients/[patientId]/export/fhir/route";
import { GET as pdfRoute } from "@/app/api/patients/[patientId]/export/pdf/route";
import { actAs, seedDemoDatabase, createTempDatabase } from "../support/db";
import { NOW, patientIdByName } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

const TRICKY = 'Pain 2, then "sharp"\non the hill; Łódź 東京 Ελλάδα';
const FORMULA = "=1+1";

let cleanup: () => void;
let samuel: string;
let tricky: string;
let empty: string;
let bothLegs: string;

function insertPatient(recordNumber: string, therapistEmail: string, given: string, family: string) {
  const db = getDb();
  const therapist = db.select().from(users).where(eq(users.email, therapistEmail)).get()!;
  const id = crypto.randomUUID();
  db.insert(patients)
    .values({ id, clinicId: therapist.clinicId, recordNumber, givenName: given, familyName: family, searchText: `${given} ${family}`.toLowerCase(), dateOfBirth: "1980-02-29", sex: "female", primaryTherapistId: therapist.id })
    .run();
  return { id, clinicId: therapist.clinicId, therapistId: therapist.id };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  cleanup = createTempDatabase().cleanup;
  await seedDemoDatabase(NOW);
  samuel = patientIdByName("Samuel", "Adeyemi");
  const db = getDb();
  const p = insertPatient("SB-9001", "lee@springback.test", 'Zoë "Zed", Ōta', "Nguyễn-Šimić");
  tricky = p.id;
  const injuryId = crypto.randomUUID();
  db.insert(injuries).values({ id: injuryId, clinicId: p.clinicId, patientId: tricky, side: "right", muscle: "soleus", severity: "strain", grade: 2, onsetDate: "2026-11-01", mechanism: TRICKY }).run();
  const base = { clinicId: p.clinicId, patientId: tricky, injuryId };
  db.insert(dailyLogs).values([
    { ...base, id: crypto.randomUUID(), logDate: "2026-11-02", painRest: 3, painDaily: 4, painWalk: 5, walkMinutes: 10, note: TRICKY },
    { ...base, id: crypto.randomUUID(), logDate: "2026-11-03", painRest: 1, painDaily: 2, note: FORMULA },
    { ...base, id: crypto.randomUUID(), logDate: "2026-11-04", painDaily: 0, note: "-2 points, +1 cm, @home" },
  ]).run();
  db.insert(runs).values([{ ...base, id: crypto.randomUUID(), runDate: "2026-11-20", kind: "walk_run", walkMinutes: 4, runMinutes: 1, repetitions: 5, distanceKm: 2.5, painDuring: 2, painNextMorning: 1, surface: FORMULA, note: TRICKY }]).run();
  db.insert(assessments).values([
    { ...base, id: crypto.randomUUID(), assessedOn: "2026-11-05", heelRaisesLeft: 28, heelRaisesRight: 12, kneeToWallLeftCm: 10, kneeToWallRightCm: 7.5, calfSeverity: "moderate", calfNotes: TRICKY, footwear: FORMULA },
    { ...base, id: crypto.randomUUID(), assessedOn: "2026-11-19", heelRaisesLeft: 29, heelRaisesRight: 20, kneeToWallLeftCm: 10, kneeToWallRightCm: 9, cadenceSpm: 168, toeOutSeverity: "mild", fpaLeftDeg: 9, fpaRightDeg: 14, thomasLeft: "negative", gluteLeft: 4 },
  ]).run();
  empty = insertPatient("SB-9002", "lee@springback.test", "Nia", "Empty").id;
  const both = insertPatient("SB-9003", "lee@springback.test", "Bo", "Bilateral");
  bothLegs = both.id;
  db.insert(injuries).values({ id: crypto.randomUUID(), clinicId: both.clinicId, patientId: bothLegs, side: "both", muscle: "medial_gastrocnemius", severity: "strain", grade: 1, onsetDate: "2026-11-10", mechanism: "sprint finish." }).run();
});
afterAll(() => {
  vi.useRealTimers();
  cleanup();
});

async function exportOf(patientId: string, format: "csv" | "pdf" | "fhir", file: CsvFile | null = null): Promise<PatientExportDto> {
  const result = await getPatientExport(patientId, format, file);
  if (!result?.ok) throw new Error(`Expected an export, got ${JSON.stringify(result)}`);
  return result.data;
}

const parseCsv = (text: string) => parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
const cell = (v: string | number | boolean | null) => (v === null ? "" : typeof v === "boolean" ? (v ? "yes" : "no") : String(v));
const exportAudits = () => getDb().select().from(auditEvents).where(eq(auditEvents.action, "patient.export")).all();

describe("CSV export", () => {
  it("daily logs, runs and assessments parse back to the stored rows, tricky text and all", async () => {
    actAs("lee@springback.test");
    const d = await exportOf(tricky, "csv");
    const db = getDb();

    const logs = parseCsv(patientCsv(d, "daily-logs"));
    const storedLogs = db.select().from(dailyLogs).where(eq(dailyLogs.patientId, tricky)).orderBy(dailyLogs.logDate).all();
    expect(logs).toHaveLength(storedLogs.length);
    logs.forEach((row, i) => {
      const s = storedLogs[i]!;
      expect(row).toMatchObject({ record_number: "SB-9001", injury_onset: "2026-11-01", date: s.logDate, pain_rest_0_10: cell(s.painRest), pain_daily_activities_0_10: cell(s.painDaily), pain_walk_0_10: cell(s.painWalk) });
    });
    expect(logs.map((r) => r.note)).toEqual([TRICKY, `'${FORMULA}`, "'-2 points, +1 cm, @home"]);

    const runRows = parseCsv(patientCsv(d, "runs"));
    expect(runRows).toEqual([expect.objectContaining({ date: "2026-11-20", kind: "walk_run", run_minutes_per_rep: "1", repetitions: "5", distance_km: "2.5", pain_during_0_10: "2", pain_next_morning_0_10: "1", surface: `'${FORMULA}`, note: TRICKY })]);

    const assessed = parseCsv(patientCsv(d, "assessments"));
    expect(assessed.map((r) => [r.date, r.heel_raises_left, r.heel_raises_right, r.heel_raise_asymmetry_pct, r.knee_to_wall_asymmetry_pct, r.calf_notes, r.footwear])).toEqual([
      ["2026-11-05", "28", "12", "57.1", "25", TRICKY, `'${FORMULA}`],
      ["2026-11-19", "29", "20", "31", "10", "", ""],
    ]);
  });

  it("is UTF-8 with a byte-order mark, CRLF rows and a header row even for a seeded patient's full history", async () => {
    actAs("lee@springback.test");
    const d = await exportOf(samuel, "csv");
    const text = patientCsv(d, "daily-logs");
    expect(text.startsWith("\uFEFFrecord_number,injury_onset,injury,date,")).toBe(true);
    expect(text).toContain("\r\n");
    const db = getDb();
    const count = (t: typeof dailyLogs | typeof runs | typeof assessments) => db.select({ n: sql<number>`count(*)` }).from(t).where(eq(t.patientId, samuel)).get()!.n;
    expect(parseCsv(text)).toHaveLength(count(dailyLogs));
    expect(parseCsv(patientCsv(d, "runs"))).toHaveLength(count(runs));
    expect(parseCsv(patientCsv(d, "assessments"))).toHaveLength(count(assessments));
    expect(count(runs)).toBeGreaterThan(5);
    const storedRuns = db.select().from(runs).where(eq(runs.patientId, samuel)).orderBy(runs.runDate, runs.createdAt).all();
    expect(parseCsv(patientCsv(d, "runs")).map((r) => [r.date, r.pain_during_0_10, r.distance_km])).toEqual(storedRuns.map((r) => [r.runDate, String(r.painDuring), cell(r.distanceKm)]));
  });

  it("zips the three files under names made of the record number and the date", async () => {
    actAs("lee@springback.test");
    const d = await exportOf(tricky, "csv");
    const files = unzipSync(patientCsvZip(d, ["daily-logs", "runs", "assessments"]));
    expect(Object.keys(files).sort()).toEqual(["SB-9001-2026-11-26-assessments.csv", "SB-9001-2026-11-26-daily-logs.csv", "SB-9001-2026-11-26-runs.csv"]);
    expect(files["SB-9001-2026-11-26-runs.csv"]).toEqual(strToU8(patientCsv(d, "runs")));
  });
});

describe("FHIR export", () => {
  const validate = (bundle: unknown) => new Fhir().validate(bundle as object, { errorOnUnexpected: true });

  it.each([
    ["the seeded patient", () => samuel],
    ["the patient with tricky text", () => tricky],
  ])("the bundle of %s validates against FHIR R4 and its counts match the rows", async (_, id) => {
    const patientId = id();
    actAs("lee@springback.test");
    const bundle = patientFhirBundle(await exportOf(patientId, "fhir"));
    const result = validate(bundle);
    expect(result.messages.filter((m) => m.severity === "error" || m.severity === "fatal")).toEqual([]);
    expect(result.valid).toBe(true);

    const db = getDb();
    const logs = db.select().from(dailyLogs).where(eq(dailyLogs.patientId, patientId)).all();
    const runRows = db.select().from(runs).where(eq(runs.patientId, patientId)).all();
    const measureRows = db.select().from(assessments).where(eq(assessments.patientId, patientId)).all();
    const injuryRows = db.select().from(injuries).where(eq(injuries.patientId, patientId)).all();
    const painScores =
      logs.reduce((n, l) => n + [l.painRest, l.painDaily, l.painWalk, l.painCycle, l.painSwim].filter((v) => v !== null).length, 0) +
      runRows.reduce((n, r) => n + 1 + (r.painNextMorning === null ? 0 : 1), 0);
    const measures = measureRows.reduce((n, a) => n + ASSESSMENT_MEASURES.filter((m) => a[m.key as keyof typeof a] !== null).length, 0);

    const resources = bundle.entry!.map((e) => e.resource!);
    const observations = resources.filter((r): r is Observation => r.resourceType === "Observation");
    const conditions = resources.filter((r): r is Condition => r.resourceType === "Condition");
    expect(bundle.type).toBe("collection");
    expect(resources.filter((r) => r.resourceType === "Patient")).toHaveLength(1);
    expect(conditions).toHaveLength(injuryRows.reduce((n, i) => n + (i.side === "both" ? 2 : 1), 0));
    const weekly = observations.filter((o) => o.code.coding?.[0]?.code === "82290-8");
    expect(observations).toHaveLength(painScores + runRows.length + measures + weekly.length);
    expect(weekly.length).toBeGreaterThan(0);
    expect(observations.filter((o) => o.code.coding?.[0]?.code === "72514-3")).toHaveLength(painScores);
    expect(measures).toBeGreaterThan(0);

    const patientUrl = bundle.entry!.find((e) => e.resource?.resourceType === "Patient")!.fullUrl;
    expect(patientUrl).toBe(`urn:uuid:${patientId}`);
    for (const r of [...observations, ...conditions]) expect(r.subject?.reference).toBe(patientUrl);
    for (const e of bundle.entry!) expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(new Set(bundle.entry!.map((e) => e.fullUrl)).size).toBe(bundle.entry!.length);
    for (const c of conditions) {
      const side = injuryRows.find((i) => i.id === c.id)?.side ?? "both";
      expect(c.code!.coding![0]!.system).toBe("http://hl7.org/fhir/sid/icd-10-cm");
      expect(c.code!.coding![0]!.code).toBe(side === "both" ? (c.bodySite![0]!.text!.startsWith("Left") ? "S86.112A" : "S86.111A") : { right: "S86.111A", left: "S86.112A" }[side]);
      expect(c.note![0]!.text).not.toMatch(/\.\.$/);
    }
  });

  it("codes the condition's status, onset, body site and muscle note; keeps the pain context", async () => {
    actAs("lee@springback.test");
    const bundle = patientFhirBundle(await exportOf(tricky, "fhir"));
    const condition = bundle.entry!.map((e) => e.resource!).find((r): r is Condition => r.resourceType === "Condition")!;
    expect(condition.clinicalStatus!.coding![0]!.code).toBe("active");
    expect(condition.onsetDateTime).toBe("2026-11-01");
    expect(condition.bodySite![0]!.text).toBe("Right soleus");
    expect(condition.note![0]!.text).toContain("Muscle: soleus");
    const walkPain = bundle.entry!.map((e) => e.resource as Observation).find((o) => o.resourceType === "Observation" && o.valueInteger === 5)!;
    expect(walkPain).toMatchObject({ effectiveDateTime: "2026-11-02", component: [{ valueString: "walking" }] });
  });

  it("codes an injury of both legs as two Conditions, left and right, per the ICD-10-CM laterality rule", async () => {
    actAs("lee@springback.test");
    const bundle = patientFhirBundle(await exportOf(bothLegs, "fhir"));
    expect(new Fhir().validate(bundle, { errorOnUnexpected: true }).messages.filter((m) => m.severity === "error")).toEqual([]);
    const conditions = bundle.entry!.map((e) => e.resource!).filter((r): r is Condition => r.resourceType === "Condition");
    expect(conditions.map((c) => [c.code!.coding![0]!.code, c.bodySite![0]!.text])).toEqual([
      ["S86.112A", "Left medial gastrocnemius"],
      ["S86.111A", "Right medial gastrocnemius"],
    ]);
    expect(JSON.stringify(bundle)).not.toContain("S86.119A");
    for (const c of conditions) expect(c.note![0]!.text).toMatch(/mechanism: sprint finish\. Coded per leg/);
  });

  it("dates a next-morning pain score the morning after the run", async () => {
    actAs("lee@springback.test");
    const bundle = patientFhirBundle(await exportOf(tricky, "fhir"));
    const pain = bundle.entry!.map((e) => e.resource as Observation).filter((o) => o.resourceType === "Observation" && o.code.coding?.[0]?.code === "72514-3");
    const during = pain.find((o) => o.component?.[0]?.valueString === "running (during the run)")!;
    const morning = pain.find((o) => o.component?.[0]?.valueString === "next morning after a run")!;
    expect(during.effectiveDateTime).toBe("2026-11-20");
    expect(morning.effectiveDateTime).toBe("2026-11-21");
  });

  it("gives weekly running minutes as Physical Activity IG observations (LOINC 82290-8, min/wk)", async () => {
    actAs("lee@springback.test");
    const bundle = patientFhirBundle(await exportOf(tricky, "fhir"));
    const weekly = bundle.entry!.map((e) => e.resource as Observation).filter((o) => o.resourceType === "Observation" && o.code.coding?.[0]?.code === "82290-8");
    // Onset Sunday 1 Nov 2026, so the first week starts Monday 26 Oct; today is 26 Nov: five weeks.
    expect(weekly.map((o) => [o.effectivePeriod!.start, o.effectivePeriod!.end, o.valueQuantity!.value])).toEqual([
      ["2026-10-26", "2026-11-01", 0],
      ["2026-11-02", "2026-11-08", 0],
      ["2026-11-09", "2026-11-15", 0],
      ["2026-11-16", "2026-11-22", 5],
      ["2026-11-23", "2026-11-29", 0],
    ]);
    expect(weekly[3]).toMatchObject({ status: "final", valueQuantity: { unit: "min/wk", system: "http://unitsofmeasure.org", code: "min/wk" }, category: [{ coding: [{ code: "activity" }] }] });
  });

  it("the validator does fail a broken bundle (the check above can fail)", async () => {
    actAs("lee@springback.test");
    const bundle = JSON.parse(JSON.stringify(patientFhirBundle(await exportOf(tricky, "fhir")))) as { entry: { resource: Record<string, unknown> }[] };
    const obs = bundle.entry.find((e) => e.resource.resourceType === "Observation")!.resource;
    delete obs.status;
    obs.valueInteger = "five";
    expect(validate(bundle).valid).toBe(false);
  });
});

describe("PDF report", () => {
  it("is a real-text PDF with the patient, the stage and its criteria, in A4 and US Letter", async () => {
    actAs("lee@springback.test");
    const d = await exportOf(samuel, "pdf");
    const state = computePatientState(getDb(), samuel, "2026-11-26")!;
    for (const [size, width] of [["a4", 595.28], ["letter", 612]] as const) {
      const pdf = await progressReportPdf(d, size);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const parser = new PDFParse({ data: new Uint8Array(pdf) });
      const { text } = await parser.getText();
      const info = await parser.getInfo({ parsePageInfo: true });
      await parser.destroy();
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain("Samuel Adeyemi");
      expect(flat).toContain("Demo Sports Physio");
      expect(flat).toContain(`Stage ${state.result!.stage} (Speed & hills) since`);
      for (const c of state.result!.criteria) expect(flat).toContain(c.label);
      expect(flat).toContain("Lee Jordan");
      expect(flat).toContain("Latest assessment");
      expect(flat).toContain("Pain over time");
      expect(flat).toContain("Weekly running volume");
      expect(flat).toContain("Single-leg heel raises");
      expect(info.pages[0]!.width).toBeCloseTo(width, 0);
    }
  });

  it("prints names in any European script and a change since the previous assessment", async () => {
    actAs("lee@springback.test");
    const pdf = await progressReportPdf(await exportOf(tricky, "pdf"), "a4");
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const flat = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(flat).toContain('Zoë "Zed", Ōta Nguyễn-Šimić');
    expect(flat).toContain("L +1, R +8");
    expect(flat).toContain("Stage 0 (Protect) since");
  });
});

describe("the export's hand-written reads", () => {
  it("carry every column of the stored rows (but clinic, patient, author and version), exactly as drizzle reads them", async () => {
    const db = getDb();
    const hidden = ["clinicId", "patientId", "createdBy", "version"];
    const visible = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !hidden.includes(k)));
    for (const id of [samuel, tricky]) {
      const data = await exportOf(id, "csv");
      const logs = db.select().from(dailyLogs).where(eq(dailyLogs.patientId, id)).orderBy(dailyLogs.logDate, dailyLogs.createdAt).all();
      const runRows = db.select().from(runs).where(eq(runs.patientId, id)).orderBy(runs.runDate, runs.createdAt).all();
      const assessmentRows = db.select({ a: assessments, assessedBy: users.name }).from(assessments).leftJoin(users, eq(users.id, assessments.createdBy)).where(eq(assessments.patientId, id)).orderBy(assessments.assessedOn, assessments.createdAt).all();
      expect(logs.length).toBeGreaterThan(0);
      expect(data.dailyLogs).toEqual(logs.map(visible));
      expect(data.runs).toEqual(runRows.map(visible));
      expect(data.assessments).toEqual(assessmentRows.map(({ a, assessedBy }) => ({ ...visible(a), assessedBy })));
      // Booleans stay booleans (SQLite stores 0/1).
      expect(data.dailyLogs.every((l) => l.compression === null || typeof l.compression === "boolean")).toBe(true);
    }
  });
});

describe("rules for every export", () => {
  it("writes one audit row per export, with the format", async () => {
    const lee = actAs("lee@springback.test");
    const before = exportAudits().length;
    await exportOf(samuel, "csv", "runs");
    await exportOf(samuel, "fhir");
    const rows = exportAudits().slice(before);
    expect(rows.map((r) => [r.userId, r.patientId, r.clinicId, JSON.parse(r.detail!)])).toEqual([
      [lee.id, samuel, lee.clinicId, { format: "csv", file: "runs" }],
      [lee.id, samuel, lee.clinicId, { format: "fhir" }],
    ]);
  });

  it("another clinic's patient, a colleague's private patient and an unknown id are not found, and no export is audited, only the refusals", async () => {
    const db = getDb();
    const northside = db.select({ id: patients.id }).from(patients).where(eq(patients.recordNumber, "NR-1001")).get()!.id;
    const notRefusal = sql`${auditEvents.action} <> 'access.refused'`;
    const before = db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(notRefusal).get()!.n;
    actAs("admin@springback.test");
    for (const format of ["csv", "pdf", "fhir"] as const) expect(await getPatientExport(northside, format)).toBeNull();
    actAs("kim@springback.test");
    expect(await getPatientExport(samuel, "csv")).toBeNull();
    expect(await getPatientExport("00000000-0000-4000-8000-000000000000", "fhir")).toBeNull();
    const res = await csvRoute(new NextRequest(`http://localhost/api/patients/${samuel}/export/csv`), { params: Promise.resolve({ patientId: samuel }) });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Adeyemi");
    expect(db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(notRefusal).get()!.n).toBe(before);
    const refused = db.select().from(auditEvents).where(sql`${auditEvents.action} = 'access.refused' and ${auditEvents.entityId} = ${samuel}`).all();
    expect(refused.length).toBeGreaterThan(0);
  });

  it("a patient without data still gets every export offered on screen: CSVs with their header row, a bundle, a report", async () => {
    actAs("lee@springback.test");
    const before = exportAudits().length;
    const params = () => ({ params: Promise.resolve({ patientId: empty }) });
    for (const file of ["daily-logs", "runs", "assessments"]) {
      const res = await csvRoute(new NextRequest(`http://localhost/api/patients/${empty}/export/csv?file=${file}`), params());
      expect(res.status).toBe(200);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(text.startsWith("\uFEFFrecord_number,")).toBe(true);
      expect(parse(text, { bom: true })).toHaveLength(1);
    }
    const zip = await csvRoute(new NextRequest(`http://localhost/api/patients/${empty}/export/csv`), params());
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toHaveLength(3);
    const pdf = await pdfRoute(new NextRequest(`http://localhost/api/patients/${empty}/export/pdf`), params());
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const fhir = await fhirRoute(new Request(`http://localhost/api/patients/${empty}/export/fhir`), params());
    expect(fhir.status).toBe(200);
    expect((await fhir.json()).entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType)).toEqual(["Patient"]);
    expect(exportAudits().length).toBe(before + 6);
  });

  it("route handlers answer with attachments named from the record number and the date, never stored by a cache", async () => {
    actAs("lee@springback.test");
    const params = () => ({ params: Promise.resolve({ patientId: tricky }) });
    const csv = await csvRoute(new NextRequest(`http://localhost/api/patients/${tricky}/export/csv?file=runs`), params());
    expect(csv.headers.get("Content-Disposition")).toBe('attachment; filename="SB-9001-2026-11-26-runs.csv"');
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const zip = await csvRoute(new NextRequest(`http://localhost/api/patients/${tricky}/export/csv`), params());
    expect(zip.headers.get("Content-Disposition")).toBe('attachment; filename="SB-9001-2026-11-26-csv.zip"');
    const pdf = await pdfRoute(new NextRequest(`http://localhost/api/patients/${tricky}/export/pdf?size=letter`), params());
    expect(pdf.headers.get("Content-Disposition")).toBe('attachment; filename="SB-9001-2026-11-26-progress-letter.pdf"');
    const fhir = await fhirRoute(new Request(`http://localhost/api/patients/${tricky}/export/fhir`), params());
    expect(fhir.headers.get("Content-Disposition")).toBe('attachment; filename="SB-9001-2026-11-26-fhir.json"');
    for (const res of [csv, zip, pdf, fhir]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(res.headers.get("Content-Disposition")).not.toMatch(/Zo|Nguy/);
    }
    expect((await csvRoute(new NextRequest(`http://localhost/api/patients/${tricky}/export/csv?file=secrets`), params())).status).toBe(400);
    expect((await pdfRoute(new NextRequest(`http://localhost/api/patients/${tricky}/export/pdf?size=a3`), params())).status).toBe(400);
  });
});
