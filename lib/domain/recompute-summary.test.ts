import { describe, expect, it } from "vitest";
import { addToSummary, emptySummary, summaryLines } from "./recompute-summary";

describe("the recompute summary", () => {
  it("says how many runners' stages, flags and readiness changed, and why", () => {
    const s = emptySummary();
    addToSummary(s, { stage: 0, ready: true, flags: [], streak: 7 }, { stage: 0, ready: false, flags: [], streak: 7 }, true, ["Calf tests within 14 days"]);
    addToSummary(s, { stage: 1, ready: true, flags: [], streak: 0 }, { stage: 1, ready: false, flags: ["morning_rise"], streak: 0 }, true, ["No open pain or load flags"]);
    addToSummary(s, { stage: 2, ready: false, flags: ["back_to_back"], streak: 3 }, { stage: 2, ready: false, flags: [], streak: 0 }, true, []);
    addToSummary(s, { stage: 3, ready: false, flags: [], streak: 0 }, { stage: 3, ready: false, flags: [], streak: 0 }, false, []);
    expect(summaryLines(s)).toEqual([
      "Recomputed the return-to-run status of 4 runners: 3 changed.",
      "Stages: none changed (a stage changes only when a therapist confirms it).",
      "Readiness: 0 runners became ready to progress; 2 runners are no longer ready.",
      "Why no longer ready (criteria now unmet): Calf tests within 14 days (1 runner); No open pain or load flags (1 runner).",
      "Flags raised: Next-morning pain rise (1 runner).",
      "Flags cleared: Back-to-back runs (1 runner).",
      "Symptom-free count changed for 1 runner (the count now needs recent, consecutive logged days).",
    ]);
  });

  it("a recompute that changes nothing says so in one line", () => {
    const s = emptySummary();
    addToSummary(s, { stage: 0, ready: false, flags: [], streak: 1 }, { stage: 0, ready: false, flags: [], streak: 1 }, false, []);
    expect(summaryLines(s)).toEqual(["Recomputed the return-to-run status of 1 runner: 0 changed."]);
  });
});
