/**
 * The progress report as a letter to a referring doctor (pdfkit, server side, A4 or US
 * Letter): the clinic's letterhead, the runner, the injury in words, the therapist's
 * clinical impression and plan, where the runner is now (or, in the discharge variant, the
 * outcome and advice for the watch window), the course of care as a timeline, the last
 * runs, the latest assessment compared properly for each measure, the charts the therapist
 * chose, and a signature block to reply to.
 *
 * Layout: content flows from page to page; a page ends only when the next block does not
 * fit (a heading is kept with what follows it, a table row never splits and the header row
 * repeats), so no page but the last is left mostly empty. Every page carries the runner's
 * record number and "Page n of m" in the footer, and pages after the first a "Re:" line.
 * Text in any script goes through `./pdf-text` (font per script, right-to-left ordering).
 */
import PDFDocument from "pdfkit";
import type { ExportInjuryDto, PatientExportDto } from "@/lib/dal/exports";
import { ageOn, injuryDay } from "@/lib/domain/dates";
import { dayWithYear } from "@/lib/domain/engine";
import { OKABE_ITO } from "@/components/charts/palette";
import { COLORS, drawChart, type ChartSpec } from "./pdf-charts";
import { drawLines, layoutParagraph, lineHeight, selectBaseFont, type Line, type Weight } from "./pdf-text";
import {
  assessmentComparison,
  courseOfCare,
  dischargeSummary,
  lastRuns,
  latestAssessments,
  REPORT_CHART_KEYS,
  reportCharts,
  reportInjury,
  type ReportChartKey,
  distanceWords,
} from "./report-data";

export const PAPER_SIZES = { a4: "A4", letter: "LETTER" } as const;
export type PaperSize = keyof typeof PAPER_SIZES;
export const REPORT_VARIANTS = ["progress", "discharge"] as const;
export type ReportVariant = (typeof REPORT_VARIANTS)[number];

/** What the therapist chose in the export dialog. Impression and plan are free text (any script). */
export type ReportOptions = {
  variant: ReportVariant;
  charts: readonly ReportChartKey[];
  impression: string;
  plan: string;
};

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { variant: "progress", charts: REPORT_CHART_KEYS.slice(0, 4), impression: "", plan: "" };

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 50;
const FOOTER_SPACE = 40;
const TOP_CONTINUED = 64;
const SIZE = { body: 10, small: 8.5, h1: 16, h2: 12, letterhead: 15 };
const SEX_WORDS = { female: "female", male: "male", other: "other", unknown: "sex not recorded" } as const;
const STATUS_WORDS = { active: "in care (active)", returned: "returned to running", closed: "closed" } as const;

/** The flowing cursor: where the next block goes. */
type Flow = { doc: Doc; d: PatientExportDto; y: number; left: number; width: number; bottom: number };

function newPage(f: Flow) {
  f.doc.addPage();
  f.y = TOP_CONTINUED;
}

/** Moves to a new page when `height` points do not fit under the cursor. */
function ensure(f: Flow, height: number) {
  if (f.y + height > f.bottom) newPage(f);
}

type TextOpts = { size?: number; weight?: Weight; color?: string; indent?: number; gapAfter?: number; align?: "start" | "right" };

function lay(f: Flow, text: string, o: TextOpts = {}): Line[] {
  return layoutParagraph(f.doc, text, { width: f.width - (o.indent ?? 0), size: o.size ?? SIZE.body, weight: o.weight ?? "regular" });
}

/** A paragraph that may run over a page end between lines. */
function para(f: Flow, text: string, o: TextOpts = {}) {
  const size = o.size ?? SIZE.body;
  for (const line of lay(f, text, o)) {
    ensure(f, lineHeight(size));
    f.y = drawLines(f.doc, [line], f.left + (o.indent ?? 0), f.y, { width: f.width - (o.indent ?? 0), size, color: o.color ?? COLORS.ink, align: o.align === "right" ? "right" : "start" });
  }
  f.y += o.gapAfter ?? 3;
}

