import { STAGE_NAMES } from "@/lib/domain/injury";
import { cn } from "@/lib/cn";

/** The stage as a small ladder of six rungs with its name in words. */
export function StagePill({ stage, name }: { stage: number | null; name: string }) {
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <span aria-hidden="true" className="inline-flex items-end gap-px">
        {STAGE_NAMES.map((_, i) => (
          <span key={i} className={cn("w-1.5 rounded-sm", stage !== null && i <= stage ? "bg-accent" : "bg-line")} style={{ height: `${6 + i * 2}px` }} />
        ))}
      </span>
      <span className="rounded-full border border-accent-soft bg-accent-soft px-2 py-0.5 text-xs font-semibold text-accent-strong">
        {stage === null ? name : `${stage} ${name}`}
      </span>
    </span>
  );
}
