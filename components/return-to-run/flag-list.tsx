import { FLAG_LABELS, type Flag } from "@/lib/domain/engine";
import { cn } from "@/lib/cn";

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
          <span className={cn("block font-semibold", f.level === "stop" ? "text-stop" : "text-caution")}>{FLAG_LABELS[f.code]}</span>
          <span className="block text-ink">{f.reason}</span>
        </li>
      ))}
    </ul>
  );
}
