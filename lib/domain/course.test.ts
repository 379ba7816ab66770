import { describe, expect, it } from "vitest";
import { courseNote, expectedCourse, type CourseInput } from "./course";
import type { Muscle } from "./vocabulary";

const base: CourseInput = { muscle: "medial_gastrocnemius", grade: 1, achilles: false, age: 28, priorStrains: 0 };

describe("expectedCourse: by muscle and Achilles involvement", () => {
  it.each<[string, Muscle, boolean, number | null, number, number]>([
    ["medial gastrocnemius", "medial_gastrocnemius", false, 8, 4, 12],
    ["lateral gastrocnemius", "lateral_gastrocnemius", false, 8, 4, 12],
    ["soleus", "soleus", false, 25, 13, 38],
    ["soleus, Achilles involved", "soleus", true, 40, 20, 61],
    ["gastrocnemius, Achilles involved", "medial_gastrocnemius", true, 12, 6, 19],
    ["muscle not sure spans both", "unsure", false, null, 4, 38],
  ])("%s → typical %s, %i–%i days", (_l, muscle, achilles, typical, low, high) => {
    const e = expectedCourse({ ...base, muscle, achilles });
    expect([e.typicalDays, e.lowDays, e.highDays]).toEqual([typical, low, high]);
  });

  it("soleus is about three times gastrocnemius", () => {
    const ratio = expectedCourse({ ...base, muscle: "soleus" }).typicalDays! / expectedCourse(base).typicalDays!;
    expect(ratio).toBeGreaterThan(2.9);
    expect(ratio).toBeLessThan(3.4);
  });

  it("says which factors have no figure", () => {
    const e = expectedCourse({ ...base, grade: 3, age: 41, priorStrains: 2 });
    expect(e.notAdjusted.join(" ")).toContain("Grade 3: no published calf figure by grade");
    expect(e.notAdjusted.join(" ")).toContain("may be short for a grade 3 tear");
    expect(e.notAdjusted.join(" ")).toContain("Age 41: linked with recurrence");
    expect(e.notAdjusted.join(" ")).toContain("2 prior calf strains");
    expect(e.basis.join(" ")).toContain("7.7 days");
  });

  it("age and prior strains change no figure", () => {
    expect(expectedCourse({ ...base, age: 55, priorStrains: 4 }).highDays).toBe(expectedCourse(base).highDays);
  });

  it("words give the range", () => expect(expectedCourse({ ...base, muscle: "soleus" }).words).toBe("Expected return to full running: 13–38 days after onset (typically about 25)."));
});

describe("courseNote (advisory)", () => {
  const soleus = expectedCourse({ ...base, muscle: "soleus" }); // 13–38 days
  it.each<[string, { day: number; stage: number | null; returnedOnDay?: number | null }, string]>([
    ["protect on day 5", { day: 5, stage: 0 }, "usual"],
    ["still in walk-run on day 38", { day: 38, stage: 1 }, "usual"],
    ["still in walk-run on day 39", { day: 39, stage: 1 }, "slower"],
    ["speed and hills on day 12", { day: 12, stage: 4 }, "faster"],
    ["speed and hills on day 13", { day: 13, stage: 4 }, "usual"],
    ["build volume on day 10", { day: 10, stage: 3 }, "usual"],
    ["returned on day 12", { day: 60, stage: 5, returnedOnDay: 12 }, "faster"],
    ["returned on day 30", { day: 60, stage: 5, returnedOnDay: 30 }, "usual"],
    ["returned on day 45", { day: 60, stage: 5, returnedOnDay: 45 }, "slower"],
  ])("%s → %s", (_l, progress, pace) => expect(courseNote(soleus, progress)?.pace).toBe(pace));

  it("words say it is advisory", () => expect(courseNote(soleus, { day: 50, stage: 2 })?.words).toMatch(/^Slower than usual: day 50.*advisory/));
});
