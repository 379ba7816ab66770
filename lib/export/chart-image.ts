/**
 * Chart images for download, made in the browser from the chart as drawn on screen (so
 * the legend, colours and fonts match): a PNG at twice the pixel density and an SVG, both
 * on white, framed with the chart's title, the patient's name and record number and the
 * date range the chart shows.
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

/** Builds an off-screen frame: title, caption, then a copy of the chart as drawn. */
function frameFor(container: HTMLElement, meta: ChartImageMeta): HTMLElement {
  const style = getComputedStyle(container);
  const frame = document.createElement("div");
  Object.assign(frame.style, {
    position: "fixed",
    left: "-100000px",
    top: "0",
    width: `${container.offsetWidth + 32}px`,
    padding: "16px",
    background: WHITE,
    color: "#1d2630",
    fontFamily: style.fontFamily,
  });
  const title = document.createElement("div");
  title.textContent = meta.title;
  Object.assign(title.style, { fontSize: "16px", fontWeight: "600", marginBottom: "2px" });
  const caption = document.createElement("div");
  caption.textContent = chartCaption(meta);
  Object.assign(caption.style, { fontSize: "12px", color: "#56616d", marginBottom: "8px" });
  const copy = container.cloneNode(true) as HTMLElement;
  copy.style.width = `${container.offsetWidth}px`;
  copy.style.height = `${container.offsetHeight}px`;
  frame.append(title, caption, copy);
  return frame;
}

function svgBlobFromDataUrl(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(",");
  return new Blob([decodeURIComponent(dataUrl.slice(comma + 1))], { type: "image/svg+xml;charset=utf-8" });
}

/** PNG (at pixel ratio 2) and SVG images of a chart element, framed with its title, patient and dates. */
export async function chartImages(container: HTMLElement, meta: ChartImageMeta): Promise<{ png: Blob; svg: Blob }> {
  // Loaded on demand: the chart pages do not pay for it until someone exports.
  const { toBlob, toSvg } = await import("html-to-image");
  const frame = frameFor(container, meta);
  document.body.append(frame);
  // The copy is rendered in place of the off-screen frame, so its position is reset.
  const options = { backgroundColor: WHITE, style: { position: "static", left: "0", top: "0" } as Partial<CSSStyleDeclaration> };
  try {
    const png = await toBlob(frame, { ...options, pixelRatio: CHART_IMAGE_PIXEL_RATIO });
    if (!png) throw new Error("The chart could not be drawn as an image.");
    const svg = svgBlobFromDataUrl(await toSvg(frame, options));
    return { png, svg };
  } finally {
    frame.remove();
  }
}
