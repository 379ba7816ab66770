/** The answers every export route gives besides the file itself. */
import type { ExportResult } from "@/lib/dal/exports";

const NO_STORE = { "Cache-Control": "no-store" };

export function notFound(): Response {
  return Response.json({ error: "Patient not found." }, { status: 404, headers: NO_STORE });
}

export function badRequest(message: string): Response {
  return Response.json({ error: message }, { status: 400, headers: NO_STORE });
}

/** A clear message instead of an empty or broken file when there is nothing to export yet. */
export function nothingToExport(result: Extract<ExportResult, { ok: false }>): Response {
  return Response.json({ error: result.message, recordNumber: result.recordNumber }, { status: 422, headers: NO_STORE });
}
