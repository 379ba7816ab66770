/**
 * The progress report as a PDF, made on the server with pdfkit: clinic, patient, injury,
 * dates, the current stage with its criteria checklist, flags, the latest assessment with
 * asymmetries and the change since the previous one, three vector charts, the therapist
 * and the date. Text is real text in an embedded Unicode font (DejaVu Sans), so names in
 * any European script print and the report can be searched and read aloud.
 */
import path from "node:path";
import PDFDocument from "pdfkit";
import type { PatientExportDto } from "@/lib/dal/exports";
import { ageOn, injuryDay } from "@/lib/domain/dates";
import { dayWithYear } from "@/lib/domain/engine";
import { COLORS, drawChart } from "./pdf-charts";
import { assessmentComparison, latestAssessments, measureCharts, painChart, reportInjury, volumeChart, type ComparisonRow } from "./report-data";

export const PAPER_SIZES = { a4: "A4", letter: "LETTER" } as const;
export type PaperSize = keyof typeof PAPER_SIZES;

type Doc = InstanceType<typeof PDFDocument>;

const FONT_DIR = path.join(process.cwd() /* turbopackIgnore: true */, "node_modules", "dejavu-fonts-ttf", "ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");
const MARGIN = 48;
const SEX_WORDS = { female: "female", male: "male", other: "other", unknown: "sex not recorded" } as const;
const STATUS_WORDS = { active: "active", returned: "returned to running", closed: "closed" } as const;

function heading(doc: Doc, text: string) {
  ensureSpace(doc, 40);
  doc.moveDown(0.6).font("bold").fontSize(12).fillColor(COLORS.accent).text(text, MARGIN).font("regular").fillColor(COLORS.ink).fontSize(10).moveDown(0.2);
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function pair(doc: Doc, label: string, value: string) {
  doc.font("bold").text(`${label}: `, { continued: true }).font("regular").text(value);
}

function table(doc: Doc, rows: ComparisonRow[]) {
  const width = doc.page.width - 2 * MARGIN;
  const cols = [0.36, 0.13, 0.13, 0.14, 0.24].map((f) => f * width);
  const headers = ["Measure", "Left", "Right", "Asymmetry", "Change since previous"];
  const line = (cells: string[], bold: boolean) => {
    ensureSpace(doc, 16);
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? "bold" : "regular").fontSize(9);
    let bottom = y;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y, { width: cols[i]! - 4 });
      bottom = Math.max(bottom, doc.y);
      x += cols[i]!;
    });
    doc.save().lineWidth(0.4).strokeColor(COLORS.line).moveTo(MARGIN, bottom + 2).lineTo(MARGIN + width, bottom + 2).stroke().restore();
    doc.x = MARGIN;
    doc.y = bottom + 4;
  };
  line(headers, true);
  for (const r of rows) line([r.measure, r.left, r.right, r.asymmetry, r.change], false);
  doc.font("regular").fontSize(10);
}

