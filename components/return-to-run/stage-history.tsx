import type { StageChangeDto } from "@/lib/dal/stages";
import { dayWithYear } from "@/lib/domain/engine/words";
import { stageName } from "@/lib/domain/injury";

const KIND: Record<StageChangeDto["kind"], string> = { start: "Started", progression: "Progressed", override: "Override", step_back: "Stepped back" };

/** Every confirmed stage change, newest first, with who, when and why. */
export function StageHistory({ history }: { history: StageChangeDto[] }) {
  if (history.length === 0) return <p className="text-sm text-muted">No stage recorded yet: a new injury starts in Protect.</p>;
  return (
    <ol aria-label="Stage changes" className="flex flex-col gap-1 text-sm">
      {history.map((h) => (
        <li key={h.id}>
          <span className="font-semibold">{dayWithYear(h.effectiveDate)}</span> · {KIND[h.kind]}
          {h.kind === "start" ? ` in ${stageName(h.toStage)}` : `${h.fromStage !== null ? ` from ${stageName(h.fromStage)}` : ""} to ${stageName(h.toStage)}`}
          {h.changedBy ? ` by ${h.changedBy}` : ""}
          {h.reason ? <span className="block text-muted">Reason: {h.reason}</span> : null}
        </li>
      ))}
    </ol>
  );
}