/** A heading, moved to the next page with its first `keep` points of content when they would not fit together. */
function heading(f: Flow, text: string, keep: number) {
  const h = lineHeight(SIZE.h2) + 6;
  ensure(f, h + keep);
  f.y += 6;
  f.y = drawLines(f.doc, lay(f, text, { size: SIZE.h2, weight: "bold" }), f.left, f.y, { width: f.width, size: SIZE.h2, color: COLORS.accent });
  f.doc.save().lineWidth(0.5).strokeColor(COLORS.line).moveTo(f.left, f.y).lineTo(f.left + f.width, f.y).stroke().restore();
  f.y += 4;
}

/** The height of a paragraph's first two lines (what a heading is kept with). */
function firstLines(f: Flow, text: string, o: TextOpts = {}): number {
  return Math.min(2, lay(f, text, o).length) * lineHeight(o.size ?? SIZE.body);
}

type Column = { header: string; width: number; weight?: Weight };

function rowLines(f: Flow, cells: readonly string[], cols: readonly Column[], size: number, header: boolean): Line[][] {
  return cells.map((c, i) => layoutParagraph(f.doc, c, { width: cols[i]!.width - 6, size, weight: header ? "bold" : (cols[i]!.weight ?? "regular") }));
}

const rowHeight = (lines: Line[][], size: number) => Math.max(1, ...lines.map((l) => l.length)) * lineHeight(size) + 5;

function drawRow(f: Flow, lines: Line[][], cols: readonly Column[], size: number, header: boolean) {
  const h = rowHeight(lines, size);
  if (header) f.doc.save().rect(f.left, f.y, f.width, h).fill("#eef2f4").restore();
  let x = f.left;
  lines.forEach((cell, i) => {
    drawLines(f.doc, cell, x + 3, f.y + 2.5, { width: cols[i]!.width - 6, size, color: COLORS.ink });
    x += cols[i]!.width;
  });
  f.y += h;
  f.doc.save().lineWidth(0.4).strokeColor(COLORS.line).moveTo(f.left, f.y).lineTo(f.left + f.width, f.y).stroke().restore();
}

/** The height of a table's header and first row: what its heading is kept with. */
function tableStart(f: Flow, cols: readonly Column[], first: readonly string[] | undefined, size = SIZE.small): number {
  const head = rowHeight(rowLines(f, cols.map((c) => c.header), cols, size, true), size);
  return head + (first ? rowHeight(rowLines(f, first, cols, size, false), size) : 0);
}

/** A table whose rows never split; the header row repeats on a new page. */
function table(f: Flow, cols: readonly Column[], rows: readonly (readonly string[])[], size = SIZE.small) {
  const header = rowLines(f, cols.map((c) => c.header), cols, size, true);
  drawRow(f, header, cols, size, true);
  for (const r of rows) {
    const lines = rowLines(f, r, cols, size, false);
    const h = rowHeight(lines, size);
    if (f.y + h > f.bottom) {
      newPage(f);
      drawRow(f, header, cols, size, true);
    }
    drawRow(f, lines, cols, size, false);
  }
  f.y += 6;
}

const cols = (f: Flow, spec: [string, number][]): Column[] => spec.map(([header, frac]) => ({ header, width: frac * f.width }));

function letterhead(f: Flow) {
  const { d } = f;
  const c = d.clinic;
  const dateText = dayWithYear(d.today);
  const right = 150;
  const top = f.y;
  f.y = drawLines(f.doc, layoutParagraph(f.doc, c.name, { width: f.width - right, size: SIZE.letterhead, weight: "bold" }), f.left, f.y, { width: f.width - right, size: SIZE.letterhead, color: COLORS.accent });
  const contact = [...(c.address ? c.address.split(/\r?\n/) : []), [c.phone && `Tel. ${c.phone}`, c.email].filter(Boolean).join(" · ")].filter((l) => l.trim());
  for (const l of contact) f.y = drawLines(f.doc, layoutParagraph(f.doc, l, { width: f.width - right, size: SIZE.small }), f.left, f.y, { width: f.width - right, size: SIZE.small, color: COLORS.muted });
  drawLines(f.doc, layoutParagraph(f.doc, dateText, { width: right, size: SIZE.body }), f.left + f.width - right, top + 4, { width: right, size: SIZE.body, align: "right" });
  f.y += 6;
  f.doc.save().lineWidth(1.2).strokeColor(OKABE_ITO.blue).moveTo(f.left, f.y).lineTo(f.left + f.width, f.y).stroke().restore();
  f.y += 12;
}

