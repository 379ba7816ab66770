import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { BOM, keepAsText, neutraliseFormula, toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a byte-order mark, quotes per RFC 4180 and neutralises formulas", () => {
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
    expect(csv).toBe(BOM + 'name,n\r\n"Smith, ""Jo""",3\r\n"line one\nline two",\r\n"\'=HYPERLINK(""x"")",-1\r\nŁódź 東京,1.5\r\n');
  });

  it("writes the header row alone when there are no rows", () => {
    expect(toCsv([], [{ header: "record_number", value: () => "x" }])).toBe(`${BOM}record_number\r\n`);
  });

  it("reads back with a CSV parser: accents, leading zeros, formula starts and line breaks in notes", () => {
    const rows = [
      { id: "0012", note: "ØST-104 Ñandú\nsecond line", n: 7 },
      { id: "SB-1003", note: "＝1+1", n: 0.5 },
      { id: "007", note: "@home, +1 cm", n: null },
    ];
    const text = toCsv(rows, [
      { header: "record_number", value: (r) => r.id, kind: "identifier" },
      { header: "note", value: (r) => r.note },
      { header: "n", value: (r) => r.n },
    ]);
    const back = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(back).toEqual([
      { record_number: "'0012", note: "ØST-104 Ñandú\nsecond line", n: "7" },
      { record_number: "SB-1003", note: "'＝1+1", n: "0.5" },
      { record_number: "'007", note: "'@home, +1 cm", n: "" },
    ]);
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+44 7700", "'+44 7700"],
    ["-3", "'-3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["＝SUM(A1)", "'＝SUM(A1)"],
    ["＋1", "'＋1"],
    ["－1", "'－1"],
    ["＠x", "'＠x"],
    ["plain", "plain"],
  ])("neutralises %j", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each([
    ["0012", "'0012"],
    ["1-2", "'1-2"],
    ["3/4", "'3/4"],
    ["1e5", "'1e5"],
    ["SB-0012", "SB-0012"],
    ["=1", "'=1"],
  ])("keeps identifier %j as text", (input, expected) => {
    expect(keepAsText(input)).toBe(expected);
  });
});
