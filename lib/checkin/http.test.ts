import { describe, expect, it } from "vitest";
import { checkinCookie, checkinCookieValue, htmlResponse } from "./http";

describe("the check-in cookie and answers", () => {
  it("sets an HttpOnly, SameSite=Strict cookie for the whole site, Secure over https, until the link expires", () => {
    expect(checkinCookie("abc", 3600.7, false)).toBe("springback-checkin=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600");
    expect(checkinCookie("abc", 60, true)).toMatch(/; Secure$/);
    expect(checkinCookie("", -5, false)).toContain("Max-Age=0");
  });

  it("reads only its own cookie", () => {
    const request = (cookie: string) => new Request("http://localhost/checkin", { headers: { cookie } });
    expect(checkinCookieValue(request("a=1; springback-checkin=s3cret; b=2"))).toBe("s3cret");
    expect(checkinCookieValue(request("xspringback-checkin=no"))).toBeNull();
    expect(checkinCookieValue(new Request("http://localhost/checkin"))).toBeNull();
  });

  it("answers HTML that is never stored and sends no Referer", () => {
    const res = htmlResponse("<p>x</p>", 404);
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
