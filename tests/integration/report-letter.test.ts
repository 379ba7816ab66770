import { beforeAll, describe, expect, it, vi } from "vitest";
import { execFileSync } from "node:child_process";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessments, auditEvents, clinics, injuries, patients, redFlagScreens, runs, stageChanges, users } from "@/db/schema";
import { getPatientExport, type PatientExportDto } from "@/lib/dal/exports";
import { progressReportPdf, type ReportOptions } from "@/lib/export/pdf";
import { REPORT_CHART_KEYS } from "@/lib/export/report-data";
import { POST as reportRoute } from "@/app/api/patients/[patientId]/export/pdf/route";
import { POST as chartRoute } from "@/app/api/patients/[patientId]/export/chart/route";
import { actAs } from "../support/db";
import { seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

let runner: string;
let bothLegs: string;
let returned: string;

function addPatient(recordNumber: string, given: string, family: string) {
  const db = getDb();
  const lee = db.select().from(users).where(eq(users.email, "lee@springback.test")).get()!;
  const id = crypto.randomUUID();
  db.insert(patients)
    .values({ id, clinicId: lee.clinicId, recordNumber, givenName: given, familyName: family, searchText: `${given} ${family}`.toLowerCase(), dateOfBirth: "1988-04-12", sex: "female", primaryTherapistId: lee.id, preInjuryWeeklyKm: 40 })
    .run();
  return { id, clinicId: lee.clinicId, leeId: lee.id };
}

beforeAll(() => {
  const db = getDb();
  const p = addPatient("SB-9101", "Maren", "Holt");
  runner = p.id;
  const injuryId = crypto.randomUUID();
  db.insert(injuries).values({ id: injuryId, clinicId: p.clinicId, patientId: runner, side: "right", muscle: "soleus", severity: "strain", grade: 2, onsetDate: "2026-10-20", mechanism: "Hill repeats in the cold." }).run();
  const base = { clinicId: p.clinicId, patientId: runner, injuryId };
  const lee = db.select({ id: users.id }).from(users).where(eq(users.email, "lee@springback.test")).get()!;
  db.insert(redFlagScreens).values({ ...base, thompsonPositive: true, screenedBy: lee.id, clearedBy: lee.id, clearedAt: "2026-10-21T09:00:00.000Z", clearanceNote: "Ultrasound: Achilles intact" }).run();
  db.insert(stageChanges)
    .values([
      { ...base, id: crypto.randomUUID(), fromStage: null, toStage: 0, kind: "start", reason: "Initial assessment", effectiveDate: "2026-10-21", changedBy: p.leeId },
      { ...base, id: crypto.randomUUID(), fromStage: 0, toStage: 1, kind: "progression", reason: "Seven symptom-free days", effectiveDate: "2026-11-05", changedBy: p.leeId },
      { ...base, id: crypto.randomUUID(), fromStage: 1, toStage: 0, kind: "step_back", reason: "Flare after the run of 20 Nov", effectiveDate: "2026-11-21", changedBy: p.leeId },
    ])
    .run();
  db.insert(runs)
    .values([
      { ...base, id: crypto.randomUUID(), runDate: "2026-11-10", kind: "walk_run", walkMinutes: 4, runMinutes: 1, repetitions: 5, distanceKm: 2.1, painDuring: 1, painNextMorning: 0 },
      { ...base, id: crypto.randomUUID(), runDate: "2026-11-20", kind: "walk_run", walkMinutes: 3, runMinutes: 2, repetitions: 4, distanceKm: 2.8, painDuring: 6, painNextMorning: 4 },
    ])
    .run();
  db.insert(assessments)
    .values([
      { ...base, id: crypto.randomUUID(), assessedOn: "2026-10-28", heelRaisesLeft: 30, heelRaisesRight: 15, kneeToWallLeftCm: 11, kneeToWallRightCm: 8, fpaLeftDeg: 8, fpaRightDeg: 12, gluteLeft: 4, gluteRight: 5 },
      { ...base, id: crypto.randomUUID(), assessedOn: "2026-11-19", heelRaisesLeft: 30, heelRaisesRight: 24, kneeToWallLeftCm: 11, kneeToWallRightCm: 10, fpaLeftDeg: 9, fpaRightDeg: 14, gluteLeft: 4, gluteRight: 5 },
    ])
    .run();
  db.update(clinics).set({ address: "12 Harbour Road\nBristol BS1 4QA", phone: "0117 496 0000", email: "letters@demo-physio.test" }).where(eq(clinics.id, p.clinicId)).run();
  db.update(users).set({ profession: "Physiotherapist", registrationNumber: "PH123456" }).where(eq(users.id, p.leeId)).run();

  const b = addPatient("SB-9102", "Bo", "Bilateral");
  bothLegs = b.id;
  const bi = crypto.randomUUID();
  db.insert(injuries).values({ id: bi, clinicId: b.clinicId, patientId: bothLegs, side: "both", muscle: "medial_gastrocnemius", severity: "strain", grade: 1, onsetDate: "2026-11-01" }).run();
  db.insert(assessments).values({ id: crypto.randomUUID(), clinicId: b.clinicId, patientId: bothLegs, injuryId: bi, assessedOn: "2026-11-12", heelRaisesLeft: 22, heelRaisesRight: 26 }).run();

  const r = addPatient("SB-9103", "Rae", "Returned");
  returned = r.id;
  db.insert(injuries)
    .values({ id: crypto.randomUUID(), clinicId: r.clinicId, patientId: returned, side: "left", muscle: "medial_gastrocnemius", severity: "strain", grade: 1, onsetDate: "2026-09-01", status: "returned", returnDate: "2026-10-15", priorStrains: 2 })
    .run();
});

/** The text of a PDF as pdftotext (poppler) extracts it, with bidi marks dropped and spaces folded. */
function pdfText(pdf: Uint8Array, ...args: string[]): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", ...args, "-", "-"], { input: pdf }).toString("utf8");
}
const flat = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ");

