import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAssessment } from "@/lib/dal/assessments";
import { getCalfTargets } from "@/lib/dal/calf-targets";
import { fpaBaseline } from "@/lib/domain/assessment";
import { AssessmentForm } from "@/components/assessments/assessment-form";
import { toFormValues } from "@/components/assessments/labels";
import { updateAssessmentAction } from "../../actions";

export const metadata: Metadata = { title: "Edit assessment" };

export default async function EditAssessmentPage({ params }: { params: Promise<{ patientId: string; assessmentId: string }> }) {
  const { patientId, assessmentId } = await params;
  const [detail, targets] = await Promise.all([getAssessment(patientId, assessmentId), getCalfTargets()]);
  if (!detail) notFound();
  const { assessment, earlier, injury, today } = detail;
  return (
    <AssessmentForm
      patientId={patientId}
      injury={injury}
      today={today}
      baseline={fpaBaseline(earlier)}
      targets={targets}
      initial={toFormValues(assessment)}
      mode={{ kind: "edit", assessmentId, version: assessment.version, update: updateAssessmentAction.bind(null, patientId, assessmentId) }}
    />
  );
}
