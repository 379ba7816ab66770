import { describe, expect, it } from "vitest";
import { THROTTLE, throttleWaitSeconds } from "./throttle";

const now = 1_000_000_000;
describe("throttleWaitSeconds", () => {
  it.each([
    [0, null, 0],
    [4, now, 0],
    [5, now, 1],
    [6, now, 2],
    [8, now, 8],
    [8, now - 5_000, 3],
    [8, now - 9_000, 0],
    [40, now, THROTTLE.maxDelaySeconds],
    [40, now - THROTTLE.maxDelaySeconds * 1000, 0],
  ])("%i failures, last at %s → wait %i s", (failures, last, wait) => {
    expect(throttleWaitSeconds(failures, THROTTLE.freeFailuresPerAccount, last, now)).toBe(wait);
  });
});
