import { describe, expect, it } from "vitest";
import { attachmentHeaders, exportFileName } from "./file-names";

describe("exportFileName", () => {
  it.each([
    [["SB-1003", "2026-11-26", "csv", "runs"], "SB-1003-2026-11-26-runs.csv"],
    [["SB-1003", "2026-11-26", "pdf"], "SB-1003-2026-11-26.pdf"],
    [["SB-1003", "2026-11-26", "PNG", "pain chart"], "SB-1003-2026-11-26-pain-chart.png"],
    [["NR/10\"01", "2026-11-26", "json", "fhir"], "NR-10-01-2026-11-26-fhir.json"],
    [["", "2026-11-26", "zip"], "patient-2026-11-26.zip"],
  ] as const)("%j → %s", (args, expected) => expect(exportFileName(...(args as unknown as [string, string, string, string?]))).toBe(expected));

  it("never lets a quote or line break into the header", () => {
    const headers = attachmentHeaders(exportFileName('x"\r\nSet-Cookie: a=b', "2026-11-26", "csv"), "text/csv");
    expect(headers["Content-Disposition"]).toBe('attachment; filename="x-Set-Cookie-a-b-2026-11-26.csv"');
    expect(headers["Cache-Control"]).toBe("no-store");
  });
});
