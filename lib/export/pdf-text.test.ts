import { describe, expect, it } from "vitest";
import PDFDocument from "pdfkit";
import { layoutParagraph } from "./pdf-text";

const doc = () => new PDFDocument({ size: "A4" });
const line = (text: string) => layoutParagraph(doc(), text, { width: 1000, size: 10 })[0]!;

describe("layoutParagraph", () => {
  it("puts a right-to-left paragraph's words in visual order, aligned right, each word kept whole for shaping", () => {
    const l = line("שרה כהן");
    expect(l.rtl).toBe(true);
    expect(l.pieces.map((p) => p.text)).toEqual(["כהן", " ", "שרה"]);
    expect(l.pieces[0]!.font.name).toMatch(/^hebrew:/);
  });

  it("orders a mixed line by the bidirectional algorithm: numbers after Arabic join its right-to-left run, read left to right", () => {
    const l = line("Re: محمد 12 km");
    expect(l.rtl).toBe(false);
    // Visual order, left to right: the Arabic word is read first from the right of its run.
    expect(l.pieces.map((p) => p.text).join("")).toBe("Re: 12 محمد km");
    const arabic = line("محمد 12");
    expect(arabic.pieces.map((p) => p.text)).toEqual(["12", " ", "محمد"]);
  });

  it("picks the font by script: Han with kana is Japanese, with Hangul Korean, else Chinese; emoji from the emoji font", () => {
    expect(line("山田 はな").pieces[0]!.font.name).toMatch(/^jp:/);
    expect(line("金 민준").pieces[0]!.font.name).toMatch(/^kr:/);
    expect(line("王小明").pieces[0]!.font.name).toMatch(/^sc:/);
    expect(line("🏃").pieces[0]!.font.name).toMatch(/^emoji:/);
    expect(line("Zoë Ελλάδα Жанна").pieces.every((p) => p.font.name === "regular")).toBe(true);
  });

  it("replaces a character no font has with a visible U+FFFD and drops control characters", () => {
    expect(line("a\uE000b\u0007c").pieces.map((p) => p.text).join("")).toBe("a\uFFFDbc");
  });

  it("breaks lines at spaces, and between CJK characters", () => {
    const lines = layoutParagraph(doc(), "one two three four five six seven", { width: 60, size: 10 });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(60);
    const cjk = layoutParagraph(doc(), "王小明王小明王小明王小明王小明", { width: 40, size: 10 });
    expect(cjk.length).toBeGreaterThan(3);
  });
});
