/**
 * Small vector charts drawn straight into a PDF (lines, dots, bars, reference lines and
 * background bands), so the report's charts stay sharp at any zoom and their labels are
 * real, searchable text. The data comes from the chart-shaping functions in lib/domain.
 */
import type PDFDocument from "pdfkit";

type Doc = InstanceType<typeof PDFDocument>;

export const COLORS = {
  ink: "#1d2630",
  muted: "#56616d",
  line: "#d9dee3",
  accent: "#0f6e78",
  accentSoft: "#e3f1f2",
  stop: "#b42318",
  caution: "#8a5a00",
  safe: "#1f6f3f",
  left: "#0f6e78",
  right: "#b26a00",
  extra: ["#6d4c9f", "#2b7bb9", "#8a5a00"],
} as const;

export type ChartSeries = {
  label: string;
  color: string;
  kind: "line" | "dots" | "bars";
  /** One value per x slot; null is a gap (nothing drawn), never zero. */
  values: (number | null)[];
  dashed?: boolean;
};
export type ChartReference = { value: number; label: string; color: string; dashed?: boolean };
export type ChartBand = { from: number; to: number; label: string };
export type ChartSpec = {
  title: string;
  yLabel: string;
  /** Labels of the x slots; only some are printed when there are many. */
  xLabels: string[];
  series: ChartSeries[];
  references?: ChartReference[];
  /** Background bands over x slots (e.g. the stage on each day). */
  bands?: ChartBand[];
  yMax?: number;
  /** Shown instead of the plot when no series has a value. */
  emptyText: string;
};
export type Box = { x: number; y: number; w: number; h: number };

const FONT_SMALL = 7;

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * pow >= max) return step * pow;
  return 10 * pow;
}

function legend(doc: Doc, spec: ChartSpec, x: number, y: number, width: number): number {
  let cx = x;
  let cy = y;
  doc.fontSize(FONT_SMALL);
  const items = [...spec.series.map((s) => ({ label: s.label, color: s.color, dashed: s.dashed })), ...(spec.references ?? []).map((r) => ({ label: r.label, color: r.color, dashed: r.dashed }))];
  for (const item of items) {
    const w = doc.widthOfString(item.label) + 16;
    if (cx + w > x + width) {
      cx = x;
      cy += 10;
    }
    doc.save().rect(cx, cy + 1, 9, 5).fill(item.color).restore();
    doc.fillColor(COLORS.ink).text(item.label, cx + 12, cy, { lineBreak: false });
    cx += w + 6;
  }
  return cy + 12;
}

/** Draws one chart (title, legend, axes, data) inside a box; returns the box's bottom. */
export function drawChart(doc: Doc, box: Box, spec: ChartSpec): number {
  doc.fillColor(COLORS.ink).fontSize(10).text(spec.title, box.x, box.y, { width: box.w, lineBreak: false });
  const top = legend(doc, spec, box.x, box.y + 14, box.w) + 4;
  const plot = { x: box.x + 30, y: top, w: box.w - 36, h: box.y + box.h - top - 20 };
  const n = spec.xLabels.length;
  const known = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  doc.save().lineWidth(0.5).strokeColor(COLORS.line).rect(plot.x, plot.y, plot.w, plot.h).stroke().restore();
  if (known.length === 0 || n === 0) {
    doc.fillColor(COLORS.muted).fontSize(9).text(spec.emptyText, plot.x + 8, plot.y + plot.h / 2 - 5, { width: plot.w - 16, align: "center" });
    return box.y + box.h;
  }
  const yMax = spec.yMax ?? niceMax(Math.max(...known, ...(spec.references ?? []).map((r) => r.value)) * 1.1);
  const slot = plot.w / n;
  const xAt = (i: number) => plot.x + slot * (i + 0.5);
  const yAt = (v: number) => plot.y + plot.h - (Math.min(v, yMax) / yMax) * plot.h;

  (spec.bands ?? []).forEach((b, i) => {
    const bx = plot.x + slot * b.from;
    const bw = slot * (b.to - b.from + 1);
    doc.save().rect(bx, plot.y, bw, plot.h).fillOpacity(i % 2 === 0 ? 0.5 : 0.2).fill(COLORS.accentSoft).restore();
    if (bw > 14) doc.fillColor(COLORS.muted).fontSize(6).text(b.label, bx + 2, plot.y + 2, { width: bw - 4, lineBreak: false, ellipsis: true });
  });

  // Y axis: four ticks with grid lines.
  doc.fontSize(FONT_SMALL);
  for (let t = 0; t <= 4; t++) {
    const v = (yMax * t) / 4;
    const y = yAt(v);
    doc.save().lineWidth(0.25).strokeColor(COLORS.line).moveTo(plot.x, y).lineTo(plot.x + plot.w, y).stroke().restore();
    doc.fillColor(COLORS.muted).text(String(Math.round(v * 10) / 10), box.x, y - 3, { width: 27, align: "right", lineBreak: false });
  }
  doc.save().rotate(-90, { origin: [box.x - 2, plot.y + plot.h] }).fillColor(COLORS.muted).fontSize(6).text(spec.yLabel, box.x - 2, plot.y + plot.h - 8, { width: plot.h, lineBreak: false }).restore();

  // X labels: at most about eight, evenly spaced.
  const every = Math.max(1, Math.ceil(n / 8));
  for (let i = 0; i < n; i += every) {
    doc.fillColor(COLORS.muted).fontSize(FONT_SMALL).text(spec.xLabels[i]!, xAt(i) - 22, plot.y + plot.h + 3, { width: 44, align: "center", lineBreak: false });
  }

  for (const r of spec.references ?? []) {
    const y = yAt(r.value);
    const line = doc.save().lineWidth(0.8).strokeColor(r.color).moveTo(plot.x, y).lineTo(plot.x + plot.w, y);
    if (r.dashed) line.dash(3, { space: 2 });
    line.stroke().undash().restore();
  }

  for (const s of spec.series) {
    if (s.kind === "bars") {
      const bw = Math.max(1, slot * 0.6);
      s.values.forEach((v, i) => {
        if (v !== null && v > 0) doc.save().rect(xAt(i) - bw / 2, yAt(v), bw, plot.y + plot.h - yAt(v)).fill(s.color).restore();
      });
    } else if (s.kind === "dots") {
      s.values.forEach((v, i) => {
        if (v !== null) doc.save().circle(xAt(i), yAt(v), 2).fill(s.color).restore();
      });
    } else {
      doc.save().lineWidth(1.2).strokeColor(s.color);
      if (s.dashed) doc.dash(3, { space: 2 });
      let drawing = false;
      s.values.forEach((v, i) => {
        if (v === null) {
          if (drawing) doc.stroke();
          drawing = false;
          return;
        }
        if (!drawing) doc.moveTo(xAt(i), yAt(v));
        else doc.lineTo(xAt(i), yAt(v));
        drawing = true;
      });
      if (drawing) doc.stroke();
      doc.undash().restore();
      // A lone point between gaps would be invisible as a line: mark every point.
      s.values.forEach((v, i) => {
        if (v !== null) doc.save().circle(xAt(i), yAt(v), 1.3).fill(s.color).restore();
      });
    }
  }
  return box.y + box.h;
}
