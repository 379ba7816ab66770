/** Browser-side calls to the patient JSON routes, and the query keys they fill. */
import type { LogEntryDto, LogPageDto } from "@/lib/dal/logs";

export const queryKeys = {
  panel: (patientId: string) => ["return-to-run", patientId] as const,
  recent: (patientId: string) => ["log-entries", patientId, "recent"] as const,
  /** Every chart of the patient (the charts' own keys start with this). */
  charts: (patientId: string) => ["charts", patientId] as const,
};

export const RECENT_SIZE = 6;

export type ClientEntry = LogEntryDto & { pending?: boolean };
export type ClientPage = Omit<LogPageDto, "entries"> & { entries: ClientEntry[] };

export { getJson, postJson, RefusedError } from "@/lib/http/json-client";
