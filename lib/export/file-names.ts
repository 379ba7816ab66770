/**
 * Export file names: the record number, what the file holds and the day, never the
 * patient's name (a file name travels in mail subjects, download folders and logs).
 */

/** Keeps letters, digits and dashes, so a name is safe in a Content-Disposition header and on every file system. */
function safePart(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

/** "SB-1003-2026-11-26-runs.csv"; without a part, "SB-1003-2026-11-26.pdf". */
export function exportFileName(recordNumber: string, day: string, ext: string, part?: string): string {
  const pieces = [safePart(recordNumber) || "patient", safePart(day)];
  if (part) pieces.push(safePart(part));
  return `${pieces.filter(Boolean).join("-")}.${safePart(ext).toLowerCase()}`;
}

/** The headers of an attachment download that no cache may keep. */
export function attachmentHeaders(fileName: string, contentType: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

/** The charts that offer image downloads, by the slug in their file names. */
export const CHART_IMAGE_KINDS = ["pain", "volume", "measures"] as const;
export type ChartImageKind = (typeof CHART_IMAGE_KINDS)[number];
