import { describe, expect, it } from "vitest";
import { hasMeasure, MEASURE_SPECS, measureFields, measureRows, type MeasureInput } from "./chart-measures";

const a = (assessedOn: string, over: Partial<MeasureInput> = {}): MeasureInput => ({
  assessedOn,
  fpaLeftDeg: null,
  fpaRightDeg: null,
  pelvicTiltDeg: null,
  cadenceSpm: null,
  kneeToWallLeftCm: null,
  kneeToWallRightCm: null,
  heelRaisesLeft: null,
  heelRaisesRight: null,
  ...over,
});
const spec = (key: string) => MEASURE_SPECS.find((s) => s.key === key)!;

describe("measureRows", () => {
  it("orders assessments oldest first and keeps measures not taken as null", () => {
    const rows = measureRows([a("2026-11-20", { heelRaisesLeft: 22 }), a("2026-11-01", { heelRaisesLeft: 12, heelRaisesRight: 28 })]);
    expect(rows.map((r) => [r.date, r.heelRaisesLeft, r.heelRaisesRight])).toEqual([
      ["2026-11-01", 12, 28],
      ["2026-11-20", 22, null],
    ]);
  });

  it.each([
    ["heelRaises", ["heelRaisesLeft", "heelRaisesRight"]],
    ["fpa", ["fpaLeft", "fpaRight"]],
    ["pelvicTilt", ["pelvicTilt"]],
    ["cadence", ["cadence"]],
  ])("%s draws %j", (key, fields) => expect(measureFields(spec(key)).map((f) => f.field)).toEqual(fields));

  it.each([
    ["cadence", [a("2026-11-01", { cadenceSpm: 165 })], true],
    ["cadence", [a("2026-11-01", { heelRaisesLeft: 20 })], false],
    ["kneeToWall", [a("2026-11-01", { kneeToWallRightCm: 9 })], true],
  ] as const)("hasMeasure %s", (key, input, expected) => expect(hasMeasure(measureRows([...input]), spec(key))).toBe(expected));

  it("carries the reference bands and targets of the product brief", () => {
    expect(spec("fpa").band).toMatchObject({ from: 5, to: 13 });
    expect(spec("pelvicTilt").band).toMatchObject({ from: 0, to: 23 });
    expect(spec("heelRaises").references!.map((r) => r.value)).toEqual([25, 30]);
  });
});
