import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditExportQuerySchema, auditFilterProblems, auditFilterSchema } from "./audit";
import { queryDay, queryEnum, queryInt } from "./query";

describe("query parameters", () => {
  const pdf = z.object({ size: queryEnum("Paper size", ["a4", "letter"]).default("a4") });
  it.each(["toString", "__proto__", "constructor", "A4", ""])("refuses the paper size %j (no prototype lookups)", (size) => {
    expect(pdf.safeParse({ size }).success).toBe(false);
  });
  it("defaults the paper size and reads letter", () => {
    expect(pdf.parse({})).toEqual({ size: "a4" });
    expect(pdf.parse({ size: "letter" })).toEqual({ size: "letter" });
  });
  it.each(["1e3", "0x5", "-1", "1.5", "", " 2", "99999999999"])("refuses the page %j", (page) => {
    expect(queryInt("Page", 1, 100_000).safeParse(page).success).toBe(false);
  });
  it("reads a page within range", () => {
    expect(queryInt("Page", 1, 100_000).parse("12")).toBe(12);
  });
  it("refuses an impossible day with a message", () => {
    expect(queryDay("The To date").safeParse("2026-02-30")).toMatchObject({ success: false, error: { issues: [{ message: "The To date is not a real date (use YYYY-MM-DD)." }] } });
  });
});

describe("audit filters", () => {
  it("drops an impossible day from the viewer's filter and says so", () => {
    expect(auditFilterSchema.parse({ to: "2026-02-30", from: "2026-02-01" })).toMatchObject({ to: undefined, from: "2026-02-01", page: 1 });
    expect(auditFilterProblems({ to: "2026-02-30" })).toEqual(["To “2026-02-30” is not a real date, so it was not used."]);
  });
  it("refuses an impossible day for the CSV download", () => {
    expect(auditExportQuerySchema.safeParse({ to: "2026-02-30" }).success).toBe(false);
  });
});
