/**
 * Chart images for download, made in the browser from the chart as drawn on screen (so
 * the legend and colours match): a real vector SVG (recharts' own `<svg>` with computed
 * styles inlined; title, caption, axis labels and legend as SVG `<text>`; no
 * `<foreignObject>`, so Word, Inkscape, ImageMagick and rsvg show every label) and a PNG
 * at twice the pixel density drawn from that SVG on a canvas. Both are on white, framed
 * with the chart's title, the patient's name and record number and the dates shown.
 *
 * A chart component calls it with the element that holds the chart and its legend:
 *   const ref = useRef<HTMLDivElement>(null);
 *   const { png, svg } = await chartImages(ref.current!, { title, chart: "pain", patientName, recordNumber, from, to, today });
 *   saveBlob(png, chartImageFileName(recordNumber, "pain", today, "png"));
 * The pure parts (file names, caption words) are below the DOM part and unit-tested.
 */
import { dayWithYear } from "@/lib/domain/engine/words";
import { exportFileName } from "./file-names";

export type ChartImageMeta = {
  title: string;
  /** A short slug for the file name: "pain", "volume", "heel-raises", "knee-to-wall". */
  chart: string;
  patientName: string;
  recordNumber: string;
  /** The first and last calendar day the chart shows. */
  from: string;
  to: string;
};

export const CHART_IMAGE_PIXEL_RATIO = 2;
const WHITE = "#ffffff";

/** "SB-1003-2026-11-26-pain.png": record number, day of the export, chart. */
export function chartImageFileName(recordNumber: string, chart: string, day: string, format: "png" | "svg"): string {
  return exportFileName(recordNumber, day, format, chart);
}

/** "5 Sept 2026 – 26 Nov 2026", or one day when the range is a single day. */
export function dateRangeWords(from: string, to: string): string {
  return from === to ? dayWithYear(from) : `${dayWithYear(from)} – ${dayWithYear(to)}`;
}

/** The line under the title: "Samuel Adeyemi (SB-1020) · 5 Sept 2026 – 26 Nov 2026". */
export function chartCaption(meta: Pick<ChartImageMeta, "patientName" | "recordNumber" | "from" | "to">): string {
  return `${meta.patientName} (${meta.recordNumber}) · ${dateRangeWords(meta.from, meta.to)}`;
}

const INK = "#1d2630";
const MUTED = "#56616d";
const PAD = 16;
const HEADER = 48;
/** Fonts named after the page's own, so a reader without it (Word, Inkscape, rsvg) still has a sans-serif with wide coverage. */
const FALLBACK_FONTS = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif";

/** Presentation properties copied from the computed style onto each SVG element, so the file needs no stylesheet. */
const SVG_STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;

/** `&`, `<`, `>` and quotes escaped for SVG text and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** A font-family list with the fallbacks after the page's own fonts (quotes made single for an attribute). */
function fontFamily(family: string): string {
  return `${family.replace(/"/g, "'")}, ${FALLBACK_FONTS}`;
}

/** A copy of a drawn `<svg>` with every element's computed presentation inlined and no scripts, classes or foreignObject. */
function inlineSvg(source: SVGSVGElement): SVGSVGElement {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const from = [source, ...Array.from(source.querySelectorAll("*"))];
  const to = [copy, ...Array.from(copy.querySelectorAll("*"))];
  from.forEach((el, i) => {
    const target = to[i] as Element;
    if (el instanceof SVGElement) {
      const style = getComputedStyle(el);
      const inline = SVG_STYLE_PROPS.map((p) => {
        const v = style.getPropertyValue(p);
        return v && v !== "normal" && v !== "auto" ? `${p}:${p === "font-family" ? fontFamily(v) : v}` : null;
      })
        .filter(Boolean)
        .join(";");
      if (inline) target.setAttribute("style", inline);
    }
    target.removeAttribute("class");
  });
  copy.querySelectorAll("foreignObject, script").forEach((n) => n.remove());
  return copy;
}

/** The SVG document for a chart as drawn in `container`: title, caption, every drawn `<svg>` and the HTML text around it (legends) as `<text>`. */
export function chartSvgDocument(container: HTMLElement, meta: ChartImageMeta): { svg: string; width: number; height: number } {
  const base = container.getBoundingClientRect();
  const width = Math.ceil(base.width) + 2 * PAD;
  const height = Math.ceil(base.height) + HEADER + 2 * PAD;
  const pageFont = getComputedStyle(container).fontFamily;
  const parts: string[] = [];
  const at = (r: DOMRect) => ({ x: r.left - base.left + PAD, y: r.top - base.top + PAD + HEADER });

  for (const svg of Array.from(container.querySelectorAll("svg"))) {
    if (svg.parentElement?.closest("svg")) continue;
    const r = svg.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const copy = inlineSvg(svg);
    const { x, y } = at(r);
    copy.setAttribute("x", String(Math.round(x * 10) / 10));
    copy.setAttribute("y", String(Math.round(y * 10) / 10));
    copy.setAttribute("width", String(r.width));
    copy.setAttribute("height", String(r.height));
    if (!copy.getAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${svg.width.baseVal.value || r.width} ${svg.height.baseVal.value || r.height}`);
    copy.removeAttribute("role");
    parts.push(new XMLSerializer().serializeToString(copy));
  }

  // HTML text outside the drawings (legend entries, small-multiple titles) becomes <text> where it was.
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.replace(/\s+/g, " ").trim();
    if (!parent || !text || parent.closest("svg")) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue; // visually hidden (screen-reader text)
    const style = getComputedStyle(parent);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const { x, y } = at(r);
    const size = parseFloat(style.fontSize) || 12;
    parts.push(
      `<text x="${x.toFixed(1)}" y="${(y + r.height / 2 + size * 0.35).toFixed(1)}" font-family="${escapeXml(fontFamily(style.fontFamily))}" font-size="${size}" font-weight="${style.fontWeight}" fill="${style.color}">${escapeXml(text)}</text>`,
    );
  }

  const font = escapeXml(fontFamily(pageFont));
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">`,
    `<title>${escapeXml(meta.title)}</title>`,
    `<desc>${escapeXml(chartCaption(meta))}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${WHITE}"/>`,
    `<text x="${PAD}" y="${PAD + 16}" font-size="16" font-weight="600" fill="${INK}">${escapeXml(meta.title)}</text>`,
    `<text x="${PAD}" y="${PAD + 36}" font-size="12" fill="${MUTED}">${escapeXml(chartCaption(meta))}</text>`,
    ...parts,
    `</svg>`,
  ].join("\n");
  return { svg, width, height };
}

/** A PNG of the SVG at `ratio` × its size, drawn by the browser on a canvas. */
async function pngFromSvg(svg: string, width: number, height: number, ratio: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.decoding = "async";
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("No canvas to draw the chart on.");
    ctx.fillStyle = WHITE;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!png) throw new Error("The chart could not be drawn as an image.");
    return png;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A vector SVG of a chart element (recharts' own `<svg>` with styles inlined, title, caption
 * and legend as `<text>`, no `<foreignObject>`), and a PNG at pixel ratio 2 drawn from it.
 */
export async function chartImages(container: HTMLElement, meta: ChartImageMeta): Promise<{ png: Blob; svg: Blob }> {
  const doc = chartSvgDocument(container, meta);
  const png = await pngFromSvg(doc.svg, doc.width, doc.height, CHART_IMAGE_PIXEL_RATIO);
  return { png, svg: new Blob([doc.svg], { type: "image/svg+xml;charset=utf-8" }) };
}
