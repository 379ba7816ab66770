import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { compareAssessments } from "@/lib/dal/assessments";
import { getCalfTargets } from "@/lib/dal/calf-targets";
import { AssessmentCompare } from "@/components/assessments/assessment-compare";
import { dayWithYear } from "@/lib/domain/engine/words";
import { listAssessmentFrames } from "@/lib/dal/assessment-frames";
import { VideoFramesCompare } from "@/components/video/frame-evidence";

export const metadata: Metadata = { title: "Compare assessments" };

export default async function CompareAssessmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ a?: string | string[]; b?: string | string[] }>;
}) {
  const { patientId } = await params;
  const { a, b } = await searchParams;
  if (typeof a !== "string" || typeof b !== "string") notFound();
  const base = `/patients/${patientId}/assessments`;
  if (a === b) {
    return (
      <section className="rounded-lg border border-line bg-white p-4">
        <h2 className="text-lg font-semibold">Compare assessments</h2>
        <p className="mt-2">Choose two different assessments to compare.</p>
        <Link href={base} className="mt-3 inline-block font-semibold text-accent-strong underline">
          Back to the assessments
        </Link>
      </section>
    );
  }
  const pair = await compareAssessments(patientId, a, b);
  if (!pair) notFound();
  const [olderFrames, newerFrames] = await Promise.all([listAssessmentFrames(patientId, pair.older.id), listAssessmentFrames(patientId, pair.newer.id)]);
  return (
    <section aria-labelledby="compare-page-heading" className="flex flex-col gap-3 rounded-lg border border-line bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="compare-page-heading" className="text-lg font-semibold">
          {dayWithYear(pair.older.assessedOn)} compared with {dayWithYear(pair.newer.assessedOn)}
        </h2>
        <Link href={base} className="font-semibold text-accent-strong underline">
          All assessments
        </Link>
      </div>
      <p className="text-sm text-muted">
        Changes read from the earlier to the later assessment. Knee-to-wall changes under 1.9 cm and heel-raise changes under 6 are within measurement error.
        {pair.sameInjury ? "" : " These two assessments belong to different injury episodes."}
      </p>
      <AssessmentCompare older={pair.older} newer={pair.newer} side={pair.side} targets={await getCalfTargets()} />
      <VideoFramesCompare
        patientId={patientId}
        older={{ assessmentId: pair.older.id, label: dayWithYear(pair.older.assessedOn), frames: olderFrames ?? [] }}
        newer={{ assessmentId: pair.newer.id, label: dayWithYear(pair.newer.assessedOn), frames: newerFrames ?? [] }}
      />
    </section>
  );
}
