"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PainChartDto } from "@/lib/dal/charts";
import { PAIN_SERIES, PAIN_SERIES_LABELS, type PainSeriesKey } from "@/lib/domain/chart-pain";
import { stageWordsOn } from "@/lib/domain/chart-stages";
import { shortDay } from "@/lib/domain/engine/words";
import { stageName } from "@/lib/domain/injury";
import { useMarkDrawn } from "./chart-drawn";
import { markerDot, type MarkerShape } from "./markers";
import { OKABE_ITO, STAGE_FILLS } from "./palette";

const STYLE: Record<PainSeriesKey, { color: string; shape: MarkerShape; dash?: string }> = {
  rest: { color: OKABE_ITO.skyBlue, shape: "circle", dash: "2 3" },
  daily: { color: OKABE_ITO.blue, shape: "square" },
  cross: { color: OKABE_ITO.green, shape: "diamond", dash: "8 3" },
  running: { color: OKABE_ITO.vermillion, shape: "triangle" },
  nextMorning: { color: OKABE_ITO.purple, shape: "cross", dash: "4 2 1 2" },
};

/** The recharts drawing of the pain chart (loaded in the browser only; the frame is in pain-chart.tsx). */
export default function PainChartDrawing({ data }: { data: PainChartDto }) {
  useMarkDrawn();
  const streakFrom = data.streak && data.streak.to >= data.from ? (data.streak.from < data.from ? data.from : data.streak.from) : null;
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 700, height: 360 }}>
      <ComposedChart data={data.points} margin={{ top: 24, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
        {data.stageBands.map((b) => (
          <ReferenceArea
            key={`${b.stage}-${b.from}`}
            x1={b.from}
            x2={b.to}
            y1={0}
            y2={10}
            fill={STAGE_FILLS[b.stage] ?? STAGE_FILLS[0]}
            fillOpacity={1}
            ifOverflow="hidden"
            label={{ value: `${b.stage} ${stageName(b.stage)}`, position: "insideTopLeft", fontSize: 11, fill: "#56616d", offset: 4 }}
          />
        ))}
        {streakFrom && data.streak ? (
          <ReferenceArea
            x1={streakFrom}
            x2={data.streak.to}
            y1={8.8}
            y2={9.3}
            fill={OKABE_ITO.green}
            fillOpacity={0.45}
            label={{ value: `Symptom-free streak: ${data.streak.days} day${data.streak.days === 1 ? "" : "s"}`, position: "insideBottomRight", offset: 8, fontSize: 11, fill: "#1f6f3f" }}
          />
        ) : null}
        {data.points
          .filter((p) => p.run)
          .map((p) => (
            <ReferenceLine key={`run-${p.date}`} x={p.date} stroke="#9aa4ae" strokeDasharray="1 3" />
          ))}
        <CartesianGrid stroke="#e5e9ed" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDay} minTickGap={24} tick={{ fontSize: 12 }} label={{ value: "Day", position: "insideBottomRight", offset: -2, fontSize: 12 }} />
        <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} width={44} tick={{ fontSize: 12 }} label={{ value: "Pain (0–10)", angle: -90, position: "insideLeft", offset: 12, fontSize: 12 }} />
        <Tooltip
          labelFormatter={(d) => {
            const p = data.points.find((x) => x.date === d);
            return `${shortDay(String(d))} · ${stageWordsOn(data.stageBands, String(d))}${p?.run ? " · run day" : ""}`;
          }}
          formatter={(v) => [`${String(v)}/10`]}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {PAIN_SERIES.map((k) => (
          <Line
            key={k}
            type="linear"
            dataKey={k}
            name={PAIN_SERIES_LABELS[k]}
            stroke={STYLE[k].color}
            strokeWidth={2}
            strokeDasharray={STYLE[k].dash}
            connectNulls={false}
            dot={markerDot(k, STYLE[k].shape, STYLE[k].color)}
            activeDot={{ r: 5 }}
            legendType={STYLE[k].shape}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
