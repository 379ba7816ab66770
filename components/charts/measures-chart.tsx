"use client";

import { useQuery } from "@tanstack/react-query";
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MeasuresChartDto } from "@/lib/dal/charts";
import { hasMeasure, MEASURE_SPECS, measureFields, type MeasureRow, type MeasureSpec } from "@/lib/domain/chart-measures";
import { shortDay } from "@/lib/domain/engine/words";
import { cn } from "@/lib/cn";
import { ChartFigure, TABLE, TD, TH } from "./chart-figure";
import type { ChartImageContext } from "./chart-download";
import { fetchChart } from "./fetch-chart";
import { markerDot } from "./markers";
import { OKABE_ITO, SIDE_STYLE } from "./palette";

function styleOf(side: "left" | "right" | null) {
  return side === null ? SIDE_STYLE.single : SIDE_STYLE[side];
}

function MeasurePanel({ spec, rows }: { spec: MeasureSpec; rows: MeasureRow[] }) {
  const fields = measureFields(spec);
  const latest = rows.at(-1)!;
  const words = fields.map(({ field, side }) => `${side ? `${styleOf(side).label} ` : ""}${latest[field] ?? "not measured"}`).join(", ");
  const label = `${spec.title} in ${spec.unit} at ${rows.length} assessment${rows.length === 1 ? "" : "s"}; latest (${shortDay(latest.date)}): ${words}.${spec.band ? ` Reference band: ${spec.band.label}.` : ""}${spec.references ? ` Targets: ${spec.references.map((r) => r.label).join("; ")}.` : ""}`;
  return (
    <div className="min-w-0" data-testid={`chart-measure-${spec.key}`}>
      <h4 className="text-sm font-semibold">
        {spec.title} <span className="font-normal text-muted">({spec.unit})</span>
      </h4>
      {hasMeasure(rows, spec) ? (
        <div role="img" aria-label={label} style={{ height: 210 }}>
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
                const s = styleOf(side);
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
        </div>
      ) : (
        <p className="rounded-md border border-dashed border-line bg-surface p-4 text-sm text-muted">Not measured yet.</p>
      )}
    </div>
  );
}

export function MeasuresChart({ patientId, initial, image }: { patientId: string; initial: MeasuresChartDto; image?: ChartImageContext }) {
  const { data = initial } = useQuery({
    queryKey: ["charts", patientId, "measures"],
    queryFn: () => fetchChart<MeasuresChartDto>(`/api/patients/${patientId}/charts/measures`),
    initialData: initial,
  });
  const rows = data.rows;
  const summary =
    rows.length === 0
      ? "No assessments recorded for this injury yet."
      : `${rows.length} assessment${rows.length === 1 ? "" : "s"} from ${shortDay(rows[0]!.date)} to ${shortDay(rows.at(-1)!.date)}. Left: solid line, circles; right: dashed line, triangles.`;
  const columns = MEASURE_SPECS.flatMap((spec) => measureFields(spec).map((f) => ({ ...f, spec })));
  const table = (
    <table className={TABLE} data-testid="chart-measures-table">
      <caption className="sr-only">Assessment measures by date</caption>
      <thead>
        <tr>
          <th scope="col" className={TH}>Assessment</th>
          {columns.map((c) => (
            <th key={c.field} scope="col" className={TH}>
              {c.spec.title}
              {c.side ? `, ${c.side}` : ""} ({c.spec.unit})
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.date}>
            <th scope="row" className={cn(TD, "font-normal")}>{shortDay(r.date)}</th>
            {columns.map((c) => (
              <td key={c.field} className={TD}>{r[c.field] ?? "—"}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure
      testId="chart-measures"
      image={image ? { ...image, chart: "measures", ...{ from: rows[0]?.date ?? "", to: rows.at(-1)?.date ?? "" } } : undefined}
      title="Assessment measures over time"
      summary={summary}
      label={`Small line charts of gait and calf measures: ${summary}`}
      empty={rows.length === 0 ? "No assessments recorded for this injury yet. Measures will show here after the first assessment." : null}
      table={table}
      plain
    >
      <div className="grid gap-4 md:grid-cols-2">
        {MEASURE_SPECS.map((spec) => (
          <MeasurePanel key={spec.key} spec={spec} rows={rows} />
        ))}
      </div>
    </ChartFigure>
  );
}
