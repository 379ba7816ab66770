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
    const outcomes = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => checkCredentials(email, `wrong-password-${i}`, "192.0.2.10")));
    const throttled = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof SignInThrottledError).length;
    const refused = outcomes.filter((o) => o.status === "fulfilled" && o.value === null).length;
    expect(refused).toBe(THROTTLE.freeFailuresPerAccount);
    expect(throttled).toBe(60 - THROTTLE.freeFailuresPerAccount);
    // Each verified attempt leaves one auth.sign_in_failed row; the rest were refused before the hash.
    expect(count("select count(*) n from audit_events where action = 'auth.sign_in_failed' and json_extract(detail, '$.email') = ?", email)).toBe(THROTTLE.freeFailuresPerAccount);
    expect(count("select count(*) n from audit_events where action = 'auth.sign_in_throttled' and json_extract(detail, '$.email') = ?", email)).toBe(60 - THROTTLE.freeFailuresPerAccount);
    expect(count("select count(*) n from sign_in_attempts where email = ?", email)).toBe(THROTTLE.freeFailuresPerAccount);
  });

  it("throttles an address across many emails", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => checkCredentials(`ghost-${i}@springback.test`, "wrong-password", "192.0.2.77")));
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBe(THROTTLE.freeFailuresPerAddress);
  });

  it("audits a failure for an unknown email, normalised, without the typed password", async () => {
    await checkCredentials("  Nobody.Here@Springback.TEST ", "typed-secret-guess", "192.0.2.99");
    const row = getDb().$client.prepare("select * from audit_events where action = 'auth.sign_in_failed' and ip = '192.0.2.99'").get() as { detail: string; user_id: string | null };
    expect(JSON.parse(row.detail)).toMatchObject({ email: "nobody.here@springback.test", knownAccount: false });
    expect(row.user_id).toBeNull();
    expect(count("select count(*) n from audit_events where detail like '%typed-secret-guess%'")).toBe(0);
  });
});
