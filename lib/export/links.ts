/** The export downloads of one patient, grouped as the menu shows them. */
export type ExportLink = { href: string; label: string };
export type ExportGroup = { title: string; links: ExportLink[] };

export function exportLinks(patientId: string): ExportGroup[] {
  const base = `/api/patients/${encodeURIComponent(patientId)}/export`;
  return [
    {
      title: "Spreadsheet (CSV, Excel)",
      links: [
        { href: `${base}/csv?file=daily-logs`, label: "Daily logs (CSV)" },
        { href: `${base}/csv?file=runs`, label: "Runs (CSV)" },
        { href: `${base}/csv?file=assessments`, label: "Assessments (CSV)" },
        { href: `${base}/csv`, label: "All three (ZIP)" },
        { href: `${base}/xlsx`, label: "All three for Excel (XLSX)" },
      ],
    },
    {
      title: "Progress report (PDF)",
      links: [
        { href: `${base}/pdf?size=a4`, label: "Progress report, A4 (PDF)" },
        { href: `${base}/pdf?size=letter`, label: "Progress report, US Letter (PDF)" },
      ],
    },
    { title: "Other systems", links: [{ href: `${base}/fhir`, label: "FHIR R4 bundle (JSON)" }] },
  ];
}

/** The file name of an attachment answer (`attachment; filename="…"`), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  const match = header && /filename="([^"]+)"/.exec(header);
  return match ? match[1]! : null;
}
