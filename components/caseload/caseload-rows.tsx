"use client";

import { Badge } from "@/components/ui/badge";
import { flagLabel, flagLevel } from "./flag-labels";
import { PainValue } from "./pain-value";
import type { ShownRow } from "./shown-row";
import { StagePill } from "./stage-pill";
import { CheckinMarks } from "./checkin-marks";

/** One patient (the caseload's SoftNav makes the name's link a client-side navigation). */
function Row({ row: r }: { row: ShownRow }) {
  return (
    <tr data-testid="caseload-row">
      <td>
        <a href={`/patients/${r.patientId}`} className="font-semibold text-accent-strong underline-offset-2 hover:underline">
          {r.name}
        </a>
        <span className="block text-xs text-muted">{r.recordNumber}</span>
        {r.checkin ? <CheckinMarks marks={r.checkin} /> : null}
      </td>
      <td>{r.injury}</td>
      <td className="whitespace-nowrap tabular-nums">Day {r.day}</td>
      <td>
        <StagePill stage={r.stage} name={r.stageName} />
        {r.readyToProgress ? <span className="mt-1 block text-xs font-semibold text-safe">Ready to progress</span> : null}
      </td>
      <td data-testid="latest-pain">
        <PainValue value={r.latestPain} date={r.latestPainDate} />
      </td>
      <td className="tabular-nums">{`${r.streak} day${r.streak === 1 ? "" : "s"}`}</td>
      <td data-testid="flags">
        {r.refer ? (
          <Badge tone="stop" className="mb-1" data-testid="refer-before-loading">
            Refer before loading
          </Badge>
        ) : null}
        {r.flags.length === 0 && r.refer ? null : r.flags.length === 0 ? (
          <span className="text-muted">None</span>
        ) : (
          <ul className="flex flex-wrap gap-1">
            {r.flags.map((f) => (
              <li key={f}>
                <Badge tone={flagLevel(f)} data-flag={f}>
                  {flagLabel(f)}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}


/**
 * The page's rows, rendered from their data: one client boundary for the table body, so
 * the server sends 25 small objects instead of every cell's markup twice (RSC and HTML).
 */
export function CaseloadRows({ rows }: { rows: ShownRow[] }) {
  return rows.map((r) => <Row key={r.patientId} row={r} />);
}
