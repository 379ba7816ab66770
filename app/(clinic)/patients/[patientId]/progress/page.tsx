import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getProgressCharts } from "@/lib/dal/charts";
import { PAIN_RANGES, type PainRange } from "@/lib/domain/chart-pain";
import { ProgressCharts } from "@/components/charts/progress-charts";

export const metadata: Metadata = { title: "Progress" };

export default async function PatientProgressPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<{ range?: string | string[] }> }) {
  const [{ patientId }, { range: rawRange }] = await Promise.all([params, searchParams]);
  const range: PainRange = PAIN_RANGES.find((r) => r === rawRange) ?? "6w";
  const charts = await getProgressCharts(patientId, range);
  if (!charts) notFound();
  return (
    <section aria-labelledby="progress-heading" className="flex flex-col gap-4">
      <h2 id="progress-heading" className="sr-only">
        Progress
      </h2>
      <ProgressCharts patientId={patientId} initial={charts} />
    </section>
  );
}
