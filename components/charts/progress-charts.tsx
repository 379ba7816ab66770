"use client";

import type { ProgressChartsDto } from "@/lib/dal/charts";
import type { ChartImageContext } from "./chart-download";
import { MeasuresChart } from "./measures-chart";
import { PainChart } from "./pain-chart";
import { VolumeChart } from "./volume-chart";

/** The Progress tab's three charts, each fed by its own query (first render from the server). */
export function ProgressCharts({ patientId, initial, image }: { patientId: string; initial: ProgressChartsDto; image?: ChartImageContext }) {
  return (
    <div className="flex flex-col gap-4">
      <PainChart patientId={patientId} initial={initial.pain} image={image} />
      <VolumeChart patientId={patientId} initial={initial.volume} image={image} />
      <MeasuresChart patientId={patientId} initial={initial.measures} image={image} />
    </div>
  );
}
