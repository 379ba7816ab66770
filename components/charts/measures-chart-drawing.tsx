"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { measureFields, type MeasureRow, type MeasureSpec } from "@/lib/domain/chart-measures";
import { shortDay } from "@/lib/domain/engine/words";
import { useMarkDrawn } from "./chart-drawn";
import { markerDot } from "./markers";
import { OKABE_ITO, sideStyle } from "./palette";

/** The recharts drawing of one measure (loaded in the browser only; the panel is in measures-chart.tsx). */
export default function MeasurePanelDrawing({ spec, rows }: { spec: MeasureSpec; rows: MeasureRow[] }) {
  useMarkDrawn();
  const fields = measureFields(spec);
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 340, height: 210 }}>
      <LineChart data={rows} margin={{ top: 12, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
        {spec.band ? (
          <ReferenceArea y1={spec.band.from} y2={spec.band.to} fill={OKABE_ITO.green} fillOpacity={0.12} ifOverflow="extendDomain" label={{ value: spec.band.label, position: "insideTopLeft", fontSize: 10, fill: "#1f6f3f" }} />
        ) : null}
        {spec.references?.map((r) => (
          <ReferenceLine key={r.value} y={r.value} stroke={OKABE_ITO.black} strokeDasharray="4 3" ifOverflow="extendDomain" label={{ value: r.label, position: "insideTopRight", fontSize: 10 }} />
        ))}
        <CartesianGrid stroke="#e5e9ed" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDay} tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis width={40} tick={{ fontSize: 11 }} domain={["auto", "auto"]} label={{ value: spec.unit, angle: -90, position: "insideLeft", offset: 10, fontSize: 11 }} />
        <Tooltip labelFormatter={(d) => `Assessment ${shortDay(String(d))}`} formatter={(v, name) => [`${String(v)} ${spec.unit}`, name]} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {fields.map(({ field, side }) => {
          const s = sideStyle(side);
          return (
            <Line
              key={field}
              type="linear"
              dataKey={field}
              name={side ? s.label : spec.title}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dash}
              connectNulls={false}
              dot={markerDot(field, s.shape, s.color, 4)}
              legendType={s.shape}
              isAnimationActive={false}
            />
          );
        })}
      </LineChart>
    </ResponsiveContainer>
  );
}
