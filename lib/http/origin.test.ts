import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./origin";

const HOST = "localhost:3210";
const h = (values: Record<string, string>) => new Headers({ host: HOST, ...values });

describe("Origin: null from a no-referrer page", () => {
  it("is accepted only for such a page and only with Sec-Fetch-Site: same-origin", () => {
    expect(isSameOriginRequest(h({ origin: "null", "sec-fetch-site": "same-origin" }), { noReferrerPage: true })).toBe(true);
    expect(isSameOriginRequest(h({ origin: "null", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isSameOriginRequest(h({ origin: "null", "sec-fetch-site": "cross-site" }), { noReferrerPage: true })).toBe(false);
    expect(isSameOriginRequest(h({ origin: "null" }), { noReferrerPage: true })).toBe(false);
    expect(isSameOriginRequest(h({ origin: "http://evil.test", "sec-fetch-site": "same-origin" }), { noReferrerPage: true })).toBe(false);
    expect(isSameOriginRequest(h({ origin: `http://${HOST}` }), { noReferrerPage: true })).toBe(true);
  });
});
