import type { CheckinBadges } from "@/lib/dal/checkin-badges";
import { Badge } from "@/components/ui/badge";

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** A caseload row's check-in marks, in words: new entries since the user last looked, a link expiring soon, a link not used lately. */
export function CheckinMarks({ marks }: { marks: CheckinBadges }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-1" aria-label="Check-in" data-testid="checkin-marks">
      {marks.newCheckin ? (
        <li>
          <Badge tone="accent" data-testid="checkin-new">
            New check-in
          </Badge>
        </li>
      ) : null}
      {marks.expiresInDays !== null ? (
        <li>
          <Badge tone="caution" data-testid="checkin-expiring">
            Link expires in {days(marks.expiresInDays)}
          </Badge>
        </li>
      ) : null}
      {marks.idleDays !== null ? (
        <li>
          <Badge tone="neutral" data-testid="checkin-idle">
            Check-in not used for {days(marks.idleDays)}
          </Badge>
        </li>
      ) : null}
    </ul>
  );
}
