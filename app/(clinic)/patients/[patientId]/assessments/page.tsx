import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listAssessments } from "@/lib/dal/assessments";
import { AssessmentHistory } from "@/components/assessments/assessment-history";

export const metadata: Metadata = { title: "Assessments" };

export default async function PatientAssessmentsPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const items = await listAssessments(patientId);
  if (!items) notFound();
  return (
    <section aria-labelledby="assessments-heading" className="flex flex-col gap-4 rounded-lg border border-line bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="assessments-heading" className="text-lg font-semibold">
          Assessments
        </h2>
        <Link
          href={`/patients/${patientId}/assessments/new`}
          className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 text-sm font-semibold text-white hover:bg-accent-strong"
        >
          New assessment
        </Link>
      </div>
      <AssessmentHistory patientId={patientId} items={items} />
    </section>
  );
}
