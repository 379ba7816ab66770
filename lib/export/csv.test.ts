import { describe, expect, it } from "vitest";
import { toCsv, neutraliseFormula } from "./csv";

describe("toCsv", () => {
  it("quotes per RFC 4180 and neutralises formulas", () => {
    const rows = [
      { a: 'Smith, "Jo"', b: 3 },
      { a: "line one\nline two", b: null },
      { a: "=HYPERLINK(\"x\")", b: -1 },
      { a: "Łódź 東京", b: 1.5 },
    ];
    const csv = toCsv(rows, [
      { header: "name", value: (r) => r.a },
      { header: "n", value: (r) => r.b },
    ]);
    expect(csv).toBe('name,n\r\n"Smith, ""Jo""",3\r\n"line one\nline two",\r\n"\'=HYPERLINK(""x"")",-1\r\nŁódź 東京,1.5\r\n');
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+44 7700", "'+44 7700"],
    ["-3", "'-3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["plain", "plain"],
  ])("neutralises %j", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});
