import type { Metadata } from "next";
import Link from "next/link";
import { listCaseload } from "@/lib/dal/caseload";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Caseload" };

export default async function CaseloadPage() {
  const rows = await listCaseload();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Caseload</h1>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-6 text-muted">No active runners on your caseload.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Active runners on your caseload</caption>
            <thead className="border-b border-line bg-surface text-muted">
              <tr>
                <th scope="col" className="px-3 py-2">Patient</th>
                <th scope="col" className="px-3 py-2">Injury</th>
                <th scope="col" className="px-3 py-2">Day</th>
                <th scope="col" className="px-3 py-2">Stage</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.patientId} className="border-b border-line last:border-0">
                  <td className="px-3 py-2">
                    <Link href={`/patients/${r.patientId}`} className="font-semibold text-accent-strong underline-offset-2 hover:underline">
                      {r.name}
                    </Link>
                    <span className="block text-xs text-muted">{r.recordNumber}</span>
                  </td>
                  <td className="px-3 py-2">{r.injury}</td>
                  <td className="px-3 py-2">Day {r.day}</td>
                  <td className="px-3 py-2">
                    <Badge tone="accent">{r.stageName}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
