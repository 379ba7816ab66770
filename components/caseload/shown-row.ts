import type { CaseloadRow } from "@/lib/dal/caseload";
import type { CheckinBadges } from "@/lib/dal/checkin-badges";

/** What a row shows: only these fields travel to the browser with the page. */
export type ShownRow = Pick<
  CaseloadRow,
  "patientId" | "name" | "recordNumber" | "injury" | "day" | "stage" | "stageName" | "readyToProgress" | "latestPain" | "latestPainDate" | "streak" | "flags" | "refer"
> & { checkin?: CheckinBadges };

export function shownRow(r: CaseloadRow): ShownRow {
  return {
    patientId: r.patientId,
    name: r.name,
    recordNumber: r.recordNumber,
    injury: r.injury,
    day: r.day,
    stage: r.stage,
    stageName: r.stageName,
    readyToProgress: r.readyToProgress,
    latestPain: r.latestPain,
    latestPainDate: r.latestPainDate,
    streak: r.streak,
    flags: r.flags,
    refer: r.refer,
  };
}
