import Link from "next/link";
import type { AssessmentRecord } from "@/lib/dal/assessments";
import { FAULT_LABEL, type FaultKey } from "@/lib/domain/assessment";
import { Button } from "@/components/ui/button";
import { METHOD_LABEL, severityOf, show } from "./labels";
import { SeverityBadge } from "./severity-badge";
import { dayWithYear } from "@/lib/domain/engine/words";

const FAULTS: FaultKey[] = ["toeOut", "pelvic", "overstride", "calf"];
const SHORT: Record<FaultKey, string> = { toeOut: "Toe-out", pelvic: "Pelvic tilt", overstride: "Overstride", calf: "Calf" };

/** "#3 · 26 Nov 2026 (video)": numbered oldest first, so two on one day stay apart. */
export function assessmentLabel(a: AssessmentRecord, number: number) {
  return `#${number} · ${dayWithYear(a.assessedOn)}${a.method ? ` (${METHOD_LABEL[a.method].toLowerCase()})` : ""}`;
}

/** The assessment history, newest first, and a picker to compare any two. */
export function AssessmentHistory({ patientId, items }: { patientId: string; items: AssessmentRecord[] }) {
  const base = `/patients/${patientId}/assessments`;
  if (items.length === 0) return <p className="text-muted">No assessments recorded yet.</p>;
  const label = (index: number) => assessmentLabel(items[index]!, items.length - index);
  return (
    <div className="flex flex-col gap-4">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="assessment-history">
          <caption className="sr-only">Assessments, newest first</caption>
          <thead>
            <tr className="border-b border-line text-muted">
              <th scope="col" className="py-2 pr-3 font-medium">
                Date
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Gait faults and calf
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Heel raises L / R (reps)
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Knee-to-wall L / R (cm)
              </th>
              <th scope="col" className="py-2 font-medium">
                Cadence (steps/min)
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((a, i) => (
              <tr key={a.id} className="border-b border-line last:border-0">
                <th scope="row" className="py-2 pr-3 font-medium">
                  <Link href={`${base}/${a.id}`} className="text-accent-strong underline">
                    {label(i)}
                  </Link>
                </th>
                <td className="py-2 pr-3">
                  <span className="flex flex-wrap gap-1">
                    {FAULTS.map((f) => (
                      <SeverityBadge key={f} severity={severityOf(a, f)} label={SHORT[f]} title={FAULT_LABEL[f]} />
                    ))}
                  </span>
                </td>
                <td className="py-2 pr-3">
                  {show(a.heelRaisesLeft)} / {show(a.heelRaisesRight)}
                </td>
                <td className="py-2 pr-3">
                  {show(a.kneeToWallLeftCm)} / {show(a.kneeToWallRightCm)}
                </td>
                <td className="py-2">{show(a.cadenceSpm)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {items.length >= 2 ? (
        <form action={`${base}/compare`} method="get" className="flex flex-wrap items-end gap-3 rounded-md bg-surface p-3" aria-labelledby="compare-heading">
          <h3 id="compare-heading" className="w-full font-semibold">
            Compare two assessments
          </h3>
          <Picker name="a" label="First assessment" selected={items[1]!.id} options={items.map((a, i) => [a.id, label(i)])} />
          <Picker name="b" label="Second assessment" selected={items[0]!.id} options={items.map((a, i) => [a.id, label(i)])} />
          <Button type="submit" variant="secondary">
            Compare
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function Picker({ name, label, selected, options }: { name: string; label: string; selected: string; options: [string, string][] }) {
  const id = `compare-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={selected} className="min-h-11 rounded-md border border-line bg-white px-3">
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
