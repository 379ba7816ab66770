import { describe, expect, it } from "vitest";
import { clientAddress } from "../../scripts/lib/client-address.mjs";

describe("clientAddress", () => {
  it.each<[string | undefined, string | undefined, string | undefined, string | null]>([
    // No trusted proxy: the socket, whatever the headers say.
    ["::ffff:10.0.0.5", "1.2.3.4", undefined, "10.0.0.5"],
    ["10.0.0.5", "=HYPERLINK(\"http://evil\")", "", "10.0.0.5"],
    ["::1", undefined, undefined, "::1"],
    [undefined, "1.2.3.4", undefined, null],
    // Behind a trusted proxy: the hop it appended, if well formed.
    ["10.0.0.1", "6.6.6.6, 203.0.113.7", "1", "203.0.113.7"],
    ["10.0.0.1", "203.0.113.7, =HYPERLINK(1)", "1", "10.0.0.1"],
    ["10.0.0.1", "2001:db8::1", "1", "2001:db8::1"],
    ["10.0.0.1", "203.0.113.7:443", "1", "10.0.0.1"],
    // TRUSTED_PROXY names an address: only its connections are believed.
    ["10.0.0.1", "203.0.113.7", "10.0.0.1", "203.0.113.7"],
    ["10.0.0.9", "203.0.113.7", "10.0.0.1", "10.0.0.9"],
  ])("socket %s, X-Forwarded-For %j, TRUSTED_PROXY %j → %s", (socket, forwarded, trusted, expected) => {
    expect(clientAddress(socket, forwarded, trusted)).toBe(expected);
  });
});
