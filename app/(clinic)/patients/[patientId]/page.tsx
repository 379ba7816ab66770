import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPatientHeader } from "@/lib/dal/patients";
import { PatientHeader } from "@/components/patients/patient-header";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const patient = await getPatientHeader(patientId);
  if (!patient) notFound();
  return <PatientHeader patient={patient} />;
}
