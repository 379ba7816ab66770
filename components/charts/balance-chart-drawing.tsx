"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BalancePoint } from "@/lib/domain/cadence";
import { shortDay } from "@/lib/domain/engine/words";
import { useMarkDrawn } from "./chart-drawn";
import { SIDE_STYLE } from "./palette";

/** The recharts drawing of ground-contact balance per run, left and right % around 50 (browser only; the frame is in cadence-chart.tsx). */
export default function BalanceChartDrawing({ points }: { points: BalancePoint[] }) {
  useMarkDrawn();
  const spread = Math.max(2, ...points.map((p) => Math.abs(p.leftPct - 50)));
  const half = Math.ceil(spread + 1);
  const data = points.map((p, i) => ({ ...p, key: `${p.date}#${i}` }));
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 700, height: 240 }}>
      <ComposedChart data={data} margin={{ top: 16, right: 12, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e5e9ed" vertical={false} />
        <XAxis dataKey="key" tickFormatter={(k: string) => shortDay(k.split("#")[0]!)} interval="preserveStartEnd" tick={{ fontSize: 11 }} />
        <YAxis width={48} domain={[50 - half, 50 + half]} tick={{ fontSize: 12 }} label={{ value: "% of contact time", angle: -90, position: "insideLeft", offset: 12, fontSize: 12 }} />
        <ReferenceLine y={50} stroke="#56616d" strokeDasharray="4 4" label={{ value: "Even 50/50", position: "insideTopRight", fontSize: 11 }} />
        <Tooltip labelFormatter={(k) => shortDay(String(k).split("#")[0]!)} formatter={(v, name) => [`${String(v)}%`, String(name)]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line dataKey="leftPct" name="Left foot" stroke={SIDE_STYLE.left.color} dot={{ r: 4 }} isAnimationActive={false} />
        <Line dataKey="rightPct" name="Right foot" stroke={SIDE_STYLE.right.color} strokeDasharray={SIDE_STYLE.right.dash} dot={{ r: 4 }} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
