import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPatientHeader } from "@/lib/dal/patients";

export const metadata: Metadata = { title: "Patient overview" };

export default async function PatientOverviewPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const patient = await getPatientHeader(patientId);
  if (!patient) notFound();
  return (
    <section aria-labelledby="overview-heading" className="rounded-lg border border-line bg-white p-4">
      <h2 id="overview-heading" className="text-lg font-semibold">
        Overview
      </h2>
      <p className="mt-2 text-muted">{patient.injuries.length} injury episode(s) on record.</p>
    </section>
  );
}
