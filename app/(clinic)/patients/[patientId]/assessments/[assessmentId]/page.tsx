import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAssessment } from "@/lib/dal/assessments";
import { getCalfTargets } from "@/lib/dal/calf-targets";
import { AssessmentView, VisitSummary } from "@/components/assessments/assessment-view";
import { dayWithYear } from "@/lib/domain/engine/words";
import { listAssessmentFrames } from "@/lib/dal/assessment-frames";
import { VideoFrames } from "@/components/video/frame-evidence";

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({ params }: { params: Promise<{ patientId: string; assessmentId: string }> }) {
  const { patientId, assessmentId } = await params;
  const [detail, targets] = await Promise.all([getAssessment(patientId, assessmentId), getCalfTargets()]);
  if (!detail) notFound();
  const { assessment, previous, earlier, injury } = detail;
  const frames = (await listAssessmentFrames(patientId, assessmentId)) ?? [];
  const base = `/patients/${patientId}/assessments`;
  return (
    <section aria-labelledby="assessment-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-line bg-white p-4">
        <div>
          <h2 id="assessment-heading" className="text-lg font-semibold">
            Assessment of {dayWithYear(assessment.assessedOn)}
          </h2>
          <VisitSummary assessment={assessment} />
          <p className="text-sm text-muted">
            {injury.description}.{" "}
            {previous ? `Changes are against the assessment of ${dayWithYear(previous.assessedOn)}.` : "The first assessment of this injury: no earlier one to compare with."}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/${assessment.id}/edit`} className="inline-flex min-h-11 items-center rounded-md border border-line bg-white px-4 text-sm font-semibold hover:bg-surface">
            Edit
          </Link>
          {previous ? (
            <Link
              href={`${base}/compare?a=${previous.id}&b=${assessment.id}`}
              className="inline-flex min-h-11 items-center rounded-md border border-line bg-white px-4 text-sm font-semibold hover:bg-surface"
            >
              Compare with previous
            </Link>
          ) : null}
          <Link href={base} className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-accent-strong underline">
            All assessments
          </Link>
        </div>
      </div>
      <AssessmentView assessment={assessment} previous={previous} earlier={earlier} side={injury.side} targets={targets} />
      <VideoFrames patientId={patientId} assessmentId={assessment.id} frames={frames} />
    </section>
  );
}
