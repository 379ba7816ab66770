import type { Metadata } from "next";
import Link from "next/link";
import { listCaseload } from "@/lib/dal/caseload";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage() {
  const rows = await listCaseload();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Patients</h1>
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {rows.map((r) => (
          <li key={r.patientId} className="px-4 py-3">
            <Link href={`/patients/${r.patientId}`} className="font-semibold text-accent-strong hover:underline">
              {r.name}
            </Link>{" "}
            <span className="text-sm text-muted">{r.recordNumber}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
