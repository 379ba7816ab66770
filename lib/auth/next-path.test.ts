import { describe, expect, it } from "vitest";
import { safeNextPath, safeRedirectUrl, sameSitePath } from "./next-path";

const HOSTILE = [
  "https://evil.example/",
  "//evil.example/x",
  "//evil.test",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "https:evil.test",
  "http:/evil.test",
  "javascript:alert(1)",
  "data:text/html,x",
  "/ok\nSet-Cookie: x",
  "/\tevil",
  " //evil.test",
  "http://localhost:3000@evil.test/",
  "http://evil.test/http://localhost:3000/",
  "https://localhost:3000/", // other scheme
  "http://localhost:3001/", // other port
];

describe("safeNextPath", () => {
  it.each<[string | null, string]>([
    ["/patients/abc?tab=logs", "/patients/abc?tab=logs"],
    ["/", "/"],
    [null, "/"],
    ["/login?next=/x", "/"],
    ["/patients/é", "/patients/%C3%A9"],
    ...HOSTILE.map((h): [string, string] => [h, "/"]),
  ])("%j → %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe("safeRedirectUrl (next-auth callbacks.redirect)", () => {
  const base = "http://localhost:3000";
  it.each(HOSTILE)("refuses %j", (url) => {
    expect(safeRedirectUrl(url, base)).toBe(base);
  });
  it.each([
    ["/login", `${base}/login`],
    ["http://localhost:3000/patients/x?y=1", `${base}/patients/x?y=1`],
    ["/patients/\u202eabc", `${base}/patients/%E2%80%AEabc`],
  ])("keeps the same-site %j", (url, expected) => {
    expect(safeRedirectUrl(url, base)).toBe(expected);
  });
  it("never throws and always answers a header-safe value, whatever the cookie held", () => {
    for (const value of ["%", "%E0%A4%A", "/%", "/\u0000", "/\ud800", "/" + "a".repeat(5000), "{}", "undefined", 42, null, ["/x"]]) {
      const out = safeRedirectUrl(value, base);
      expect(out.startsWith(base)).toBe(true);
      expect(out).toMatch(/^[\x21-\x7e]+$/);
    }
    expect(sameSitePath("/%")).toBe("/%");
  });
});
