"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Bar, CartesianGrid, ComposedChart, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { VolumeChartDto } from "@/lib/dal/charts";
import type { VolumeWeek } from "@/lib/domain/chart-volume";
import { shortDay } from "@/lib/domain/engine/words";
import { stageName } from "@/lib/domain/injury";
import { cn } from "@/lib/cn";
import { ChartFigure, TABLE, TD, TH } from "./chart-figure";
import type { ChartImageContext } from "./chart-download";
import { addDays } from "@/lib/domain/dates";
import { fetchChart } from "./fetch-chart";
import { OKABE_ITO } from "./palette";

type Unit = "km" | "minutes";
const UNIT_LABEL: Record<Unit, string> = { km: "km per week", minutes: "running minutes per week" };

function WeekTick({ x, y, payload, weeks }: { x?: number; y?: number; payload?: { value: string }; weeks: VolumeWeek[] }) {
  const week = weeks.find((w) => w.weekStart === payload?.value);
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0})`}>
      <text dy={12} textAnchor="middle" fontSize={11} fill="#1d2630">
        {payload ? shortDay(payload.value) : ""}
      </text>
      <text dy={26} textAnchor="middle" fontSize={10} fill="#56616d">
        {week?.stage !== null && week?.stage !== undefined ? `stage ${week.stage}` : ""}
      </text>
    </g>
  );
}

export function VolumeChart({ patientId, initial, image }: { patientId: string; initial: VolumeChartDto; image?: ChartImageContext }) {
  const [unit, setUnit] = useState<Unit>("km");
  const { data = initial } = useQuery({
    queryKey: ["charts", patientId, "volume"],
    queryFn: () => fetchChart<VolumeChartDto>(`/api/patients/${patientId}/charts/volume`),
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

  const table = (
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
      image={image ? { ...image, chart: "volume", ...{ from: weeks[0]?.weekStart ?? "", to: weeks.length ? addDays(weeks.at(-1)!.weekStart, 6) : "" } } : undefined}
      title="Running volume"
      summary={summary}
      controls={anyRuns ? controls : null}
      label={`Bar chart of ${UNIT_LABEL[unit]} since the injury: ${summary}`}
      empty={anyRuns ? null : "No runs logged for this injury yet. Weekly volume will show here once running starts."}
      table={table}
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 700, height: 320 }}>
        <ComposedChart data={weeks} margin={{ top: 16, right: 12, bottom: 16, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e5e9ed" vertical={false} />
          <XAxis dataKey="weekStart" tick={<WeekTick weeks={weeks} />} interval="preserveStartEnd" height={40} />
          <YAxis width={48} tick={{ fontSize: 12 }} label={{ value: unit === "km" ? "km / week" : "min / week", angle: -90, position: "insideLeft", offset: 12, fontSize: 12 }} />
          <Tooltip
            labelFormatter={(d) => {
              const w = weeks.find((x) => x.weekStart === d);
              return `Week of ${shortDay(String(d))}${w && w.stage !== null ? ` · stage ${w.stage} ${stageName(w.stage)}` : ""}`;
            }}
            formatter={(v) => [`${String(v)} ${unit === "km" ? "km" : "min"}`, unit === "km" ? "Distance" : "Running time"]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey={unit} name={unit === "km" ? "Distance per week (km)" : "Running minutes per week"} fill={OKABE_ITO.blue} isAnimationActive={false} />
          {unit === "km" && baseline !== null ? (
            <ReferenceLine y={baseline} stroke={OKABE_ITO.black} strokeDasharray="6 4" ifOverflow="extendDomain" label={{ value: `Pre-injury ${baseline} km`, position: "insideTopRight", fontSize: 11 }} />
          ) : null}
          {unit === "km" && target !== null ? (
            <ReferenceLine y={target} stroke={OKABE_ITO.orange} strokeDasharray="2 3" ifOverflow="extendDomain" label={{ value: `${data.targetPercent}%: ${target} km`, position: "insideBottomRight", fontSize: 11 }} />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
