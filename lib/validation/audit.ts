import { z } from "zod";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-26.");

/** Audit viewer filters, from the URL. Unknown or malformed values are dropped, not errors. */
export const auditFilterSchema = z.object({
  userId: z.uuid().optional().catch(undefined),
  patientId: z.uuid().optional().catch(undefined),
  /** A runner's record number or part of their name. */
  runner: z.string().trim().max(80).regex(/^[^\u0000-\u001f\u007f]*$/).optional().catch(undefined).transform((v) => (v ? v : undefined)),
  action: z.string().max(64).regex(/^[a-z_.]+$/).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
