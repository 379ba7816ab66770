import { STAGE_NAMES } from "@/lib/domain/injury";

/** One rung per stage, each taller than the last. */
const RUNG_HEIGHTS = ["h-1.5", "h-2", "h-2.5", "h-3", "h-3.5", "h-4"] as const;

/** The stage as a small ladder of six rungs with its name in words. */
export function StagePill({ stage, name }: { stage: number | null; name: string }) {
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <span aria-hidden="true" className="inline-flex items-end gap-px">
        {STAGE_NAMES.map((_, i) => (
          <span key={i} className={`w-1.5 rounded-sm ${RUNG_HEIGHTS[i]} ${stage !== null && i <= stage ? "bg-accent" : "bg-line"}`} />
        ))}
      </span>
      <span className="rounded-full border border-accent-soft bg-accent-soft px-2 py-0.5 text-xs font-semibold text-accent-strong">
        {stage === null ? name : `${stage} ${name}`}
      </span>
    </span>
  );
}
