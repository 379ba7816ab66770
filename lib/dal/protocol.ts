import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { protocolSettings, users } from "@/db/schema";
import { requireAdmin } from "@/lib/auth/session";
import { DEFAULT_PROTOCOL, PROTOCOL_FIELDS, protocolFromJson, type ProtocolSettings } from "@/lib/domain/protocol";
import type { ProtocolInput } from "@/lib/validation/protocol";
import { writeAudit } from "./audit";
import { auditViewOnce } from "./prepared";
import { ConflictError } from "./errors";
import { recomputeAllStatuses } from "./status";

export type ProtocolDto = {
  settings: ProtocolSettings;
  defaults: ProtocolSettings;
  /** 0 while the clinic uses the defaults (no row yet). */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
};

/** The clinic's protocol thresholds, for admins; the read is audited (`admin.protocol.view`, once per page view). */
export async function getClinicProtocol(): Promise<ProtocolDto> {
  const admin = await requireAdmin();
  auditViewOnce(admin, "admin.protocol.view");
  const row = getDb()
    .select({ settings: protocolSettings.settings, version: protocolSettings.version, updatedAt: protocolSettings.updatedAt, updatedBy: users.name })
    .from(protocolSettings)
    .leftJoin(users, eq(users.id, protocolSettings.updatedBy))
    .where(eq(protocolSettings.clinicId, admin.clinicId))
    .get();
  return {
    settings: protocolFromJson(row?.settings),
    defaults: DEFAULT_PROTOCOL,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export type ProtocolSaved = { version: number; patients: number; statusesChanged: number };

/**
 * Saves the clinic's thresholds (with the version the admin opened), audits what changed
 * and recomputes every patient of the clinic in the same transaction, so no status is
 * left computed with the old numbers.
 */
export async function saveClinicProtocol(input: ProtocolInput): Promise<ProtocolSaved> {
  const admin = await requireAdmin();
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx.select().from(protocolSettings).where(eq(protocolSettings.clinicId, admin.clinicId)).get();
    const currentVersion = row?.version ?? 0;
    const before = protocolFromJson(row?.settings);
    if (input.version !== currentVersion) throw new ConflictError({ ...before }, currentVersion);
    const next = { ...before };
    const changes: Record<string, [number, number]> = {};
    for (const f of PROTOCOL_FIELDS) {
      const value = input[f.key] as number;
      if (value !== before[f.key]) changes[f.key] = [before[f.key], value];
      next[f.key] = value;
    }
    const now = new Date().toISOString();
    const version = currentVersion + 1;
    if (row) {
      tx.update(protocolSettings)
        .set({ settings: JSON.stringify(next), version, updatedBy: admin.id, updatedAt: now })
        .where(eq(protocolSettings.clinicId, admin.clinicId))
        .run();
    } else {
      tx.insert(protocolSettings).values({ clinicId: admin.clinicId, settings: JSON.stringify(next), version, updatedBy: admin.id, updatedAt: now }).run();
    }
    writeAudit(tx, { clinicId: admin.clinicId, userId: admin.id, action: "protocol.update", entityType: "protocol_settings", entityId: admin.clinicId, detail: { changes, version } });
    const { total, changed } = recomputeAllStatuses({ db: tx, clinicId: admin.clinicId });
    return { version, patients: total, statusesChanged: changed };
  });
}
