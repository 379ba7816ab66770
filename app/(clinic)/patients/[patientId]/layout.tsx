import { notFound } from "next/navigation";
import { getPatientHeader } from "@/lib/dal/patients";
import { PatientHeader } from "@/components/patients/patient-header";
import { NavLinks } from "@/components/shell/nav-links";

export default async function PatientLayout({ children, params }: { children: React.ReactNode; params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const patient = await getPatientHeader(patientId);
  if (!patient) notFound();
  const base = `/patients/${patient.id}`;
  return (
    <div className="flex flex-col gap-4">
      <PatientHeader patient={patient} />
      <nav aria-label="Patient sections" className="border-b border-line">
        <NavLinks
          links={[
            { href: base, label: "Overview", exact: true },
            { href: `${base}/logs`, label: "Logs" },
            { href: `${base}/assessments`, label: "Assessments" },
            { href: `${base}/progress`, label: "Progress" },
            { href: `${base}/details`, label: "Details" },
          ]}
        />
      </nav>
      <div>{children}</div>
    </div>
  );
}