async function exportOf(patientId: string): Promise<PatientExportDto> {
  const result = await getPatientExport(patientId, "pdf");
  if (!result?.ok) throw new Error("expected an export");
  return result.data;
}

const IMPRESSION = "Calf capacity is coming back; the flare on 20 Nov followed a jump to 2-minute run intervals.";
const PLAN = "Repeat the 4/1 step twice pain-free, then retest heel raises.\n\nReview in one week.";

function post(patientId: string, body: Record<string, unknown>) {
  return reportRoute(
    new Request(`http://localhost/api/patients/${patientId}/export/pdf`, {
      method: "POST",
      headers: { host: "localhost", origin: "http://localhost", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ patientId }) },
  );
}

describe("the report letter", () => {
  it("tells the course of care, the runs, the impression and plan, and can be answered; the audit row keeps what was said", async () => {
    actAs("lee@springback.test");
    const res = await post(runner, { size: "a4", variant: "progress", charts: ["pain", "heelRaises"], impression: IMPRESSION, plan: PLAN });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="SB-9101-2026-11-26-progress-a4.pdf"');
    const text = flat(pdfText(new Uint8Array(await res.arrayBuffer())));
    // Letterhead and the runner.
    for (const s of ["Demo Sports Physio", "12 Harbour Road", "Bristol BS1 4QA", "Tel. 0117 496 0000", "letters@demo-physio.test", "Re: Maren Holt", "Record number SB-9101"]) expect(text).toContain(s);
    // The injury with its red-flag screen (cleared) and its expected course, with sources.
    expect(text).toMatch(/Red-flag screen \(\d+ \w+ 2026\): Positive Thompson \(calf squeeze\) test: no plantar flexion; cleared by Lee Jordan on 21 Oct 2026 \(Ultrasound: Achilles intact\)/);
    expect(text).toMatch(/Expected course: .+ Source: .*track-and-field/);
    // The course of care, step back and flag included.
    expect(text).toContain("Started the return-to-run programme at stage 0 (Protect): Initial assessment (Lee Jordan)");
    expect(text).toContain("Progressed from stage 0 to stage 1 (Walk-run): Seven symptom-free days");
    expect(text).toContain("Stepped back from stage 1 (Walk-run) to stage 0 (Protect): Flare after the run of 20 Nov (Lee Jordan)");
    // The engine's own words for the flag, from its history of raised and cleared flags.
    expect(text).toMatch(/20 Nov 2026 Flag raised \(stop\): Pain 6\/10 during the run on 20 Nov: above 5\/10 means stop running/);
    // The runs.
    expect(text).toContain("10 Nov 2026 5 × (4 min walk + 1 min run) 2.1 km 1/10 0/10");
    expect(text).toContain("20 Nov 2026 4 × (3 min walk + 2 min run) 2.8 km 6/10 4/10");
    // Impression, plan and signature.
    expect(text).toContain(IMPRESSION);
    expect(text).toContain("Repeat the 4/1 step twice pain-free, then retest heel raises.");
    expect(text).toContain("Review in one week.");
    for (const s of ["Yours sincerely,", "Lee Jordan", "Physiotherapist", "Registration number: PH123456", "Reply to: lee@springback.test · 0117 496 0000"]) expect(text).toContain(s);

    const audit = getDb().select().from(auditEvents).where(and(eq(auditEvents.patientId, runner), eq(auditEvents.action, "patient.export"))).orderBy(desc(auditEvents.id)).get()!;
    expect(JSON.parse(audit.detail!)).toEqual({ format: "pdf", size: "a4", variant: "progress", charts: ["pain", "heelRaises"], impression: IMPRESSION, plan: PLAN });
  });

  it("prints distances in the exporting therapist's unit: the runs, the volume chart and the pre-injury baseline", async () => {
    const lee = actAs("lee@springback.test");
    const db = getDb();
    db.update(users).set({ distanceUnit: "mi" }).where(eq(users.id, lee.id)).run();
    try {
      actAs("lee@springback.test");
      const res = await post(runner, { size: "a4", variant: "progress", charts: ["volume"], impression: "", plan: "" });
      if (res.status !== 200) throw new Error(await res.text());
      const text = flat(pdfText(new Uint8Array(await res.arrayBuffer())));
      // 2.1 km = 1.30 mi, 2.8 km = 1.74 mi, 40 km a week = 24.85 mi.
      expect(text).toContain("10 Nov 2026 5 × (4 min walk + 1 min run) 1.3 mi 1/10 0/10");
      expect(text).toContain("20 Nov 2026 4 × (3 min walk + 2 min run) 1.74 mi 6/10 4/10");
      expect(text).toContain("running before the injury: 24.85 mi a week");
      expect(text).toContain("mi per week");
      expect(text).not.toMatch(/\d km\b/);
    } finally {
      db.update(users).set({ distanceUnit: null }).where(eq(users.id, lee.id)).run();
    }
  });

  it("compares each measure as it should be: LSI for counts, degrees for angles, cm with measurement error, grades as grades", async () => {
    actAs("lee@springback.test");
    const text = flat(pdfText(await progressReportPdf(await exportOf(runner), "a4")));
    expect(text).toContain("LSI 80% (right injured)");
    expect(text).toContain("1 cm difference (within the 1.9 cm measurement error); LSI 91%");
    expect(text).toContain("R +2 cm");
    // The old report said "FPA asymmetry 50%" and "glute 4 vs 5 = 20%".
    expect(text).toContain("Foot progression angle (toe-out, °) 9° 14° Right 5° more toe-out L +1°, R +2°");
    expect(text).toContain("Gluteal strength (manual muscle test, grade 0–5) 4/5 5/5 Left one grade weaker No change in grade");

    const both = flat(pdfText(await progressReportPdf(await exportOf(bothLegs), "a4")));
    expect(both).toContain("No LSI: both legs injured");
  });

  it.each([
    ["Latin with accents", "Zoë Ōta", "Nguyễn-Šimić"],
    ["Greek", "Ελένη", "Παπαδοπούλου"],
    ["Cyrillic", "Жанна", "Кузнецова"],
    ["Chinese", "小明", "王"],
    ["Japanese", "花子", "山田"],
    ["Korean", "민준", "김"],
    ["Arabic", "محمد", "العربي"],
    ["Hebrew", "שרה", "כהן"],
    ["Thai", "สมชาย", "ใจดี"],
  ])("prints a name in %s so that it extracts intact", async (_, given, family) => {
    actAs("lee@springback.test");
    getDb().update(patients).set({ givenName: given, familyName: family }).where(eq(patients.id, runner)).run();
    const text = flat(pdfText(await progressReportPdf(await exportOf(runner), "a4")));
    expect(text).toContain(`Re: ${given} ${family}`);
    // Page 1's "Re:" line and the continuation line of every later page.
    const pages = (text.match(/Page \d+ of/g) ?? []).length;
    expect(text.split(`${given} ${family}`).length - 1).toBe(pages);
  });

  it("prints a name in Devanagari shaped (vowel sign before its consonant, reph over the last letter), in Noto Sans Devanagari", async () => {
    actAs("lee@springback.test");
    getDb().update(patients).set({ givenName: "अनिता", familyName: "शर्मा" }).where(eq(patients.id, runner)).run();
    const pdf = await progressReportPdf(await exportOf(runner), "a4");
    // Text extraction reads shaped Indic glyphs in the order they are drawn: the i-sign (ि)
    // is drawn before न, and the reph of र्मा after मा. Unshaped text would extract in
    // logical order ("अनिता शर्मा"); a missing font would extract as "�".
    expect(flat(pdfText(pdf))).toContain("Re: अिनता शमार्");
    expect(execFileSync("pdffonts", ["-"], { input: pdf }).toString()).toMatch(/NotoSansDevanagari/);
    getDb().update(patients).set({ givenName: "Maren", familyName: "Holt" }).where(eq(patients.id, runner)).run();
  });

  it("prints emoji with an emoji font, and a clear replacement for a character no font has", async () => {
    actAs("lee@springback.test");
    getDb().update(patients).set({ givenName: "Maren 🏃", familyName: "Holt" }).where(eq(patients.id, runner)).run();
    const pdf = await progressReportPdf(await exportOf(runner), "a4", { impression: "Private-use \uE000 sign." });
    const text = flat(pdfText(pdf));
    expect(text).toContain("Re: Maren 🏃 Holt");
    expect(text).toContain("Private-use \uFFFD sign.");
    const fonts = execFileSync("pdffonts", ["-"], { input: pdf }).toString();
    expect(fonts).toMatch(/NotoEmoji/);
    getDb().update(patients).set({ givenName: "Maren", familyName: "Holt" }).where(eq(patients.id, runner)).run();
  });

  it("leaves no page less than a third full but the last, with the record number and page number on every page", async () => {
    actAs("lee@springback.test");
    const options: Partial<ReportOptions> = { charts: REPORT_CHART_KEYS, impression: `${IMPRESSION}\n\n`.repeat(6), plan: PLAN };
    for (const size of ["a4", "letter"] as const) {
      const pdf = await progressReportPdf(await exportOf(runner), size, options);
      const html = pdfText(pdf, "-bbox");
      const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => ({
        height: Number(m[2]),
        words: [...m[3]!.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((w) => ({ top: Number(w[1]), bottom: Number(w[2]), text: w[3]! })),
      }));
      expect(pages.length).toBeGreaterThan(2);
      pages.forEach((page, i) => {
        const footerTop = page.height - 40;
        const body = page.words.filter((w) => w.top > 45 && w.bottom < footerTop);
        const footer = page.words.filter((w) => w.top >= footerTop).map((w) => w.text).join(" ");
        expect(footer, `page ${i + 1}`).toContain("SB-9101");
        expect(footer, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
        if (i === pages.length - 1) return;
        const usable = footerTop - 50;
        const lowest = Math.max(...body.map((w) => w.bottom));
        expect((lowest - 50) / usable, `${size} page ${i + 1} fill`).toBeGreaterThan(1 / 3);
      });
    }
  });

  it("keeps each heading with what follows it", async () => {
    actAs("lee@springback.test");
    const pdf = await progressReportPdf(await exportOf(runner), "letter", { charts: REPORT_CHART_KEYS, impression: `${IMPRESSION} `.repeat(30), plan: PLAN });
    const pages = pdfText(pdf, "-layout").split("\f").filter((p) => p.trim());
    const headings = ["The injury", "Clinical impression", "Plan", "Where the runner is now", "Course of care", "Recent runs", "Latest assessment", "Charts"];
    for (const page of pages) {
      const lines = page.split("\n").map((l) => l.trim()).filter(Boolean);
      // The last lines are the footer; the line before it must not be a heading.
      const lastBody = lines.at(-2)!;
      expect(headings, page.slice(0, 80)).not.toContain(lastBody);
    }
  });

  it("writes a discharge letter with the outcome and the watch window for a runner who returned, and refuses one for a runner still in care", async () => {
    actAs("lee@springback.test");
    const res = await post(returned, { size: "letter", variant: "discharge", charts: [], impression: "", plan: "" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain("discharge-letter.pdf");
    const text = flat(pdfText(new Uint8Array(await res.arrayBuffer())));
    expect(text).toContain("Discharge report: return to running after a calf strain");
    expect(text).toContain("Returned to full running on 2026-10-15, 44 days after the injury");
    expect(text).toContain("Advice for the watch window (10 weeks, until 24 Dec 2026)");

    const before = getDb().select().from(auditEvents).where(eq(auditEvents.patientId, runner)).all().length;
    const refused = await post(runner, { size: "a4", variant: "discharge", charts: [], impression: "", plan: "" });
    expect(refused.status).toBe(422);
    expect((await refused.json()).fieldErrors.variant).toMatch(/needs a return to running/);
    expect(getDb().select().from(auditEvents).where(eq(auditEvents.patientId, runner)).all().length).toBe(before);
  });

  it("refuses an unreadable request with messages by field, and another clinic's patient as not found", async () => {
    actAs("lee@springback.test");
    const bad = await post(runner, { size: "a3", variant: "progress", charts: ["pie"], impression: "x".repeat(4001), plan: "" });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["charts.0", "impression", "size"].sort());
    actAs("ola@northside.test");
    expect((await post(runner, { size: "a4", variant: "progress", charts: [], impression: "", plan: "" })).status).toBe(404);
  });
});

describe("chart image downloads", () => {
  const ask = (patientId: string, body: Record<string, unknown>) =>
    chartRoute(
      new Request(`http://localhost/api/patients/${patientId}/export/chart`, { method: "POST", headers: { host: "localhost", origin: "http://localhost", "content-type": "application/json" }, body: JSON.stringify(body) }),
      { params: Promise.resolve({ patientId }) },
    );

  it("records which chart of which runner before the browser saves it, and answers the file name", async () => {
    actAs("lee@springback.test");
    const res = await ask(runner, { chart: "measures", format: "svg", from: "2026-10-28", to: "2026-11-19" });
    expect(res.status).toBe(200);
    expect((await res.json()).data.fileName).toBe("SB-9101-2026-11-26-measures.svg");
    const row = getDb().select().from(auditEvents).where(and(eq(auditEvents.patientId, runner), eq(auditEvents.action, "patient.export"))).orderBy(desc(auditEvents.id)).get()!;
    expect(row.entityId).toBe(runner);
    expect(JSON.parse(row.detail!)).toEqual({ format: "chart-svg", chart: "measures", from: "2026-10-28", to: "2026-11-19" });
  });

  it("refuses an unknown chart and another clinic's runner: no export is recorded, only the refusal", async () => {
    actAs("lee@springback.test");
    const before = getDb().select().from(auditEvents).all().length;
    expect((await ask(runner, { chart: "secrets", format: "svg", from: "2026-10-28", to: "2026-11-19" })).status).toBe(400);
    expect(getDb().select().from(auditEvents).all().length).toBe(before);
    actAs("ola@northside.test");
    expect((await ask(runner, { chart: "pain", format: "png", from: "2026-10-28", to: "2026-11-19" })).status).toBe(404);
    expect(getDb().select().from(auditEvents).all().slice(before).map((r) => r.action)).toEqual(["access.refused", "access.refused"]);
  });
});
