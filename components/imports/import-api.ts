/** Browser-side calls to the watch-import route: one request per file, its bytes as the body. */
import type { ActionResult } from "@/lib/actions/result";
import type { ImportOutcome, ImportReviewFile } from "@/lib/dal/imports";
import type { ImportChoiceInput } from "@/lib/validation/imports";

const url = (patientId: string, params: Record<string, string>) => `/api/patients/${patientId}/imports?${new URLSearchParams(params).toString()}`;

async function send<T>(patientId: string, file: File, params: Record<string, string>): Promise<ActionResult<T>> {
  try {
    const response = await fetch(url(patientId, { ...params, name: file.name }), { method: "POST", cache: "no-store", headers: { "content-type": "application/octet-stream" }, body: file });
    return (await response.json()) as ActionResult<T>;
  } catch {
    return { ok: false, error: "The server could not be reached. Nothing was saved." };
  }
}

/** Reads one file on the server and answers how each activity would be logged (nothing saved). */
export async function reviewFile(patientId: string, file: File): Promise<ImportReviewFile> {
  const result = await send<{ files: ImportReviewFile[] }>(patientId, file, { step: "review" });
  if (!result.ok) return { fileName: file.name, error: result.error, items: [] };
  return result.data.files[0] ?? { fileName: file.name, error: "This file could not be read.", items: [] };
}

/** Imports the chosen activities of one file. */
export async function saveFile(patientId: string, file: File, choices: ImportChoiceInput[]): Promise<ActionResult<ImportOutcome>> {
  return send<ImportOutcome>(patientId, file, { step: "save", choices: JSON.stringify(choices) });
}
