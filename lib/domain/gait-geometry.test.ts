import { describe, expect, it } from "vitest";
import {
  angleFromReference,
  angleToHorizontal,
  angleToVertical,
  cadenceFromContacts,
  calibratedDistanceCm,
  contactsFromHeelHeights,
  estimateFps,
  footProgressionAngle,
  pixelsPerCm,
  roundForField,
  threePointAngle,
} from "./gait-geometry";

const p = (x: number, y: number) => ({ x, y });

describe("threePointAngle", () => {
  it.each([
    [p(0, -10), p(0, 0), p(10, 0), 90],
    [p(-10, 0), p(0, 0), p(10, 0), 180],
    [p(10, 0), p(0, 0), p(10, 0), 0],
    [p(10, 0), p(0, 0), p(5, 5 * Math.sqrt(3)), 60],
    [p(100, 100), p(200, 100), p(200 + 50, 100 - 50 * Math.sqrt(3)), 120],
  ])("%o %o %o is %d°", (a, v, b, deg) => {
    expect(threePointAngle(a, v, b)).toBeCloseTo(deg, 9);
  });
  it("is null for a ray without length", () => {
    expect(threePointAngle(p(1, 1), p(1, 1), p(5, 5))).toBeNull();
  });
  it("does not depend on the order of the outer points", () => {
    expect(threePointAngle(p(3, 9), p(1, 1), p(7, -2))).toBeCloseTo(threePointAngle(p(7, -2), p(1, 1), p(3, 9))!, 12);
  });
});

describe("angleToVertical (shin angle)", () => {
  it("is 0 for a vertical shin", () => {
    expect(angleToVertical(p(50, 0), p(50, 100))).toBeCloseTo(0, 9);
  });
  it("is positive with the ankle ahead of the knee for a runner moving right, in either point order", () => {
    const knee = p(100, 100);
    const ankle = p(100 + 100 * Math.tan((10 * Math.PI) / 180), 200);
    expect(angleToVertical(knee, ankle)).toBeCloseTo(10, 9);
    expect(angleToVertical(ankle, knee)).toBeCloseTo(10, 9);
  });
  it("flips sign for a runner moving left", () => {
    expect(angleToVertical(p(0, 0), p(10, 10), "left")).toBeCloseTo(-45, 9);
  });
  it("is 90 for a horizontal segment and null for a point", () => {
    expect(angleToVertical(p(0, 0), p(10, 0))).toBe(90);
    expect(angleToVertical(p(3, 3), p(3, 3))).toBeNull();
  });
});

describe("angleToHorizontal", () => {
  it("is positive when the right-hand end is lower on screen", () => {
    expect(angleToHorizontal(p(0, 0), p(10, 10))).toBeCloseTo(45, 9);
    expect(angleToHorizontal(p(10, 10), p(0, 0))).toBeCloseTo(45, 9);
    expect(angleToHorizontal(p(0, 10), p(10, 0))).toBeCloseTo(-45, 9);
  });
  it("is 0 for a level line and 90 for an upright one", () => {
    expect(angleToHorizontal(p(0, 5), p(20, 5))).toBe(0);
    expect(angleToHorizontal(p(0, 0), p(0, 20))).toBe(90);
  });
});

describe("angleFromReference and foot progression angle", () => {
  const up: [ReturnType<typeof p>, ReturnType<typeof p>] = [p(0, 100), p(0, 0)];
  it("is the signed clockwise angle from the reference", () => {
    expect(angleFromReference(p(0, 100), p(0, 0), p(0, 0), p(10, -10))).toBeCloseTo(45, 9);
    expect(angleFromReference(p(0, 100), p(0, 0), p(0, 0), p(-10, -10))).toBeCloseTo(-45, 9);
    expect(angleFromReference(p(0, 0), p(10, 0), p(0, 0), p(-10, 0.0001))).toBeCloseTo(180, 2);
  });
  it("reads toe-out as positive on both sides from behind", () => {
    const tenOut = 10 * (Math.PI / 180);
    const rightFoot: [ReturnType<typeof p>, ReturnType<typeof p>] = [p(0, 0), p(20 * Math.sin(tenOut), -20 * Math.cos(tenOut))];
    const leftFoot: [ReturnType<typeof p>, ReturnType<typeof p>] = [p(0, 0), p(-20 * Math.sin(tenOut), -20 * Math.cos(tenOut))];
    expect(footProgressionAngle("right", up, rightFoot)).toBeCloseTo(10, 9);
    expect(footProgressionAngle("left", up, leftFoot)).toBeCloseTo(10, 9);
    expect(footProgressionAngle("left", up, rightFoot)).toBeCloseTo(-10, 9);
  });
  it("reads toe-out as positive from in front too", () => {
    // Runner comes towards the camera: travel points down; the runner's right foot is on the image's left.
    const down: [ReturnType<typeof p>, ReturnType<typeof p>] = [p(0, 0), p(0, 100)];
    expect(footProgressionAngle("right", down, [p(0, 0), p(-10, 10)])).toBeCloseTo(45, 9);
  });
  it("is null for a line without length", () => {
    expect(footProgressionAngle("right", up, [p(1, 1), p(1, 1)])).toBeNull();
  });
});

