import type { StageInfo } from "@/lib/domain/protocol";
import { cn } from "@/lib/cn";

/** The six stages in order, the current one marked. */
export function StageLadder({ stages, current }: { stages: StageInfo[]; current: number | null }) {
  return (
    <ol aria-label="Return-to-run stages" className="grid grid-cols-2 gap-2 md:grid-cols-3 lg:grid-cols-6">
      {stages.map((s) => {
        const isCurrent = s.stage === current;
        const done = current !== null && s.stage < current;
        return (
          <li
            key={s.stage}
            aria-current={isCurrent ? "step" : undefined}
            className={cn(
              "rounded-md border p-2 text-sm",
              isCurrent ? "border-accent bg-accent-soft text-accent-strong" : done ? "border-line bg-surface text-ink" : "border-line bg-white text-muted",
            )}
          >
            <span className="block font-semibold">
              {s.stage} {s.name}
            </span>
            <span className="block text-xs">{isCurrent ? "Current stage" : done ? "Done" : "Ahead"}</span>
          </li>
        );
      })}
    </ol>
  );
}
