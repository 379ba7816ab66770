import type { Flag } from "@/lib/domain/engine";
import { cn } from "@/lib/cn";

export const FLAG_WORDS: Record<Flag["code"], string> = {
  stop_pain: "Stop: pain above the limit",
  morning_rise: "Next-morning pain rise",
  pain_lasting: "Pain lasting over 24 h",
  pain_rise: "Pain rising",
  run_before_gate: "Run before the gate",
  back_to_back: "Back-to-back runs",
  no_recent_log: "No recent log",
  reinjury_window: "Re-injury window",
  gait_fault: "Gait fault",
  volume_jump: "Weekly volume jump",
};

/** Flags with their reasons; red only for stop-level ones. */
export function FlagList({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return <p className="text-sm text-muted">No flags.</p>;
  return (
    <ul aria-label="Flags" className="flex flex-col gap-2">
      {flags.map((f) => (
        <li
          key={f.code}
          data-testid={`flag-${f.code}`}
          className={cn("rounded-md border p-2 text-sm", f.level === "stop" ? "border-red-200 bg-red-50" : "border-amber-200 bg-amber-50")}
        >
          <span className={cn("block font-semibold", f.level === "stop" ? "text-stop" : "text-caution")}>{FLAG_WORDS[f.code]}</span>
          <span className="block text-ink">{f.reason}</span>
        </li>
      ))}
    </ul>
  );
}
