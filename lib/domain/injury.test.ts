import { describe, expect, it } from "vitest";
import { describeInjury, describeInjuryShort, stageName } from "./injury";
import { foldForSearch } from "./text";

describe("injury words", () => {
  it.each([
    [{ side: "left", muscle: "medial_gastrocnemius", severity: "strain", grade: 2 } as const, "Left medial gastrocnemius strain (grade 2)", "L med gastroc, grade 2"],
    [{ side: "right", muscle: "soleus", severity: "tear", grade: 3, achilles: true } as const, "Right soleus tear (grade 3), Achilles involved", "R soleus, grade 3"],
    [{ side: "both", muscle: "unsure", severity: "spasm", grade: 1 } as const, "Both-sides calf (muscle not sure) spasm (grade 1)", "L+R calf, grade 1"],
  ])("describes %o", (injury, long, short) => {
    expect(describeInjury(injury)).toBe(long);
    expect(describeInjuryShort(injury)).toBe(short);
  });

  it("names stages", () => {
    expect(stageName(0)).toBe("Protect");
    expect(stageName(5)).toBe("Returned");
    expect(stageName(null)).toBe("Not started");
  });
});

describe("search folding", () => {
  it.each([
    ["Müller", "muller"],
    ["José Ramírez", "jose ramirez"],
    ["  Zoë   LAURENT ", "zoe laurent"],
    ["Straße", "strasse"],
    ["Søren Łukasz", "soren lukasz"],
  ])("folds %s to %s", (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });
});
