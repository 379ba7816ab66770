import { describe, expect, it } from "vitest";
import { importChoicesSchema, importFileNameSchema, MAX_IMPORT_CHOICES } from "./imports";

const choice = (i: number) => ({ key: `0123456789abcdef:${i}`, painDuring: 10, painNextMorning: 10, confirmDate: true });

describe("import inputs", () => {
  it("reads the choices from JSON, with a clear message for each refusal", () => {
    expect(importChoicesSchema.parse(JSON.stringify([choice(0)]))).toEqual([choice(0)]);
    expect(importChoicesSchema.safeParse("not json").error?.issues[0]?.message).toBe("The choices could not be read.");
    expect(importChoicesSchema.safeParse(JSON.stringify([{ ...choice(0), painDuring: 11 }])).error?.issues[0]?.message).toBe("Pain is 0 to 10.");
    expect(importChoicesSchema.safeParse(JSON.stringify([{ ...choice(0), key: "../etc" }])).error?.issues[0]?.message).toBe("Unknown activity.");
  });

  it("accepts the largest save and refuses one more", () => {
    const most = JSON.stringify(Array.from({ length: MAX_IMPORT_CHOICES }, (_, i) => choice(i)));
    expect(importChoicesSchema.safeParse(most).success).toBe(true);
    const over = JSON.stringify(Array.from({ length: MAX_IMPORT_CHOICES + 1 }, (_, i) => choice(i)));
    expect(importChoicesSchema.safeParse(over).error?.issues[0]?.message).toBe(`Import at most ${MAX_IMPORT_CHOICES} runs at a time.`);
  });

  it("refuses file names with control or bidirectional characters", () => {
    expect(importFileNameSchema.safeParse("run\u202Etif.exe").success).toBe(false);
    expect(importFileNameSchema.parse(" morning run.fit ")).toBe("morning run.fit");
  });
});
