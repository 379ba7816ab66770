import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getProgressCharts } from "@/lib/dal/charts";
import { PAIN_RANGES, type PainRange } from "@/lib/domain/chart-pain";
import { ProgressCharts } from "@/components/charts/progress-charts";
import { CadenceChart } from "@/components/charts/cadence-chart";
import { getCadenceView } from "@/lib/dal/cadence";
import { ExportMenu } from "@/components/exports/export-menu";
import { getPatientHeader } from "@/lib/dal/patients";
import { requireUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "Progress" };

export default async function PatientProgressPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<{ range?: string | string[] }> }) {
  const [{ patientId }, { range: rawRange }] = await Promise.all([params, searchParams]);
  const range: PainRange = PAIN_RANGES.find((r) => r === rawRange) ?? "6w";
  const [user, header, charts, cadence] = await Promise.all([requireUser(), getPatientHeader(patientId), getProgressCharts(patientId, range), getCadenceView(patientId)]);
  if (!charts || !header || !cadence) notFound();
  return (
    <section aria-labelledby="progress-heading" className="flex flex-col gap-4">
      <h2 id="progress-heading" className="sr-only">
        Progress
      </h2>
      <ProgressCharts patientId={patientId} initial={charts} image={{ patientName: header.name, recordNumber: header.recordNumber, today: todayIn(user.clinicTimeZone) }} />
      <CadenceChart view={cadence} />
      <ExportMenu patientId={patientId} />
    </section>
  );
}
