"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { VolumeChartDto } from "@/lib/dal/charts";
import { shortDay } from "@/lib/domain/engine/words";
import { stageName } from "@/lib/domain/injury";
import { cn } from "@/lib/cn";
import { ChartFigure, TABLE, TD, TH } from "./chart-figure";
import type { ChartImageContext } from "./chart-download";
import { addDays } from "@/lib/domain/dates";
import { DrawingPlaceholder } from "./chart-drawn";
import { getJson } from "@/lib/http/json-client";
import type { VolumeUnit as Unit } from "./volume-chart-drawing";

// recharts stays out of the page's first load: the drawing comes after hydration, into the frame's box.
const VolumeChartDrawing = dynamic(() => import("./volume-chart-drawing"), { ssr: false, loading: DrawingPlaceholder });

const UNIT_LABEL: Record<Unit, string> = { km: "km per week", minutes: "running minutes per week" };

export function VolumeChart({ patientId, initial, image }: { patientId: string; initial: VolumeChartDto; image?: ChartImageContext }) {
  const [unit, setUnit] = useState<Unit>("km");
  const { data = initial } = useQuery({
    queryKey: ["charts", patientId, "volume"],
    queryFn: () => getJson<VolumeChartDto>(`/api/patients/${patientId}/charts/volume`),
    initialData: initial,
  });
  const weeks = data.weeks;
  const anyRuns = weeks.some((w) => w.runs > 0);
  const baseline = data.baselineKm;
  const target = baseline !== null ? Math.round(baseline * data.targetPercent) / 100 : null;
  const last = weeks.at(-1);
  const summary = !anyRuns
    ? "No runs logged for this injury yet."
    : `${weeks.reduce((a, w) => a + w.runs, 0)} runs over ${weeks.length} weeks; this week ${last?.km ?? 0} km (${last?.minutes ?? 0} min)` +
      (baseline !== null ? ` against a pre-injury ${baseline} km a week (${data.targetPercent}% is ${target} km).` : "; no pre-injury weekly distance recorded.");

  const controls = (
    <div role="group" aria-label="Unit" className="inline-flex w-fit overflow-hidden rounded-md border border-line">
      {(["km", "minutes"] as const).map((u) => (
        <button key={u} type="button" aria-pressed={unit === u} onClick={() => setUnit(u)} className={cn("min-h-11 px-3 text-sm font-semibold", unit === u ? "bg-accent text-white" : "bg-white text-ink hover:bg-surface")}>
          {u === "km" ? "Kilometres" : "Minutes"}
        </button>
      ))}
    </div>
  );

  const table = () => (
    <table className={TABLE} data-testid="chart-volume-table">
      <caption className="sr-only">Running volume per week</caption>
      <thead>
        <tr>
          <th scope="col" className={TH}>Week of</th>
          <th scope="col" className={TH}>Stage</th>
          <th scope="col" className={TH}>Runs</th>
          <th scope="col" className={TH}>Distance (km)</th>
          <th scope="col" className={TH}>Running (min)</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.weekStart}>
            <th scope="row" className={cn(TD, "font-normal")}>{shortDay(w.weekStart)}</th>
            <td className={TD}>{w.stage === null ? "—" : `${w.stage} ${stageName(w.stage)}`}</td>
            <td className={TD}>{w.runs}</td>
            <td className={TD}>{w.km}</td>
            <td className={TD}>{w.minutes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFigure
      testId="chart-volume"
      image={image ? { ...image, patientId, chart: "volume", ...{ from: weeks[0]?.weekStart ?? "", to: weeks.length ? addDays(weeks.at(-1)!.weekStart, 6) : "" } } : undefined}
      title="Running volume"
      summary={summary}
      controls={anyRuns ? controls : null}
      label={`Bar chart of ${UNIT_LABEL[unit]} since the injury: ${summary}`}
      empty={anyRuns ? null : "No runs logged for this injury yet. Weekly volume will show here once running starts."}
      table={table}
    >
      <VolumeChartDrawing weeks={weeks} unit={unit} baseline={baseline} target={target} targetPercent={data.targetPercent} />
    </ChartFigure>
  );
}
