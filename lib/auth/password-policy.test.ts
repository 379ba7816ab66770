import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it.each([
    ["short", "kim@springback.test", /at least 12/],
    ["a".repeat(129), "kim@springback.test", /at most 128/],
    ["qwerty123456", "kim@springback.test", /too common/],
    ["1q2w3e4r5t6y", "kim@springback.test", /too common/],
    ["my kim@springback.test pass", "kim@springback.test", /email address/],
    ["Kimberly-runs-far", "kim@springback.test", /email name/],
  ])("refuses %s", (password, email, message) => {
    expect(passwordProblem(password, email)).toMatch(message);
  });

  it.each([
    ["correct horse battery", "kim@springback.test"],
    ["a".repeat(12), "x@springback.test"],
    ["ä".repeat(128), "kim@springback.test"],
    ["slow soleus, steady return", "lee@springback.test"],
  ])("accepts %s", (password, email) => {
    expect(passwordProblem(password, email)).toBeNull();
  });
});
