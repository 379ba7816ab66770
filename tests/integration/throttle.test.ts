import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { checkCredentials, SignInThrottledError } from "@/lib/auth/credentials";
import { THROTTLE } from "@/lib/auth/throttle";
import { seedClinicPerFile } from "../support/db";

seedClinicPerFile();

const count = (sqlText: string, ...params: unknown[]) => (getDb().$client.prepare(sqlText).get(...params) as { n: number }).n;

describe("sign-in throttle under parallel attempts", () => {
  it("verifies at most the account's free failures when 60 wrong passwords arrive at once", async () => {
    const email = "lee@springback.test";
    const started = Date.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => checkCredentials(email, `wrong-password-${i}`, "192.0.2.10")));
    const elapsedSeconds = (Date.now() - started) / 1000;
    const throttled = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof SignInThrottledError).length;
    const verified = outcomes.filter((o) => o.status === "fulfilled" && o.value === null).length;
    // The policy: 5 free failures, then one more only after each doubling delay (1 s, 2 s, 4 s…).
    // However slow the machine (each refusal commits an audit row), no more than the delays
    // that fit in the time taken can pass.
    const allowed = THROTTLE.freeFailuresPerAccount + Math.floor(Math.log2(elapsedSeconds + 1));
    expect(verified).toBeGreaterThanOrEqual(THROTTLE.freeFailuresPerAccount);
    expect(verified).toBeLessThanOrEqual(allowed);
    expect(verified + throttled).toBe(60);
    // Each verified attempt leaves one auth.sign_in_failed row; the rest were refused before the hash.
    expect(count("select count(*) n from audit_events where action = 'auth.sign_in_failed' and json_extract(detail, '$.email') = ?", email)).toBe(verified);
    expect(count("select count(*) n from audit_events where action = 'auth.sign_in_throttled' and json_extract(detail, '$.email') = ?", email)).toBe(throttled);
    expect(count("select count(*) n from sign_in_attempts where email = ?", email)).toBe(verified);
  });

  it("throttles an address across many emails", async () => {
    const started = Date.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => checkCredentials(`ghost-${i}@springback.test`, "wrong-password", "192.0.2.77")));
    const elapsedSeconds = (Date.now() - started) / 1000;
    const verified = outcomes.filter((o) => o.status === "fulfilled").length;
    expect(verified).toBeGreaterThanOrEqual(THROTTLE.freeFailuresPerAddress);
    expect(verified).toBeLessThanOrEqual(THROTTLE.freeFailuresPerAddress + Math.floor(Math.log2(elapsedSeconds + 1)));
  });

  it("audits a failure for an unknown email, normalised, without the typed password", async () => {
    await checkCredentials("  Nobody.Here@Springback.TEST ", "typed-secret-guess", "192.0.2.99");
    const row = getDb().$client.prepare("select * from audit_events where action = 'auth.sign_in_failed' and ip = '192.0.2.99'").get() as { detail: string; user_id: string | null };
    expect(JSON.parse(row.detail)).toMatchObject({ email: "nobody.here@springback.test", knownAccount: false });
    expect(row.user_id).toBeNull();
    expect(count("select count(*) n from audit_events where detail like '%typed-secret-guess%'")).toBe(0);
  });
});
