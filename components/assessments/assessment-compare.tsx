import type { Side } from "@/lib/domain/vocabulary";
import type { AssessmentRecord } from "@/lib/dal/assessments";
import { FAULT_LABEL, formatSigned, MEASURES, measureChange, roundPercent, sideComparisons, type CalfTargets, type FaultKey } from "@/lib/domain/assessment";
import { severityOf, show } from "./labels";
import { SeverityBadge } from "./severity-badge";
import { dayWithYear } from "@/lib/domain/engine/words";

const FAULTS: FaultKey[] = ["toeOut", "pelvic", "overstride", "calf"];

function percent(value: number | null): string {
  return value === null ? "—" : `${roundPercent(value)}%`;
}

/** Two assessments side by side (older first) with the change between them. */
export function AssessmentCompare({ older, newer, side, targets }: { older: AssessmentRecord; newer: AssessmentRecord; side: Side; targets: CalfTargets }) {
  const a = sideComparisons(side, older);
  const b = sideComparisons(side, newer);
  const cell = "py-2 pr-3";
  // LSI = injured ÷ uninjured; with both sides injured there is no uninjured side to compare with.
  const asymmetryRows =
    side === "both"
      ? []
      : [
          { label: "Heel-raise LSI", older: a.heelRaises.lsiPercent, newer: b.heelRaises.lsiPercent },
          { label: "Knee-to-wall LSI", older: a.kneeToWall.lsiPercent, newer: b.kneeToWall.lsiPercent },
        ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="comparison">
        <caption className="sr-only">
          Assessment of {dayWithYear(older.assessedOn)} compared with {dayWithYear(newer.assessedOn)}
        </caption>
        <thead>
          <tr className="border-b border-line text-muted">
            <th scope="col" className={`${cell} font-medium`}>
              Measure
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              {dayWithYear(older.assessedOn)}
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              {dayWithYear(newer.assessedOn)}
            </th>
            <th scope="col" className="py-2 font-medium">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {FAULTS.map((f) => (
            <tr key={f} className="border-b border-line">
              <th scope="row" className={`${cell} font-medium`}>
                {FAULT_LABEL[f]}
              </th>
              <td className={cell}>
                <SeverityBadge severity={severityOf(older, f)} />
              </td>
              <td className={cell}>
                <SeverityBadge severity={severityOf(newer, f)} />
              </td>
              <td className="py-2 text-muted">—</td>
            </tr>
          ))}
          {MEASURES.map((m) => {
            const change = measureChange(m, older[m.key], newer[m.key]);
            return (
              <tr key={m.key} className="border-b border-line" data-measure={m.key}>
                <th scope="row" className={`${cell} font-medium`}>
                  {m.label} ({m.unit})
                </th>
                <td className={cell}>{show(older[m.key], m.unit)}</td>
                <td className={cell}>{show(newer[m.key], m.unit)}</td>
                <td className="py-2">{change ? change.words : "—"}</td>
              </tr>
            );
          })}
          {asymmetryRows.map((r) => (
            <tr key={r.label} className="border-b border-line last:border-0">
              <th scope="row" className={`${cell} font-medium`}>
                {r.label} (%)
              </th>
              <td className={cell}>{percent(r.older)}</td>
              <td className={cell}>{percent(r.newer)}</td>
              <td className="py-2">
                {r.older !== null && r.newer !== null ? `${formatSigned(roundPercent(r.newer) - roundPercent(r.older), "points")} (target ≥${targets.lsiMinPercent}%)` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
