import { FLAG_WORDS } from "@/lib/domain/engine/flags";
import { FLAG_CODES } from "@/lib/domain/engine/types";

/** Only a stop-level flag is shown in red. */
export function flagLevel(code: string): "stop" | "caution" {
  return code === "stop_pain" ? "stop" : "caution";
}

/** The caseload's short words for a stored flag code (the full reason lives on the patient page). */
export function flagLabel(code: string): string {
  return (FLAG_WORDS as Record<string, { short: string }>)[code]?.short ?? code.replace(/_/g, " ");
}

export const FLAG_OPTIONS = FLAG_CODES.map((code) => ({ code, label: FLAG_WORDS[code].short }));