function identity(f: Flow, variant: ReportVariant) {
  const p = f.d.patient;
  para(f, variant === "discharge" ? "Discharge report: return to running after a calf strain" : "Return-to-run progress report", { size: SIZE.h1, weight: "bold", gapAfter: 6 });
  para(f, `Re: ${p.name}`, { weight: "bold", gapAfter: 1 });
  para(f, `Record number ${p.recordNumber} · born ${dayWithYear(p.dateOfBirth)} (age ${ageOn(p.dateOfBirth, f.d.today)}) · ${SEX_WORDS[p.sex]}`, { gapAfter: 1 });
  para(f, `Primary therapist: ${p.primaryTherapist}${p.preInjuryWeeklyKm !== null ? ` · running before the injury: ${distanceWords(p.preInjuryWeeklyKm, f.d.distanceUnit)} a week` : ""}`);
}

function injurySection(f: Flow, injury: ExportInjuryDto) {
  const d = f.d;
  const lines = [
    `${injury.description[0]!.toUpperCase()}${injury.description.slice(1)}, since ${dayWithYear(injury.onsetDate)} (day ${injuryDay(injury.onsetDate, d.today)} today).`,
    injury.mechanism ? `How it happened: ${injury.mechanism.trim()}` : null,
    `Episode: ${STATUS_WORDS[injury.status]}${injury.returnDate ? `; returned to running on ${dayWithYear(injury.returnDate)}` : ""}${injury.closedDate ? `; closed on ${dayWithYear(injury.closedDate)}` : ""}.`,
    injury.priorStrains > 0 || injury.isRecurrence ? `History: ${injury.priorStrains} earlier calf strain${injury.priorStrains === 1 ? "" : "s"}${injury.isRecurrence ? "; this is a recurrence" : ""}.` : null,
  ].filter((l): l is string => !!l);
  const screen = d.redFlagScreens?.find((s) => s.injuryId === injury.id);
  if (screen) {
    lines.push(
      screen.positive.length === 0
        ? `Red-flag screen (${dayWithYear(screen.screenedOn)}): clear.`
        : `Red-flag screen (${dayWithYear(screen.screenedOn)}): ${screen.positive.join("; ")}${screen.clearedBy ? `; cleared by ${screen.clearedBy}${screen.clearedOn ? ` on ${dayWithYear(screen.clearedOn)}` : ""}${screen.note ? ` (${screen.note})` : ""}` : "; not yet cleared: refer before loading"}.`,
    );
  }
  const course = d.expectedCourse?.find((c) => c.injuryId === injury.id);
  if (course) lines.push(`Expected course: ${course.words}${course.pace ? ` (${course.pace === "usual" ? "as usual" : `${course.pace} than usual`})` : ""}. Source: ${course.source}.`);
  heading(f, "The injury", firstLines(f, lines[0]!));
  for (const l of lines) para(f, l);
}

function nowSection(f: Flow, injury: ExportInjuryDto) {
  const s = f.d.status?.injuryId === injury.id ? f.d.status : null;
  if (!s) return;
  const first = `Stage ${s.stage} (${s.stageName}) since ${dayWithYear(s.stageSince)}.`;
  heading(f, "Where the runner is now", firstLines(f, first));
  para(f, first, { weight: "bold" });
  if (s.criteria.length) {
    para(f, s.readyToProgress ? "Criteria for the next stage (all met):" : "Criteria for the next stage:", { gapAfter: 1 });
    for (const c of s.criteria) para(f, `${c.met ? "Met" : "Not met"}: ${c.label}. ${c.detail}`, { indent: 12, size: SIZE.small, color: c.met ? COLORS.safe : COLORS.ink, gapAfter: 1 });
  }
  para(f, `Next step: ${s.nextStep}`);
  para(f, s.flags.length ? `Open flags: ${s.flags.map((fl) => `${fl.level === "stop" ? "stop" : "caution"}: ${fl.reason}`).join("; ")}` : "No open flags.");
}

