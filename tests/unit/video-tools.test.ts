import { describe, expect, it } from "vitest";
import { defaultPoints, readMeasure, TOOL_ORDER, TOOLS, type ToolPoint } from "@/components/video/tools";

const p = (x: number, y: number): ToolPoint => ({ x, y, suggested: false });
const base = { forward: "right" as const, knownCm: null, contacts: [] };

describe("readMeasure", () => {
  it("reads a shin angle from knee and ankle, signed by the direction of travel", () => {
    const knee = p(100, 100);
    const ankle = p(100 + 100 * Math.tan((8 * Math.PI) / 180), 200);
    expect(readMeasure("vertical", [knee, ankle], { ...base, field: "shinAngleDeg" }).value).toBe(8);
    expect(readMeasure("vertical", [knee, ankle], { ...base, field: "shinAngleDeg", forward: "left" }).value).toBe(-8);
  });
  it("reads anterior pelvic tilt as positive with the front lower, whichever way the runner faces", () => {
    expect(readMeasure("horizontal", [p(0, 0), p(100, 10)], { ...base, field: "pelvicTiltDeg" }).value).toBe(5.7);
    expect(readMeasure("horizontal", [p(100, 0), p(0, 10)], { ...base, field: "pelvicTiltDeg", forward: "left" }).value).toBe(5.7);
  });
  it("reads toe-out as positive for the side of the chosen field", () => {
    const travel = [p(0, 100), p(0, 0)];
    expect(readMeasure("reference", [...travel, p(0, 0), p(10, -10)], { ...base, field: "fpaRightDeg" }).value).toBe(45);
    expect(readMeasure("reference", [...travel, p(0, 0), p(-10, -10)], { ...base, field: "fpaLeftDeg" }).value).toBe(45);
  });
  it("needs the calibration length for a distance and reports the horizontal distance", () => {
    const pts = [p(0, 300), p(500, 300), p(100, 50), p(150, 290)];
    expect(readMeasure("distance", pts, { ...base, field: "strikeAheadCm" })).toEqual({ value: null, problem: "Enter the calibration line's real length in cm." });
    expect(readMeasure("distance", pts, { ...base, field: "strikeAheadCm", knownCm: 100 }).value).toBe(10);
  });
  it("reads cadence from contacts and explains what is missing", () => {
    expect(readMeasure("cadence", [], { ...base, field: "cadenceSpm", contacts: [0, 0.35] }).problem).toMatch(/at least 11 foot contacts/);
    expect(readMeasure("cadence", [], { ...base, field: "cadenceSpm", contacts: Array.from({ length: 11 }, (_, i) => i / 3) }).value).toBe(180);
  });
  it("refuses points on top of each other", () => {
    expect(readMeasure("three_point", [p(1, 1), p(1, 1), p(5, 5)], { ...base, field: "shinAngleDeg" }).value).toBeNull();
  });
});

describe("defaultPoints", () => {
  it("places as many points as each tool names, inside the frame", () => {
    for (const tool of TOOL_ORDER) {
      const pts = defaultPoints(tool, 640, 360);
      expect(pts).toHaveLength(TOOLS[tool].points.length);
      for (const pt of pts) expect(pt.x >= 0 && pt.x <= 640 && pt.y >= 0 && pt.y <= 360).toBe(true);
    }
  });
});
