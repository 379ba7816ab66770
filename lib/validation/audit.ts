import { z } from "zod";
import { queryDay } from "./query";

const strict = {
  userId: z.uuid("Unknown user."),
  patientId: z.uuid("Unknown patient."),
  action: z.string().max(64).regex(/^[a-z_.]+$/, "Unknown action."),
  from: queryDay("The From date"),
  to: queryDay("The To date"),
};

/**
 * Audit viewer filters, from the URL. The page drops a malformed value and says so (see
 * `auditFilterProblems`) rather than failing; an impossible day such as 2026-02-30 is
 * malformed.
 */
export const auditFilterSchema = z.object({
  userId: strict.userId.optional().catch(undefined),
  patientId: strict.patientId.optional().catch(undefined),
  /** A runner's record number or part of their name. */
  runner: z.string().trim().max(80).regex(/^[^\u0000-\u001f\u007f]*$/).optional().catch(undefined).transform((v) => (v ? v : undefined)),
  action: strict.action.optional().catch(undefined),
  from: strict.from.optional().catch(undefined),
  to: strict.to.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The CSV download's filters: the same fields, but a malformed one is a 400 with its message. */
export const auditExportQuerySchema = z.object({
  userId: strict.userId.optional(),
  patientId: strict.patientId.optional(),
  runner: auditFilterSchema.shape.runner,
  action: strict.action.optional(),
  from: strict.from.optional(),
  to: strict.to.optional(),
  page: z.string().optional(),
});

/** Messages for the dates in the URL that could not be read (they were left out of the filter). */
export function auditFilterProblems(raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ["from", "to"] as const) {
    const value = raw[key];
    if (typeof value === "string" && value !== "" && !strict[key].safeParse(value).success) out.push(`${key === "from" ? "From" : "To"} “${value.slice(0, 20)}” is not a real date, so it was not used.`);
  }
  return out;
}