function dischargeSection(f: Flow, injury: ExportInjuryDto) {
  const summary = dischargeSummary(f.d, injury);
  if (!summary) {
    heading(f, "Outcome", lineHeight(SIZE.body) * 2);
    para(f, "The runner has not returned to full running yet: this letter reports the course so far.");
    return;
  }
  heading(f, "Outcome", firstLines(f, summary.outcome));
  para(f, summary.outcome);
  const title = `Advice for the watch window (${summary.watchWeeks} weeks, until ${dayWithYear(summary.watchUntil)})`;
  heading(f, title, firstLines(f, summary.advice[0]!, { indent: 12 }));
  for (const a of summary.advice) para(f, `• ${a}`, { indent: 12 });
}

function freeText(f: Flow, title: string, text: string) {
  const body = text.trim();
  if (!body) return;
  heading(f, title, firstLines(f, body));
  for (const p of body.split(/\n{2,}/)) para(f, p, { gapAfter: 5 });
}

function timelineSection(f: Flow, injury: ExportInjuryDto) {
  const entries = courseOfCare(f.d, injury);
  const c = cols(f, [
    ["Date", 0.2],
    ["What happened", 0.8],
  ]);
  const rows = entries.map((e) => [dayWithYear(e.date), e.text]);
  heading(f, "Course of care", tableStart(f, c, rows[0]));
  table(f, c, rows);
}

function runsSection(f: Flow, injury: ExportInjuryDto) {
  const { rows, total } = lastRuns(f.d, injury);
  const intro = total === 0 ? "No runs recorded in this episode yet." : total > rows.length ? `The last ${rows.length} of ${total} runs in this episode.` : `All ${total} run${total === 1 ? "" : "s"} in this episode.`;
  const c = cols(f, [
    ["Date", 0.18],
    ["Pattern or minutes", 0.36],
    ["Distance", 0.13],
    ["Pain during (0–10)", 0.16],
    ["Next morning (0–10)", 0.17],
  ]);
  const body = rows.map((r) => [dayWithYear(r.date), r.pattern, r.distance, r.painDuring, r.nextMorning]);
  heading(f, "Recent runs", lineHeight(SIZE.body) + (body.length ? tableStart(f, c, body[0]) : 0));
  para(f, intro);
  if (body.length) table(f, c, body);
}

function assessmentSection(f: Flow, injury: ExportInjuryDto) {
  const { latest, previous } = latestAssessments(f.d, injury);
  if (!latest) {
    heading(f, "Latest assessment", lineHeight(SIZE.body));
    para(f, "No assessment recorded for this injury yet.");
    return;
  }
  const intro = `${dayWithYear(latest.assessedOn)}${latest.assessedBy ? `, by ${latest.assessedBy}` : ""}${previous ? `; compared with ${dayWithYear(previous.assessedOn)}` : "; the first assessment, so there is no change to show"}.`;
  const c = cols(f, [
    ["Measure", 0.27],
    ["Left", 0.11],
    ["Right", 0.11],
    ["Side to side", 0.27],
    [previous ? "Change since previous" : "Change", 0.24],
  ]);
  const rows = assessmentComparison(latest, previous, injury.side).map((r) => [r.measure, r.left, r.right, r.sideToSide, r.change]);
  heading(f, "Latest assessment", lineHeight(SIZE.body) + (rows.length ? tableStart(f, c, rows[0]) : 0));
  para(f, intro);
  const faults = (
    [
      ["toe-out", latest.toeOutSeverity],
      ["anterior pelvic tilt", latest.pelvicSeverity],
      ["overstriding", latest.overstrideSeverity],
      ["calf and ankle", latest.calfSeverity],
    ] as const
  ).filter(([, v]) => v);
  if (faults.length) para(f, `Gait faults graded: ${faults.map(([k, v]) => `${k} ${v}`).join("; ")}.`);
  if (rows.length) table(f, c, rows);
  para(f, "LSI (limb symmetry index) = injured side ÷ uninjured side × 100%, for counts and knee-to-wall; 90% or more meets the criterion. Angles are compared in degrees and muscle grades as grades. A knee-to-wall difference or change under 1.9 cm is within measurement error (Powden et al. 2015).", {
    size: SIZE.small,
    color: COLORS.muted,
  });
}

