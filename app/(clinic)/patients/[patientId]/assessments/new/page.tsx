import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getNewAssessmentContext } from "@/lib/dal/assessments";
import { getCalfTargets } from "@/lib/dal/calf-targets";
import { fpaBaseline } from "@/lib/domain/assessment";
import { AssessmentForm } from "@/components/assessments/assessment-form";
import { createAssessmentAction } from "../actions";

export const metadata: Metadata = { title: "New assessment" };

export default async function NewAssessmentPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const [context, targets] = await Promise.all([getNewAssessmentContext(patientId), getCalfTargets()]);
  if (!context) notFound();
  if (!context.injury) {
    return (
      <section className="rounded-lg border border-line bg-white p-4">
        <h2 className="text-lg font-semibold">New assessment</h2>
        <p className="mt-2">This patient has no open injury episode. An assessment is recorded against an injury: add the injury first.</p>
        <Link href={`/patients/${patientId}/assessments`} className="mt-3 inline-block font-semibold text-accent-strong underline">
          Back to the assessments
        </Link>
      </section>
    );
  }
  const { injury, earlier, today } = context;
  return (
    <AssessmentForm
      patientId={patientId}
      injury={injury}
      today={today}
      baseline={fpaBaseline(earlier)}
      targets={targets}
      initial={{ assessedOn: today }}
      mode={{ kind: "create", create: createAssessmentAction.bind(null, patientId) }}
    />
  );
}
