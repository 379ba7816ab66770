/**
 * The audit trail in words: "Kim Park viewed Marta Müller's logs", "Admin disabled Sam
 * Rivera's account". Pure: the names come from the caller (the DAL joins them for the
 * admin's own clinic only); unknown codes fall back to the code itself, so a new action
 * is never hidden. Product wording, no clinical source.
 */

/** What one audit row says, as the viewer reads it. */
export type AuditEventFacts = {
  action: string;
  /** Who acted; null for sign-in attempts by an unknown email and system rows. */
  actorName: string | null;
  /** The account an account change or sign-in was about (user.* and auth.* rows). */
  targetUserName: string | null;
  /** The runner the row is about, when of the viewer's clinic. */
  patientName: string | null;
  /** The row's detail JSON, parsed (or null). */
  detail: Record<string, unknown> | null;
};

/** `patient` and `target` are possessive ("Marta Müller's"), `name` is the runner's plain name. */
type Phrase = (f: { patient: string; name: string; target: string; detail: Record<string, unknown> }) => string;

const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

/** Verb phrases by action code. */
const PHRASES: Record<string, Phrase> = {
  "patient.view": ({ patient }) => `viewed ${patient} record`,
  "patient.details.view": ({ patient }) => `viewed ${patient} details`,
  "patient.logs.view": ({ patient }) => `viewed ${patient} logs`,
  "patient.charts.view": ({ patient }) => `viewed ${patient} charts`,
  "return_to_run.view": ({ patient }) => `viewed ${patient} return-to-run plan`,
  "care_team.view": ({ patient }) => `viewed ${patient} care team`,
  "injuries.view": ({ patient }) => `viewed ${patient} injury episodes`,
  "assessment.view": ({ patient }) => `viewed an assessment in ${patient} record`,
  "assessment.compare": ({ patient }) => `compared two assessments in ${patient} record`,
  "assessment.create": ({ patient }) => `added an assessment to ${patient} record`,
  "assessment.update": ({ patient }) => `changed an assessment in ${patient} record`,
  "patient.export": ({ patient, detail }) => `exported ${patient} record${typeof detail.format === "string" ? ` as ${detail.format.toUpperCase()}` : ""}`,
  "patient.create": ({ patient }) => `added ${patient} record`,
  "patient.update": ({ patient }) => `changed ${patient} details`,
  "patient.archive": ({ patient }) => `archived ${patient} record`,
  "patient.restore": ({ patient }) => `restored ${patient} record`,
  "patient.primary_therapist.change": ({ patient }) => `changed ${patient} primary therapist`,
  "care_team.add": ({ patient }) => `added a colleague to ${patient} care team`,
  "care_team.remove": ({ patient }) => `removed a colleague from ${patient} care team`,
  "injury.create": ({ patient }) => `opened an injury episode in ${patient} record`,
  "injury.update": ({ patient }) => `changed an injury episode in ${patient} record`,
  "injury.return": ({ patient }) => `marked ${patient} return to running`,
  "injury.close": ({ patient }) => `closed an injury episode in ${patient} record`,
  "daily_log.create": ({ patient }) => `logged a day in ${patient} record`,
  "daily_log.update": ({ patient }) => `changed a day's log in ${patient} record`,
  "run.create": ({ patient }) => `logged a run in ${patient} record`,
  "run.update": ({ patient }) => `changed a run in ${patient} record`,
  "stage.start": ({ patient }) => `started ${patient} return-to-run plan`,
  "stage.progression": ({ name }) => `moved ${name} to the next stage`,
  "stage.override": ({ patient }) => `set ${patient} stage by hand`,
  "stage.step_back": ({ name }) => `stepped ${name} back a stage`,
  "access.refused": ({ patient, detail }) =>
    `was refused ${patient} record${detail.reason === "other_clinic" ? " (another clinic's runner)" : detail.reason === "outside_caseload" ? " (not on their caseload)" : ""}`,
  "user.create": ({ target }) => `created ${target} account`,
  "user.disable": ({ target }) => `disabled ${target} account`,
  "user.enable": ({ target }) => `enabled ${target} account`,
  "user.role": ({ target, detail }) => `changed ${target} role${typeof detail.to === "string" ? ` to ${detail.to}` : ""}`,
  "user.reset_password": ({ target }) => `reset ${target} password`,
  "user.change_password": () => "changed their password",
  "user.sign_out_everywhere": () => "signed out on every device",
  "auth.sign_in": () => "signed in",
  "auth.sign_out": () => "signed out",
  "caseload.view": () => "viewed the caseload",
  "patients.list": () => "viewed the list of runners",
  "protocol.update": () => "changed the clinic's protocol thresholds",
  "audit.view": () => "viewed the audit log",
  "audit.export": () => "downloaded the audit log",
  "admin.accounts.view": () => "viewed the clinic's accounts",
  "admin.protocol.view": () => "viewed the clinic's protocol thresholds",
};

/** Short labels for the action filter, in the same words. */
export function auditActionLabel(action: string): string {
  if (action === "auth.sign_in_failed") return "failed sign-in";
  if (action === "auth.sign_in_throttled") return "sign-in held back (too many attempts)";
  const phrase = PHRASES[action];
  if (!phrase) return action;
  return phrase({ patient: "a runner's", name: "a runner", target: "an", detail: {} });
}

/** The sentence for one audit row, e.g. "Kim Park viewed Marta Müller's logs". */
export function describeAuditEvent(f: AuditEventFacts): string {
  const actor = f.actorName ?? "Someone";
  const detail = f.detail ?? {};
  const email = typeof detail.email === "string" && detail.email ? detail.email : null;
  if (f.action === "auth.sign_in_failed") {
    if (f.targetUserName) return `A sign-in as ${f.targetUserName} failed`;
    return email ? `A sign-in as ${email} (no such account) failed` : "A sign-in failed";
  }
  if (f.action === "auth.sign_in_throttled") {
    const who = f.targetUserName ?? email ?? "an account";
    return `Sign-in attempts as ${who} were held back (too many failures)`;
  }
  const phrase = PHRASES[f.action];
  const patient = f.patientName ? possessive(f.patientName) : "a runner's";
  const target = f.targetUserName ? possessive(f.targetUserName) : "an";
  if (!phrase) return `${actor}: ${f.action}`;
  return `${actor} ${phrase({ patient, name: f.patientName ?? "a runner", target, detail })}`;
}
