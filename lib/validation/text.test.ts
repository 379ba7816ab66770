import { describe, expect, it } from "vitest";
import { multiLineText, singleLineText } from "./text";

describe("text fields", () => {
  const name = singleLineText("a name", 10);
  const notes = multiLineText(20);
  it.each([
    ["  Zoë  ", true, "Zoë"],
    ["", false, null],
    ["a".repeat(11), false, null],
    ["two\nlines", false, null],
    ["tab\there", false, null],
    ["nul\u0000", false, null],
    ["O'Neill", true, "O'Neill"],
    ["<b>x</b>", true, "<b>x</b>"],
  ])("single line %j", (input, ok, value) => {
    const r = name.safeParse(input);
    expect(r.success).toBe(ok);
    if (ok) expect(r.data).toBe(value);
  });
  it.each([
    ["line\r\nbreak\tand tab", true],
    ["bell\u0007", false],
    ["a".repeat(21), false],
    [" keeps spaces ", true],
  ])("multi line %j", (input, ok) => {
    expect(notes.safeParse(input).success).toBe(ok);
  });
});
