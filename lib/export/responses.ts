/** The answer an export route gives instead of its file when there is nothing to export yet. */
import type { ExportResult } from "@/lib/dal/exports";

/** A clear message (422) instead of an empty or broken file; same shape as every route refusal. */
export function nothingToExport(result: Extract<ExportResult, { ok: false }>): Response {
  return Response.json({ ok: false, error: result.message, recordNumber: result.recordNumber }, { status: 422, headers: { "Cache-Control": "no-store" } });
}