function writeReport(doc: Doc, d: PatientExportDto) {
  const injury = reportInjury(d);
  const p = d.patient;
  doc.font("bold").fontSize(9).fillColor(COLORS.muted).text(d.clinic.name);
  doc.fontSize(18).fillColor(COLORS.ink).text("Return-to-run progress report");
  doc.font("regular").fontSize(10).fillColor(COLORS.muted).text(`Prepared on ${dayWithYear(d.today)} by ${d.exportedBy}`).fillColor(COLORS.ink);

  heading(doc, "Patient");
  pair(doc, "Name", p.name);
  pair(doc, "Record number", p.recordNumber);
  pair(doc, "Date of birth", `${dayWithYear(p.dateOfBirth)} (age ${ageOn(p.dateOfBirth, d.today)}), ${SEX_WORDS[p.sex]}`);
  pair(doc, "Therapist", p.primaryTherapist);
  if (p.preInjuryWeeklyKm !== null) pair(doc, "Pre-injury running", `${p.preInjuryWeeklyKm} km a week`);

  if (!injury) return;
  heading(doc, "Injury");
  pair(doc, "Injury", injury.description);
  pair(doc, "Onset", `${dayWithYear(injury.onsetDate)} (day ${injuryDay(injury.onsetDate, d.today)} today)`);
  pair(doc, "Episode", STATUS_WORDS[injury.status]);
  if (injury.returnDate) pair(doc, "Returned to running", dayWithYear(injury.returnDate));
  if (injury.closedDate) pair(doc, "Closed", dayWithYear(injury.closedDate));
  if (injury.priorStrains > 0) pair(doc, "Prior calf strains", String(injury.priorStrains));

  const s = d.status?.injuryId === injury.id ? d.status : null;
  heading(doc, "Current stage");
  if (!s) doc.text("This episode is closed: no return-to-run stage is followed.");
  else {
    doc.font("bold").text(`Stage ${s.stage}: ${s.stageName}`, { continued: true }).font("regular").text(` since ${dayWithYear(s.stageSince)}`);
    if (s.criteria.length) {
      doc.moveDown(0.3).text(s.readyToProgress ? "Criteria to progress (all met):" : "Criteria to progress:");
      for (const c of s.criteria) {
        ensureSpace(doc, 24);
        doc.font("bold").fillColor(c.met ? COLORS.safe : COLORS.caution).text(`${c.met ? "✓ Met" : "✗ Not met"}  `, MARGIN + 8, doc.y, { continued: true });
        doc.fillColor(COLORS.ink).text(c.label, { continued: true }).font("regular").fillColor(COLORS.muted).text(` — ${c.detail}`).fillColor(COLORS.ink);
      }
    }
    doc.x = MARGIN;
    doc.moveDown(0.3);
    pair(doc, "Next step", s.nextStep);
    heading(doc, "Flags");
    if (s.flags.length === 0) doc.text("No flags.");
    for (const f of s.flags) {
      ensureSpace(doc, 14);
      doc.font("bold").fillColor(f.level === "stop" ? COLORS.stop : COLORS.caution).text(`${f.level === "stop" ? "Stop" : "Caution"}: `, MARGIN + 8, doc.y, { continued: true });
      doc.font("regular").fillColor(COLORS.ink).text(f.reason);
    }
    doc.x = MARGIN;
  }

  const { latest, previous } = latestAssessments(d, injury);
  heading(doc, "Latest assessment");
  if (!latest) doc.text("No assessment recorded for this injury yet.");
  else {
    doc.text(`${dayWithYear(latest.assessedOn)}${latest.assessedBy ? `, by ${latest.assessedBy}` : ""}${previous ? `; compared with ${dayWithYear(previous.assessedOn)}` : "; the first assessment, so there is no change to show"}.`);
    const faults = [
      ["Toe-out", latest.toeOutSeverity],
      ["Anterior pelvic tilt", latest.pelvicSeverity],
      ["Overstriding", latest.overstrideSeverity],
      ["Calf and ankle", latest.calfSeverity],
    ].filter(([, v]) => v);
    if (faults.length) doc.text(`Gait faults: ${faults.map(([k, v]) => `${k} ${v}`).join("; ")}.`);
    doc.moveDown(0.3);
    table(doc, assessmentComparison(latest, previous));
    doc.fontSize(8).fillColor(COLORS.muted).text("Asymmetry = |left − right| ÷ the larger side. Targets: ≤10% asymmetry; a knee-to-wall change under about 1.9 cm is within measurement error.").fillColor(COLORS.ink).fontSize(10);
  }

  doc.addPage();
  heading(doc, "Charts");
  const width = doc.page.width - 2 * MARGIN;
  let y = doc.y + 4;
  y = drawChart(doc, { x: MARGIN, y, w: width, h: 210 }, painChart(d, injury)) + 16;
  y = drawChart(doc, { x: MARGIN, y, w: width, h: 180 }, volumeChart(d, injury)) + 16;
  const [heel, ktw] = measureCharts(d, injury);
  const half = (width - 16) / 2;
  drawChart(doc, { x: MARGIN, y, w: half, h: 170 }, heel!);
  drawChart(doc, { x: MARGIN + half + 16, y, w: half, h: 170 }, ktw!);
}

function footer(doc: Doc, d: PatientExportDto) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(8).fillColor(COLORS.muted).text(
      `${d.patient.recordNumber} · Therapist: ${d.patient.primaryTherapist} · ${dayWithYear(d.today)} · Page ${i + 1} of ${range.count}`,
      MARGIN,
      doc.page.height - 30,
      { width: doc.page.width - 2 * MARGIN, align: "center", lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
}

/** The report as PDF bytes. */
export function progressReportPdf(d: PatientExportDto, size: PaperSize): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAPER_SIZES[size],
    margin: MARGIN,
    bufferPages: true,
    font: REGULAR,
    info: { Title: `Return-to-run progress report ${d.patient.recordNumber}`, Author: d.clinic.name, Subject: "Return-to-run progress report", CreationDate: new Date(d.generatedAt) },
    lang: "en",
    displayTitle: true,
    tagged: false,
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("regular");
  writeReport(doc, d);
  footer(doc, d);
  doc.end();
  return done;
}
