import type { DailyLogDto, EntryRevisionDto } from "@/lib/dal/logs";
import type { DistanceUnit } from "@/lib/domain/vocabulary";
import { momentIn } from "@/lib/domain/dates";
import { Badge } from "@/components/ui/badge";
import { describeCare, describeDay, describeRun } from "./entry-words";

type Entry = Pick<DailyLogDto, "source" | "receivedAt" | "revisions">;

/** "Reported by the runner", with when it arrived (clinic time zone), for an entry sent through a check-in link. */
export function RunnerMark({ entry, timeZone }: { entry: Entry; timeZone: string }) {
  if (entry.source !== "runner") return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="runner-reported">
      <Badge tone="caution">Reported by the runner</Badge>
      <span className="text-xs text-muted">arrived {momentIn(entry.receivedAt, timeZone)}</span>
    </span>
  );
}

/** An earlier version in words: the same sentence the list shows for the entry now. */
function previousWords(kind: "day" | "run", previous: Record<string, unknown>, unit: DistanceUnit): string {
  const words = kind === "day" ? [describeDay(previous as Parameters<typeof describeDay>[0]), describeCare(previous as Parameters<typeof describeCare>[0])] : [describeRun(previous as Parameters<typeof describeRun>[0], unit)];
  if (typeof previous.note === "string" && previous.note) words.push(`Note: ${previous.note}`);
  return words.filter(Boolean).join(". ");
}

function byWhom(r: EntryRevisionDto): string {
  return r.replacedByName ?? "the runner";
}

/**
 * "Corrected by Kim Tan on 25 Nov 2026, 09:02" for an entry whose earlier versions were kept,
 * and a disclosure listing each earlier version's values (the first is the original).
 */
export function CorrectionNote({ entry, kind, timeZone, distanceUnit }: { entry: Entry; kind: "day" | "run"; timeZone: string; distanceUnit: DistanceUnit }) {
  const revisions = entry.revisions ?? [];
  const latest = revisions.at(-1);
  if (!latest) return null;
  return (
    <div className="text-xs text-muted" data-testid="entry-corrected">
      <span>
        Corrected by {byWhom(latest)} on {momentIn(latest.replacedAt, timeZone)}
      </span>
      <details className="mt-1">
        <summary className="cursor-pointer font-semibold text-accent-strong">Show the original{revisions.length > 1 ? " and earlier versions" : ""}</summary>
        <ol className="mt-1 flex list-decimal flex-col gap-1 pl-5" aria-label="Earlier versions, oldest first">
          {revisions.map((r, i) => (
            <li key={r.version}>
              <span className="font-semibold">{i === 0 ? (entry.source === "runner" ? "As the runner reported it" : "Original") : `Version ${r.version}`}</span>
              {` (replaced by ${byWhom(r)} on ${momentIn(r.replacedAt, timeZone)}): `}
              {previousWords(kind, r.previous, distanceUnit)}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
