import { describe, expect, it } from "vitest";
import { exportLinks, fileNameFromDisposition } from "./links";

describe("exportLinks", () => {
  it("offers each CSV, the zip, the workbook, both paper sizes and the FHIR bundle", () => {
    const hrefs = exportLinks("p-1").flatMap((g) => g.links.map((l) => l.href));
    expect(hrefs).toEqual([
      "/api/patients/p-1/export/csv?file=daily-logs",
      "/api/patients/p-1/export/csv?file=runs",
      "/api/patients/p-1/export/csv?file=assessments",
      "/api/patients/p-1/export/csv",
      "/api/patients/p-1/export/xlsx",
      "/api/patients/p-1/export/pdf?size=a4",
      "/api/patients/p-1/export/pdf?size=letter",
      "/api/patients/p-1/export/fhir",
    ]);
  });

  it.each([
    ['attachment; filename="SB-1003-2026-11-26-runs.csv"', "SB-1003-2026-11-26-runs.csv"],
    ["inline", null],
    [null, null],
  ])("reads the file name of %j", (header, name) => expect(fileNameFromDisposition(header)).toBe(name));
});
