import { FLAG_CODES, type FlagCode } from "@/lib/domain/engine/types";

/** Short words for each stored flag code, for tables and filters (the full reason lives on the patient page). */
export const FLAG_LABELS: Record<FlagCode, string> = {
  stop_pain: "Stop: run pain",
  morning_rise: "Next-morning rise",
  pain_lasting: "Pain past 24 h",
  pain_rise: "Pain rising",
  run_before_gate: "Ran before gate",
  back_to_back: "Back-to-back runs",
  skipped_ahead: "Skipped ahead",
  no_recent_log: "No log 7+ days",
  reinjury_window: "Re-injury window",
  gait_fault: "Gait fault",
  volume_jump: "Load jump",
  cadence_below_target: "Cadence below target",
};

/** Only a stop-level flag is shown in red. */
export function flagLevel(code: string): "stop" | "caution" {
  return code === "stop_pain" ? "stop" : "caution";
}

export function flagLabel(code: string): string {
  return (FLAG_LABELS as Record<string, string>)[code] ?? code.replace(/_/g, " ");
}

export const FLAG_OPTIONS = FLAG_CODES.map((code) => ({ code, label: FLAG_LABELS[code] }));
