import "server-only";
import { auditRefused } from "./prepared";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { careTeam, patients, users } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/db/client";
import { writeAudit } from "./audit";
import { ConflictError, DomainRuleError } from "./errors";
import { findVisiblePatient } from "./patients";
import { refusedPatient } from "./access";

export type Colleague = { id: string; name: string; role: "therapist" | "admin" };

export type CareTeamDto = {
  primaryTherapist: Colleague;
  members: Colleague[];
  /** Colleagues who could be added (same clinic, active, not already on the team). */
  candidates: Colleague[];
  /** Every active therapist of the clinic (admins choose the primary therapist from these). */
  therapists: Colleague[];
  canEdit: boolean;
  canChangePrimary: boolean;
  patientVersion: number;
};

/** Admins manage every care team; a therapist manages the team of the patients they are primary for. */
function canManage(user: SessionUser, patient: { primaryTherapistId: string }): boolean {
  return user.role === "admin" || patient.primaryTherapistId === user.id;
}

function activeColleagues(db: Pick<Db, "select">, clinicId: string): Colleague[] {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.disabled, false)))
    .orderBy(asc(users.name))
    .all();
}

export async function getCareTeam(patientId: string): Promise<CareTeamDto | null> {
  const user = await requireUser();
  const db = getDb();
  const patient = findVisiblePatient(db, user, patientId);
  if (!patient) return auditRefused(user, "care_team.view", patientId);
  const members = db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(careTeam)
    .innerJoin(users, eq(users.id, careTeam.userId))
    .where(eq(careTeam.patientId, patientId))
    .orderBy(asc(users.name))
    .all();
  const primary = db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.id, patient.primaryTherapistId)).get()!;
  const colleagues = activeColleagues(db, user.clinicId);
  const taken = new Set([primary.id, ...members.map((m) => m.id)]);
  return {
    primaryTherapist: primary,
    members,
    candidates: colleagues.filter((c) => !taken.has(c.id) && c.role === "therapist"),
    therapists: colleagues.filter((c) => c.role === "therapist" || c.id === primary.id),
    canEdit: canManage(user, patient),
    canChangePrimary: user.role === "admin",
    patientVersion: patient.version,
  };
}

function loadForChange(db: Pick<Db, "select">, user: SessionUser, patientId: string) {
  const patient = findVisiblePatient(db, user, patientId);
  if (!patient) throw refusedPatient(user, patientId, "care_team.change");
  if (!canManage(user, patient)) throw new DomainRuleError("Only the primary therapist or a clinic admin can change the care team.");
  return patient;
}

function assertColleague(db: Pick<Db, "select">, clinicId: string, userId: string): Colleague {
  const colleague = activeColleagues(db, clinicId).find((c) => c.id === userId);
  if (!colleague) throw new DomainRuleError("Choose an active colleague of this clinic.", "userId");
  return colleague;
}

export async function addCareTeamMember(patientId: string, userId: string): Promise<void> {
  const user = await requireUser();
  getDb().transaction((tx) => {
    const patient = loadForChange(tx, user, patientId);
    assertColleague(tx, user.clinicId, userId);
    if (userId === patient.primaryTherapistId) throw new DomainRuleError("The primary therapist is already responsible for this patient.", "userId");
    const added = tx.insert(careTeam).values({ clinicId: user.clinicId, patientId, userId, addedBy: user.id }).onConflictDoNothing().run();
    if (added.changes === 0) return;
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "care_team.add", entityType: "patient", entityId: patientId, patientId, detail: { member: userId } });
  });
}

export async function removeCareTeamMember(patientId: string, userId: string): Promise<void> {
  const user = await requireUser();
  getDb().transaction((tx) => {
    loadForChange(tx, user, patientId);
    const removed = tx
      .delete(careTeam)
      .where(and(eq(careTeam.patientId, patientId), eq(careTeam.userId, userId), eq(careTeam.clinicId, user.clinicId)))
      .run();
    if (removed.changes === 0) return;
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "care_team.remove", entityType: "patient", entityId: patientId, patientId, detail: { member: userId } });
  });
}

/**
 * Admins only: hands the patient to another therapist. The new primary leaves the care
 * team (they no longer need it); the previous primary joins it so nobody loses access silently.
 */
export async function changePrimaryTherapist(patientId: string, therapistId: string, version: number): Promise<void> {
  const user = await requireUser();
  if (user.role !== "admin") throw new DomainRuleError("Only a clinic admin can change the primary therapist.");
  getDb().transaction((tx) => {
    const patient = findVisiblePatient(tx, user, patientId);
    if (!patient) throw refusedPatient(user, patientId, "patient.change_primary");
    if (patient.version !== version) throw new ConflictError({ primaryTherapistId: patient.primaryTherapistId }, patient.version);
    const next = assertColleague(tx, user.clinicId, therapistId);
    if (next.role !== "therapist") throw new DomainRuleError("Choose a therapist.", "userId");
    if (therapistId === patient.primaryTherapistId) return;
    tx.update(patients)
      .set({ primaryTherapistId: therapistId, version: patient.version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, user.clinicId)))
      .run();
    tx.delete(careTeam).where(and(eq(careTeam.patientId, patientId), eq(careTeam.userId, therapistId))).run();
    tx.insert(careTeam).values({ clinicId: user.clinicId, patientId, userId: patient.primaryTherapistId, addedBy: user.id }).onConflictDoNothing().run();
    writeAudit(tx, {
      clinicId: user.clinicId,
      userId: user.id,
      action: "patient.primary_therapist.change",
      entityType: "patient",
      entityId: patientId,
      patientId,
      detail: { from: patient.primaryTherapistId, to: therapistId },
    });
  });
}
