import { describe, expect, it } from "vitest";
import { chartCaption, chartImageFileName, dateRangeWords } from "./chart-image";

describe("chart image naming", () => {
  it.each([
    ["SB-1020", "pain", "png", "SB-1020-2026-11-26-pain.png"],
    ["SB-1020", "heel-raises", "svg", "SB-1020-2026-11-26-heel-raises.svg"],
    ["NR 1001/x", "volume", "png", "NR-1001-x-2026-11-26-volume.png"],
  ] as const)("%s %s %s → %s", (record, chart, format, expected) => expect(chartImageFileName(record, chart, "2026-11-26", format)).toBe(expected));

  it.each([
    ["2026-09-05", "2026-11-26", "5 Sept 2026 – 26 Nov 2026"],
    ["2026-11-26", "2026-11-26", "26 Nov 2026"],
  ])("the range %s to %s reads %s", (from, to, words) => expect(dateRangeWords(from, to)).toBe(words));

  it("captions with the patient's name, record number and the dates", () => {
    expect(chartCaption({ patientName: "Samuel Adeyemi", recordNumber: "SB-1020", from: "2026-09-05", to: "2026-11-26" })).toBe("Samuel Adeyemi (SB-1020) · 5 Sept 2026 – 26 Nov 2026");
  });
});
