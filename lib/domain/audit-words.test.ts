import { describe, expect, it } from "vitest";
import { auditActionLabel, describeAuditEvent, type AuditEventFacts } from "./audit-words";

const facts = (f: Partial<AuditEventFacts> & { action: string }): AuditEventFacts => ({ actorName: null, targetUserName: null, patientName: null, detail: null, ...f });

describe("describeAuditEvent", () => {
  it.each([
    [facts({ action: "patient.logs.view", actorName: "Kim Park", patientName: "Marta Müller" }), "Kim Park viewed Marta Müller's logs"],
    [facts({ action: "user.disable", actorName: "Admin", targetUserName: "Sam Rivera" }), "Admin disabled Sam Rivera's account"],
    [facts({ action: "patient.view", actorName: "Kim Park", patientName: "James Roberts" }), "Kim Park viewed James Roberts' record"],
    [facts({ action: "access.refused", actorName: "Kim Park", patientName: "Grace O'Neill", detail: { reason: "outside_caseload" } }), "Kim Park was refused Grace O'Neill's record (not on their caseload)"],
    [facts({ action: "access.refused", actorName: "Ola Berg", detail: { reason: "other_clinic" } }), "Ola Berg was refused a runner's record (another clinic's runner)"],
    [facts({ action: "patient.export", actorName: "Lee Chen", patientName: "Marta Müller", detail: { format: "csv" } }), "Lee Chen exported Marta Müller's record as CSV"],
    [facts({ action: "auth.sign_in_failed", detail: { email: "ghost@x.test" } }), "A sign-in as ghost@x.test (no such account) failed"],
    [facts({ action: "auth.sign_in_failed", targetUserName: "Kim Park", detail: { email: "kim@x.test" } }), "A sign-in as Kim Park failed"],
    [facts({ action: "auth.sign_out", actorName: "Kim Park" }), "Kim Park signed out"],
    [facts({ action: "audit.view", actorName: "Admin" }), "Admin viewed the audit log"],
    [facts({ action: "stage.progression", actorName: "Kim Park", patientName: "Marta Müller" }), "Kim Park moved Marta Müller to the next stage"],
    [facts({ action: "something.new", actorName: "Kim Park" }), "Kim Park: something.new"],
  ])("%j → %s", (input, expected) => {
    expect(describeAuditEvent(input)).toBe(expected);
  });
});

describe("auditActionLabel", () => {
  it.each([
    ["patient.logs.view", "viewed a runner's logs"],
    ["user.disable", "disabled an account"],
    ["auth.sign_in_failed", "failed sign-in"],
    ["x.y", "x.y"],
  ])("%s → %s", (code, label) => {
    expect(auditActionLabel(code)).toBe(label);
  });
});
