import { describe, expect, it } from "vitest";
import { multiLineText, singleLineText, SINGLE_LINE_MESSAGE, stripControlCharacters } from "./text";

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

describe("control and direction characters", () => {
  const name = singleLineText("a name", 100);
  const notes = multiLineText(100);
  it.each(["Zo\u0000ë", "bell\u0007", "esc\u001b[31m", "\u202eevil", "iso\u2066late", "mark\u200e", "c1\u0085", "del\u007f"])("refuses %j in a one-line field with a message", (input) => {
    expect(name.safeParse(input)).toMatchObject({ success: false, error: { issues: [{ message: SINGLE_LINE_MESSAGE }] } });
  });
  it("refuses a direction override in notes but keeps line breaks (CRLF as LF) and tabs", () => {
    expect(notes.safeParse("a\u202eb").success).toBe(false);
    expect(notes.parse("one\r\ntwo\rthree\tfour")).toBe("one\ntwo\nthree\tfour");
  });
  it("stores names in NFC so the same name typed two ways is one value", () => {
    expect(name.parse("Zoe\u0308")).toBe("Zoë");
  });
  it("strips forbidden characters on the way out of an export", () => {
    expect(stripControlCharacters("A\u0000B\u0007C\u202eD\r\nE\tF")).toBe("ABCD\nE\tF");
  });
  it("keeps a record number with leading zeros as text", () => {
    expect(singleLineText("a record number", 30).parse(" 0012345 ")).toBe("0012345");
  });
});