function chartsSection(f: Flow, injury: ExportInjuryDto, keys: readonly ReportChartKey[]) {
  const specs = reportCharts(f.d, injury, keys);
  if (!specs.length) return;
  const heights = (s: ChartSpec) => (s.title.startsWith("Pain") ? 220 : 180);
  heading(f, "Charts", heights(specs[0]!));
  for (const spec of specs) {
    const h = heights(spec);
    ensure(f, h);
    selectBaseFont(f.doc);
    f.y = drawChart(f.doc, { x: f.left, y: f.y, w: f.width, h }, spec) + 14;
  }
}

function signature(f: Flow) {
  const s = f.d.signer;
  const c = f.d.clinic;
  const lines: [string, Weight][] = [
    ["Yours sincerely,", "regular"],
    [s.name, "bold"],
    ...(s.profession ? [[s.profession, "regular"] as [string, Weight]] : []),
    ...(s.registrationNumber ? [[`Registration number: ${s.registrationNumber}`, "regular"] as [string, Weight]] : []),
    [c.name, "regular"],
    [`Reply to: ${[s.email, c.phone].filter(Boolean).join(" · ")}`, "regular"],
    [`Signed ${dayWithYear(f.d.today)}`, "regular"],
  ];
  ensure(f, lines.length * lineHeight(SIZE.body) + 30);
  f.y += 8;
  lines.forEach(([text, weight], i) => {
    para(f, text, { weight, gapAfter: i === 0 ? 22 : 1 });
  });
}

function pageFurniture(doc: Doc, d: PatientExportDto, title: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - 2 * MARGIN;
    const footer = `${d.patient.recordNumber} · ${title} · ${dayWithYear(d.today)} · Page ${i + 1} of ${range.count}`;
    drawLines(doc, layoutParagraph(doc, footer, { width, size: 7.5 }), MARGIN, doc.page.height - 30, { width, size: 7.5, color: COLORS.muted, align: "center" });
    if (i > range.start) {
      const re = `Re: ${d.patient.name} (${d.patient.recordNumber}), continued`;
      drawLines(doc, layoutParagraph(doc, re, { width, size: 8 }), MARGIN, 34, { width, size: 8, color: COLORS.muted });
    }
    doc.page.margins.bottom = bottom;
  }
}

function writeLetter(f: Flow, o: ReportOptions) {
  letterhead(f);
  identity(f, o.variant);
  const injury = reportInjury(f.d);
  if (!injury) {
    para(f, "No injury episode is recorded for this runner yet, so there is no course of care to report.");
  } else {
    injurySection(f, injury);
    freeText(f, "Clinical impression", o.impression);
    freeText(f, "Plan", o.plan);
    if (o.variant === "discharge") dischargeSection(f, injury);
    else nowSection(f, injury);
    timelineSection(f, injury);
    runsSection(f, injury);
    assessmentSection(f, injury);
    chartsSection(f, injury, o.charts);
  }
  signature(f);
}

/** The letter as PDF bytes. `options` default to a progress report with the pain, volume, heel-raise and knee-to-wall charts. */
export function progressReportPdf(d: PatientExportDto, size: PaperSize, options: Partial<ReportOptions> = {}): Promise<Buffer> {
  const o: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, ...options };
  const title = o.variant === "discharge" ? "Discharge report" : "Return-to-run progress report";
  const doc = new PDFDocument({
    size: PAPER_SIZES[size],
    margins: { top: MARGIN, bottom: FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: `${title} ${d.patient.recordNumber}`, Author: d.clinic.name, Subject: title, CreationDate: new Date(d.generatedAt) },
    lang: "en",
    displayTitle: true,
    tagged: false,
  });
  // Letter text picks fonts per script (./pdf-text), which registers DejaVu Sans as
  // "regular" and "bold", the names the chart drawing uses.
  selectBaseFont(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const flow: Flow = { doc, d, y: MARGIN, left: MARGIN, width: doc.page.width - 2 * MARGIN, bottom: doc.page.height - FOOTER_SPACE - 16 };
  writeLetter(flow, o);
  pageFurniture(doc, d, title);
  doc.end();
  return done;
}
