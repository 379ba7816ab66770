/** Browser-side calls to the patient JSON routes, and the query keys they fill. */
import type { ActionResult } from "@/lib/actions/result";
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

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(response.status === 401 ? "Your session has ended. Please sign in again." : "The latest data could not be loaded.");
  return (await response.json()) as T;
}

/** Posts JSON and returns the ActionResult; a refusal is thrown so a mutation rolls back. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  let result: ActionResult<T>;
  try {
    const response = await fetch(url, { method: "POST", cache: "no-store", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    result = (await response.json()) as ActionResult<T>;
  } catch {
    throw new RefusedError({ ok: false, error: "The server could not be reached. Nothing was saved." });
  }
  if (!result.ok) throw new RefusedError(result);
  return result.data;
}

export class RefusedError extends Error {
  constructor(public readonly result: Extract<ActionResult<never>, { ok: false }>) {
    super(result.error);
    this.name = "RefusedError";
  }
}
