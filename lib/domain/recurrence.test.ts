import { describe, expect, it } from "vitest";
import type { Muscle, Side } from "@/lib/domain/vocabulary";
import { addMonths, classifyRecurrence, oneYearAfter, recurrenceClassFor, recurrenceWords, sameMuscleGroup, sidesOverlap, watchWindow, watchWindowWords } from "./recurrence";

describe("sidesOverlap", () => {
  it.each<[Side, Side, boolean]>([
    ["left", "left", true],
    ["left", "right", false],
    ["both", "left", true],
    ["right", "both", true],
  ])("%s and %s → %s", (a, b, expected) => expect(sidesOverlap(a, b)).toBe(expected));
});

describe("sameMuscleGroup", () => {
  it.each<[Muscle, Muscle, boolean]>([
    ["medial_gastrocnemius", "lateral_gastrocnemius", true],
    ["soleus", "soleus", true],
    ["soleus", "medial_gastrocnemius", false],
    ["unsure", "soleus", true],
  ])("%s and %s → %s", (a, b, expected) => expect(sameMuscleGroup(a, b)).toBe(expected));
});

describe("addMonths", () => {
  it.each([
    ["2026-03-15", 2, "2026-05-15"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2025-12-31", 2, "2026-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2026-01-31", 1, "2026-02-28"],
  ] as const)("%s + %i → %s", (day, n, expected) => expect(addMonths(day, n)).toBe(expected));
  it("one year later", () => expect(oneYearAfter("2026-03-15")).toBe("2027-03-15"));
  it("refuses a non-date", () => expect(() => addMonths("2026-02-30", 1)).toThrow(RangeError));
});

describe("recurrenceClassFor: the boundaries at 2 and 12 months (Fuller 2006)", () => {
  it.each([
    ["the day after the return", "2026-01-11", "early"],
    ["exactly 2 months after", "2026-03-10", "early"],
    ["2 months and a day", "2026-03-11", "late"],
    ["exactly 12 months after", "2027-01-10", "late"],
    ["12 months and a day", "2027-01-11", "delayed"],
    ["three years later", "2029-01-01", "delayed"],
  ])("%s → %s", (_l, onset, expected) => expect(recurrenceClassFor("2026-01-10", onset)).toBe(expected));
});

describe("classifyRecurrence", () => {
  const returned = { id: "a", side: "left" as Side, muscle: "soleus" as Muscle, onsetDate: "2025-06-10", returnDate: "2025-07-20" };
  it.each<[string, Side, Muscle, string, string, string]>([
    ["same side and muscle 1 month after the return", "left", "soleus", "2025-08-20", "recurrence", "early"],
    ["same side and muscle 6 months after the return", "left", "soleus", "2026-01-20", "recurrence", "late"],
    ["same side and muscle 2 years after the return", "left", "soleus", "2027-08-01", "recurrence", "delayed"],
    ["other side", "right", "soleus", "2025-08-20", "first", "none"],
    ["other muscle group", "left", "medial_gastrocnemius", "2025-08-20", "first", "none"],
    ["both sides", "both", "soleus", "2025-08-20", "recurrence", "early"],
    ["before the return: exacerbation", "left", "soleus", "2025-07-01", "exacerbation", "none"],
    ["the day before the return: exacerbation", "left", "soleus", "2025-07-19", "exacerbation", "none"],
    ["on the return day itself: early recurrence", "left", "soleus", "2025-07-20", "recurrence", "early"],
  ])("%s", (_l, side, muscle, onsetDate, kind, cls) => {
    const v = classifyRecurrence({ side, muscle, onsetDate }, [returned]);
    expect(v.kind).toBe(kind);
    expect(v.class).toBe(cls);
  });

  it("counts from the return, not the onset: 13 months after the onset but 10 after the return is late", () => {
    const v = classifyRecurrence({ side: "left", muscle: "soleus", onsetDate: "2026-07-15" }, [{ ...returned, returnDate: "2025-09-15" }]);
    expect(v).toMatchObject({ kind: "recurrence", class: "late", since: "2025-09-15" });
  });

  it("an earlier episode never returned is an exacerbation, and the words say so", () => {
    const v = classifyRecurrence({ side: "left", muscle: "soleus", onsetDate: "2025-08-01" }, [{ ...returned, returnDate: null }]);
    expect(v.kind).toBe("exacerbation");
    expect(recurrenceWords(v)).toMatch(/^Exacerbation: the episode of 2025-06-10/);
  });

  it("an episode closed without a return counts from its closing day", () => {
    const v = classifyRecurrence({ side: "left", muscle: "soleus", onsetDate: "2025-09-01" }, [{ ...returned, returnDate: null, closedDate: "2025-08-01" }]);
    expect(v).toMatchObject({ kind: "recurrence", class: "early", since: "2025-08-01" });
  });

  it("never compares the episode with itself (editing)", () => {
    expect(classifyRecurrence({ ...returned }, [returned]).kind).toBe("first");
  });

  it("the latest earlier episode decides", () => {
    const older = { id: "o", side: "left" as Side, muscle: "soleus" as Muscle, onsetDate: "2023-01-01", returnDate: "2023-02-01" };
    const v = classifyRecurrence({ side: "left", muscle: "soleus", onsetDate: "2025-08-01" }, [older, returned]);
    expect(v).toMatchObject({ kind: "recurrence", class: "early" });
  });

  it("words name the class and the return day", () => {
    expect(recurrenceWords(classifyRecurrence({ side: "left", muscle: "soleus", onsetDate: "2026-01-20" }, [returned]))).toBe(
      "Late recurrence (2 to 12 months after the return), after the return of 2025-07-20 (Fuller et al. 2006).",
    );
  });
});

describe("watchWindow (product heuristic, from the clinic's protocol settings)", () => {
  const defaults = { reinjuryWindowWeeks: 6, reinjuryWindowWeeksLonger: 10, priorStrainsForLongerWindow: 2 };
  const edited = { reinjuryWindowWeeks: 8, reinjuryWindowWeeksLonger: 16, priorStrainsForLongerWindow: 3 };
  it.each([
    ["defaults: first strain, no prior", defaults, false, 0, 6, null],
    ["defaults: prior strains unknown", defaults, false, null, 6, null],
    ["defaults: one prior strain", defaults, false, 1, 6, null],
    ["defaults: two prior strains", defaults, false, 2, 10, "with 2 prior calf strains"],
    ["defaults: after a recurrence", defaults, true, 0, 10, "after a recurrence"],
    ["defaults: both reasons", defaults, true, 4, 10, "after a recurrence and with 4 prior calf strains"],
    ["edited: first strain", edited, false, 0, 8, null],
    ["edited: two prior strains are no longer enough", edited, false, 2, 8, null],
    ["edited: three prior strains", edited, false, 3, 16, "with 3 prior calf strains"],
    ["edited: after a recurrence", edited, true, 0, 16, "after a recurrence"],
    ["a clinic without a window", { ...defaults, reinjuryWindowWeeks: 0 }, false, 0, 0, null],
  ] as const)("%s → %s weeks", (_l, s, isRecurrence, priorStrains, weeks, why) => {
    const w = watchWindow({ isRecurrence, priorStrains }, s);
    expect(w).toEqual({ weeks, longer: why !== null, why });
  });
  it.each([
    [{ weeks: 6, longer: false, why: null }, "6 weeks after the return to full running."],
    [{ weeks: 10, longer: true, why: "after a recurrence" }, "10 weeks after the return to full running (the longer window: after a recurrence)."],
    [{ weeks: 1, longer: false, why: null }, "1 week after the return to full running."],
    [{ weeks: 0, longer: false, why: null }, "No re-injury watch window (the clinic set it to 0 weeks)."],
  ] as const)("words for %j", (w, words) => expect(watchWindowWords(w)).toBe(words));
});
