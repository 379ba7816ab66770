"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CadencePlan, CadencePoint } from "@/lib/domain/cadence";
import { shortDay } from "@/lib/domain/engine/words";
import { useMarkDrawn } from "./chart-drawn";
import { OKABE_ITO } from "./palette";

/** The recharts drawing of cadence per run against the target (browser only; the frame is in cadence-chart.tsx). */
export default function CadenceChartDrawing({ points, plan, band }: { points: CadencePoint[]; plan: CadencePlan | null; band: { low: number; high: number } | null }) {
  useMarkDrawn();
  const values = points.map((p) => p.cadenceSpm);
  const refs = [plan?.targetSpm, plan?.baselineSpm, band?.high].filter((v): v is number => typeof v === "number");
  const low = Math.floor((Math.min(...values, ...refs) - 5) / 5) * 5;
  const high = Math.ceil((Math.max(...values, ...refs) + 5) / 5) * 5;
  const data = points.map((p, i) => ({ ...p, key: `${p.date}#${i}` }));
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 700, height: 320 }}>
      <ComposedChart data={data} margin={{ top: 16, right: 12, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e5e9ed" vertical={false} />
        <XAxis dataKey="key" tickFormatter={(k: string) => shortDay(k.split("#")[0]!)} interval="preserveStartEnd" tick={{ fontSize: 11 }} />
        <YAxis width={48} domain={[low, high]} tick={{ fontSize: 12 }} label={{ value: "steps / min", angle: -90, position: "insideLeft", offset: 12, fontSize: 12 }} />
        {band ? <ReferenceArea y1={band.low} y2={band.high} fill={OKABE_ITO.green} fillOpacity={0.12} label={{ value: `Band +5–10%: ${band.low}–${band.high}`, position: "insideTopLeft", fontSize: 11 }} /> : null}
        {plan?.baselineSpm ? <ReferenceLine y={plan.baselineSpm} stroke={OKABE_ITO.black} strokeDasharray="6 4" label={{ value: `Baseline ${plan.baselineSpm}`, position: "insideBottomRight", fontSize: 11 }} /> : null}
        {plan ? <ReferenceLine y={plan.targetSpm} stroke={OKABE_ITO.orange} strokeDasharray="2 3" label={{ value: `Target ${plan.targetSpm}`, position: "insideTopRight", fontSize: 11 }} /> : null}
        <Tooltip labelFormatter={(k) => shortDay(String(k).split("#")[0]!)} formatter={(v) => [`${String(v)} steps/min`, "Running cadence"]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line dataKey="cadenceSpm" name="Running cadence per run (steps/min)" stroke={OKABE_ITO.blue} dot={{ r: 4 }} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
