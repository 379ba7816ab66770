import { FLAG_LABELS, type Flag } from "@/lib/domain/engine";
import { shortDay } from "@/lib/domain/engine/words";
import { cn } from "@/lib/cn";

/** Open flags with their reasons and the day each was raised; red only for stop-level ones. */
export function FlagList({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return <p className="text-sm text-muted">No open flags.</p>;
  return (
    <ul aria-label="Flags" className="flex flex-col gap-2">
      {flags.map((f) => (
        <li
          key={`${f.code}-${f.raisedOn}`}
          data-testid={`flag-${f.code}`}
          className={cn("rounded-md border p-2 text-sm", f.level === "stop" ? "border-red-200 bg-red-50" : f.level === "advisory" ? "border-line bg-white" : "border-amber-200 bg-amber-50")}
        >
          <span className={cn("block font-semibold", f.level === "stop" ? "text-stop" : f.level === "advisory" ? "text-muted" : "text-caution")}>
            {FLAG_LABELS[f.code]}
            {f.level === "advisory" ? " (advisory)" : ""}
            {f.raisedOn ? <span className="font-normal text-muted"> · since {shortDay(f.raisedOn)}</span> : null}
          </span>
          <span className="block text-ink">{f.reason}</span>
        </li>
      ))}
    </ul>
  );
}

/** Cleared flags of the episode, with the days they were raised and cleared and why. */
export function FlagHistory({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return null;
  return (
    <details className="text-sm" data-testid="flag-history">
      <summary className="cursor-pointer font-semibold">Cleared flags ({flags.length})</summary>
      <ul aria-label="Cleared flags" className="mt-2 flex flex-col gap-2">
        {flags.map((f) => (
          <li key={`${f.code}-${f.raisedOn}-${f.clearedOn}`} className="rounded-md border border-line p-2" data-testid={`cleared-flag-${f.code}`}>
            <span className="block font-semibold">
              {FLAG_LABELS[f.code]}: {shortDay(f.raisedOn)} to {f.clearedOn ? shortDay(f.clearedOn) : "—"}
            </span>
            <span className="block text-ink">{f.reason}</span>
            {f.clearedBy ? <span className="block text-muted">Cleared: {f.clearedBy}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
