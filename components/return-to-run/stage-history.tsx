import type { StageChangeDto } from "@/lib/dal/stages";
import { dayWithYear } from "@/lib/domain/engine/words";
import { stageName } from "@/lib/domain/injury";
import { ladderWords, WALK_RUN_LADDER } from "@/lib/domain/protocol";

const KIND: Record<StageChangeDto["kind"], string> = { start: "Started", progression: "Progressed", override: "Override", step_back: "Stepped back" };

function destination(h: StageChangeDto): string {
  const stage = stageName(h.toStage);
  return h.toLadderStep === null ? stage : `${stage}, step ${h.toLadderStep + 1} of ${WALK_RUN_LADDER.length} (${ladderWords(h.toLadderStep)})`;
}

/** Every confirmed stage change, newest first, with who, when and why (a step back keeps the flags that caused it in its reason). */
export function StageHistory({ history }: { history: StageChangeDto[] }) {
  if (history.length === 0) return <p className="text-sm text-muted">No stage recorded yet: a new injury starts in Protect.</p>;
  return (
    <ol aria-label="Stage changes" className="flex flex-col gap-1 text-sm">
      {history.map((h) => (
        <li key={h.id} data-testid="stage-change">
          <span className="font-semibold">{dayWithYear(h.effectiveDate)}</span> · {KIND[h.kind]}
          {h.kind === "start" ? ` in ${stageName(h.toStage)}` : `${h.fromStage !== null ? ` from ${stageName(h.fromStage)}` : ""} to ${destination(h)}`}
          {h.changedBy ? ` by ${h.changedBy}` : ""}
          {h.reason ? <span className="block whitespace-pre-line text-muted">Reason: {h.reason}</span> : null}
        </li>
      ))}
    </ol>
  );
}