describe("calibration", () => {
  it("turns pixels into centimetres from a line of known length", () => {
    expect(pixelsPerCm(p(0, 0), p(300, 400), 100)).toBe(5);
    const cal = { a: p(0, 0), b: p(300, 400), knownCm: 100 };
    expect(calibratedDistanceCm(cal, p(10, 10), p(60, 10))).toBe(10);
    expect(calibratedDistanceCm(cal, p(0, 0), p(30, 40))).toBe(10);
    expect(calibratedDistanceCm(cal, p(0, 0), p(50, 400), true)).toBe(10);
  });
  it("refuses a calibration it cannot use", () => {
    expect(pixelsPerCm(p(0, 0), p(0, 0), 100)).toBeNull();
    expect(pixelsPerCm(p(0, 0), p(10, 0), 0)).toBeNull();
    expect(calibratedDistanceCm({ a: p(0, 0), b: p(10, 0), knownCm: -1 }, p(0, 0), p(5, 0))).toBeNull();
  });
});

describe("cadenceFromContacts", () => {
  it("counts steps between contacts over the media time they span", () => {
    // 180 steps/min = one contact every 1/3 s; 11 contacts = 10 steps.
    const times = Array.from({ length: 11 }, (_, i) => 2 + i / 3);
    const r = cadenceFromContacts(times);
    expect(r).toEqual({ ok: true, spm: 180, steps: 10, seconds: expect.closeTo(10 / 3, 9) });
  });
  it("accepts unsorted times and ignores a frame tapped twice", () => {
    const times = Array.from({ length: 13 }, (_, i) => i * 0.35);
    const r = cadenceFromContacts([...times.reverse(), 0.35]);
    expect(r.ok && r.spm).toBeCloseTo(171.4, 1);
  });
  it("needs at least 10 steps", () => {
    const r = cadenceFromContacts(Array.from({ length: 10 }, (_, i) => i / 3));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/at least 11 foot contacts/);
    expect(r.steps).toBe(9);
  });
  it("is within 1 step/min when each tap is one 30 fps frame off", () => {
    const truth = 172;
    const times = Array.from({ length: 21 }, (_, i) => (i * 60) / truth + (i % 2 ? 1 / 30 : 0));
    const r = cadenceFromContacts(times);
    expect(r.ok && Math.abs(r.spm - truth)).toBeLessThan(1);
  });
});

describe("estimateFps", () => {
  it("is the median frame rate", () => {
    expect(estimateFps([0, 1 / 30, 2 / 30, 3 / 30, 5 / 30])).toBeCloseTo(30, 6);
    expect(estimateFps([1])).toBeNull();
  });
});

describe("contactsFromHeelHeights", () => {
  it("finds the frames where the heel is lowest, one per contact", () => {
    const y = [100, 150, 200, 200, 150, 100, 150, 199, 150, null, 120, 201, 130];
    expect(contactsFromHeelHeights(y, 5)).toEqual([2, 7, 11]);
  });
  it("is empty without heel positions", () => {
    expect(contactsFromHeelHeights([null, null], 5)).toEqual([]);
  });
});

describe("roundForField", () => {
  it("rounds angles to 0.1° and cadence to whole steps", () => {
    expect(roundForField(9.96, "angle")).toBe(10);
    expect(roundForField(9.94, "angle")).toBe(9.9);
    expect(roundForField(171.6, "cadence")).toBe(172);
  });
});
