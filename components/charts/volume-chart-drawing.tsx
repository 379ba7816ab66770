"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { VolumeWeek } from "@/lib/domain/chart-volume";
import { shortDay } from "@/lib/domain/engine/words";
import { stageName } from "@/lib/domain/injury";
import { useMarkDrawn } from "./chart-drawn";
import { OKABE_ITO } from "./palette";

export type VolumeUnit = "km" | "minutes";

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

/** The recharts drawing of the weekly volume (loaded in the browser only; the frame is in volume-chart.tsx). */
export default function VolumeChartDrawing({
  weeks,
  unit,
  baseline,
  target,
  targetPercent,
}: {
  weeks: VolumeWeek[];
  unit: VolumeUnit;
  baseline: number | null;
  target: number | null;
  targetPercent: number;
}) {
  useMarkDrawn();
  return (
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
          <ReferenceLine y={target} stroke={OKABE_ITO.orange} strokeDasharray="2 3" ifOverflow="extendDomain" label={{ value: `${targetPercent}%: ${target} km`, position: "insideBottomRight", fontSize: 11 }} />
        ) : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
