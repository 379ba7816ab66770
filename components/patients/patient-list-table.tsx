import Link from "next/link";
import type { PatientListRow } from "@/lib/dal/patients";
import { Badge } from "@/components/ui/badge";

const STATUS_WORD = { active: "active", returned: "returned", closed: "closed" } as const;

export function PatientListTable({ rows }: { rows: PatientListRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Patients</caption>
        <thead className="border-b border-line bg-surface text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Patient</th>
            <th scope="col" className="px-3 py-2">Age</th>
            <th scope="col" className="px-3 py-2">Latest injury</th>
            <th scope="col" className="px-3 py-2">Onset</th>
            <th scope="col" className="px-3 py-2">Therapist</th>
            <th scope="col" className="px-3 py-2">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-line last:border-0">
              <td className="px-3 py-2">
                <Link href={`/patients/${r.id}`} className="font-semibold text-accent-strong underline-offset-2 hover:underline">
                  {r.name}
                </Link>
                <span className="block text-xs text-muted">{r.recordNumber}</span>
                {r.archived ? <Badge className="mt-1">Archived</Badge> : null}
              </td>
              <td className="px-3 py-2">{r.age}</td>
              <td className="px-3 py-2">{r.injury ? `${r.injury} (${STATUS_WORD[r.injuryStatus!]})` : <span className="text-muted">None recorded</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {r.onsetDate ?? "—"}
                {r.onsetDate && r.injuryStatus === "active" ? <span className="block text-xs text-muted">day {r.day}</span> : null}
              </td>
              <td className="px-3 py-2">{r.primaryTherapist}</td>
              <td className="px-3 py-2 whitespace-nowrap">{r.lastActivityAt ? r.lastActivityAt.slice(0, 10) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
