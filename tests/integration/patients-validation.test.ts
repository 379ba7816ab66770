/**
 * Every bound of the patient and injury forms, just inside and just outside. These are the
 * schemas the browser form and the server action both parse with.
 */
import { describe, expect, it } from "vitest";
import { injuryCloseSchema, injuryReturnSchema, injurySchema } from "@/lib/validation/injury";
import { patientSchema } from "@/lib/validation/patient";

const TODAY = "2026-11-26";
const valid = { givenName: "Ana", familyName: "Silva", dateOfBirth: "1990-06-15", sex: "female", recordNumber: "SB-1" };

function patientErrors(over: Record<string, unknown>) {
  const result = patientSchema(TODAY).safeParse({ ...valid, ...over });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("patient form bounds", () => {
  it.each([
    ["givenName", "a", true],
    ["givenName", "", false],
    ["givenName", "   ", false],
    ["givenName", "x".repeat(100), true],
    ["givenName", "x".repeat(101), false],
    ["familyName", "x".repeat(100), true],
    ["familyName", "x".repeat(101), false],
    ["familyName", "", false],
    ["dateOfBirth", TODAY, false],
    ["dateOfBirth", "2026-11-27", false],
    ["dateOfBirth", "2016-11-26", true], // 10 today
    ["dateOfBirth", "2016-11-27", false], // 10 tomorrow
    ["dateOfBirth", "1925-11-27", true], // 100, 101 tomorrow
    ["dateOfBirth", "1925-11-26", false], // 101 today
    ["dateOfBirth", "1990-02-30", false],
    ["sex", "unknown", true],
    ["sex", "x", false],
    ["email", "a@b.co", true],
    ["email", "a@b", false],
    ["email", "not an email", false],
    ["phone", "123456", true],
    ["phone", "12345", false],
    ["phone", "+44 (0) 7700-900123", true],
    ["phone", "1".repeat(15), true],
    ["phone", "1".repeat(16), false],
    ["phone", "call me", false],
    ["recordNumber", "x".repeat(30), true],
    ["recordNumber", "x".repeat(31), false],
    ["recordNumber", " ", false],
    ["preInjuryWeeklyKm", "0", true],
    ["preInjuryWeeklyKm", "-0.1", false],
    ["preInjuryWeeklyKm", "300", true],
    ["preInjuryWeeklyKm", "300.1", false],
    ["preInjuryWeeklyKm", "lots", false],
    ["runsPerWeek", "0", true],
    ["runsPerWeek", "-1", false],
    ["runsPerWeek", "14", true],
    ["runsPerWeek", "15", false],
    ["runsPerWeek", "2.5", false],
    ["yearsRunning", "80", true],
    ["yearsRunning", "81", false],
    ["goalRace", "x".repeat(100), true],
    ["goalRace", "x".repeat(101), false],
    ["goalRaceDate", "2027-04-20", true],
    ["goalRaceDate", "20/04/2027", false],
    ["usualSurface", "trail", true],
    ["usualSurface", "sand", false],
    ["notes", "x".repeat(5000), true],
    ["notes", "x".repeat(5001), false],
  ])("%s = %j → valid: %s", (field, value, ok) => {
    const errors = patientErrors({ [field]: value });
    if (ok) expect(errors).toEqual({});
    else expect(Object.keys(errors)).toEqual([field]);
  });

  it("says why in words", () => {
    expect(patientErrors({ dateOfBirth: "2026-11-27" }).dateOfBirth).toBe("The date of birth cannot be in the future.");
    expect(patientErrors({ dateOfBirth: "2020-01-01" }).dateOfBirth).toBe("Age must be between 10 and 100 years.");
    expect(patientErrors({ runsPerWeek: "15" }).runsPerWeek).toBe("Runs per week must be between 0 and 14.");
    expect(patientErrors({ notes: "x".repeat(5001) }).notes).toBe("Notes: at most 5,000 characters.");
    expect(patientErrors({ givenName: "" }).givenName).toBe("Enter the given name.");
  });

  it("keeps free text exactly as typed", () => {
    const notes = "  <img src=x onerror=alert(1)> & \"quotes\"  ";
    expect(patientSchema(TODAY).parse({ ...valid, notes }).notes).toBe(notes);
  });
});

const DOB = "1990-06-15";
const validInjury = { side: "left", muscle: "soleus", severity: "strain", grade: "2", onsetDate: "2026-11-01" };
function injuryErrors(over: Record<string, unknown>) {
  const result = injurySchema(TODAY, DOB).safeParse({ ...validInjury, ...over });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("injury form bounds", () => {
  it.each([
    ["onsetDate", TODAY, true],
    ["onsetDate", "2026-11-27", false],
    ["onsetDate", DOB, true],
    ["onsetDate", "1990-06-14", false],
    ["grade", "1", true],
    ["grade", "3", true],
    ["grade", "0", false],
    ["grade", "4", false],
    ["side", "both", true],
    ["side", "middle", false],
    ["muscle", "unsure", true],
    ["muscle", "hamstring", false],
    ["severity", "tear", true],
    ["severity", "rupture", false],
    ["activity", "hills", true],
    ["activity", "cycling", false],
    ["priorStrains", "0", true],
    ["priorStrains", "-1", false],
    ["priorStrains", "20", true],
    ["priorStrains", "21", false],
    ["mechanism", "x".repeat(2000), true],
    ["mechanism", "x".repeat(2001), false],
  ])("%s = %j → valid: %s", (field, value, ok) => {
    const errors = injuryErrors({ [field]: value });
    if (ok) expect(errors).toEqual({});
    else expect(Object.keys(errors)).toEqual([field]);
  });

  it("reads the Achilles checkbox and defaults prior strains", () => {
    const parsed = injurySchema(TODAY, DOB).parse({ ...validInjury, achilles: "on" });
    expect(parsed).toMatchObject({ achilles: true, priorStrains: 0, grade: 2 });
    expect(injurySchema(TODAY, DOB).parse(validInjury).achilles).toBe(false);
  });

  it.each([
    ["2026-11-01", true],
    ["2026-10-31", false],
    [TODAY, true],
    ["2026-11-27", false],
  ])("return date %s after an onset of 2026-11-01 → valid: %s", (returnDate, ok) => {
    expect(injuryReturnSchema(TODAY, "2026-11-01").safeParse({ version: "1", returnDate }).success).toBe(ok);
    expect(injuryCloseSchema(TODAY, "2026-11-01").safeParse({ version: "1", closedDate: returnDate }).success).toBe(ok);
  });

  it("names the onset in the return-date message", () => {
    const result = injuryReturnSchema(TODAY, "2026-11-01").safeParse({ version: "1", returnDate: "2026-10-31" });
    expect(result.error?.issues[0]?.message).toBe("The return date cannot be before the onset date (2026-11-01).");
  });
});
