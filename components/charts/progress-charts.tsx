"use client";

import type { ProgressChartsDto } from "@/lib/dal/charts";
import { MeasuresChart } from "./measures-chart";
import { PainChart } from "./pain-chart";
import { VolumeChart } from "./volume-chart";

/** The Progress tab's three charts, each fed by its own query (first render from the server). */
export function ProgressCharts({ patientId, initial }: { patientId: string; initial: ProgressChartsDto }) {
  return (
    <div className="flex flex-col gap-4">
      <PainChart patientId={patientId} initial={initial.pain} />
      <VolumeChart patientId={patientId} initial={initial.volume} />
      <MeasuresChart patientId={patientId} initial={initial.measures} />
    </div>
  );
}
