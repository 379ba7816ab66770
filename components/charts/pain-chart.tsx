"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PainChartDto } from "@/lib/dal/charts";
import { PAIN_RANGE_LABELS, PAIN_RANGES, PAIN_SERIES, PAIN_SERIES_LABELS, type PainRange, type PainSeriesKey } from "@/lib/domain/chart-pain";
import { shortDay } from "@/lib/domain/engine/words";
import { stageName } from "@/lib/domain/injury";
import { cn } from "@/lib/cn";
import { ChartFigure, TABLE, TD, TH } from "./chart-figure";
import type { ChartImageContext } from "./chart-download";
import { fetchChart } from "./fetch-chart";
import { markerDot, type MarkerShape } from "./markers";
import { OKABE_ITO, STAGE_FILLS } from "./palette";

const STYLE: Record<PainSeriesKey, { color: string; shape: MarkerShape; dash?: string }> = {
  rest: { color: OKABE_ITO.skyBlue, shape: "circle", dash: "2 3" },
  daily: { color: OKABE_ITO.blue, shape: "square" },
  cross: { color: OKABE_ITO.green, shape: "diamond", dash: "8 3" },
  running: { color: OKABE_ITO.vermillion, shape: "triangle" },
  nextMorning: { color: OKABE_ITO.purple, shape: "cross", dash: "4 2 1 2" },
};

function summaryOf(d: PainChartDto): string {
  const logged = d.points.filter((p) => PAIN_SERIES.some((k) => p[k] !== null));
  const runs = d.points.filter((p) => p.run).length;
  const last = d.points.findLast((p) => p.daily !== null);
  const lastWords = last ? `latest daily-activities pain ${last.daily}/10 on ${shortDay(last.date)}` : "no daily-activities score";
  const streak = d.streak ? `symptom-free streak ${d.streak.days} day${d.streak.days === 1 ? "" : "s"}` : "no symptom-free streak";
  return `${logged.length} logged day${logged.length === 1 ? "" : "s"} and ${runs} run day${runs === 1 ? "" : "s"} from ${shortDay(d.from)} to ${shortDay(d.to)}; ${lastWords}; ${streak}.`;
}

export function PainChart({ patientId, initial, image }: { patientId: string; initial: PainChartDto; image?: ChartImageContext }) {
  const [range, setRange] = useState<PainRange>(initial.range);
  const query = useQuery({
    queryKey: ["charts", patientId, "pain", range],
    queryFn: () => fetchChart<PainChartDto>(`/api/patients/${patientId}/charts/pain?range=${range}`),
    initialData: range === initial.range ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? initial;
  const hasData = data.points.some((p) => PAIN_SERIES.some((k) => p[k] !== null));
  const streakFrom = data.streak && data.streak.to >= data.from ? (data.streak.from < data.from ? data.from : data.streak.from) : null;

  const choose = (r: PainRange) => {
    setRange(r);
    // The range stays in the address, so a reload or a shared link opens the same view.
    const url = new URL(window.location.href);
    url.searchParams.set("range", r);
    window.history.replaceState(window.history.state, "", url);
  };

  const controls = (
    <div className="flex flex-wrap items-center gap-3">
      <div role="group" aria-label="Time range" className="inline-flex overflow-hidden rounded-md border border-line">
        {PAIN_RANGES.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={range === r}
            onClick={() => choose(r)}
            className={cn("min-h-11 px-3 text-sm font-semibold", range === r ? "bg-accent text-white" : "bg-white text-ink hover:bg-surface")}
          >
            {PAIN_RANGE_LABELS[r]}
          </button>
        ))}
      </div>
      <span className="text-sm text-muted" aria-live="polite">
        {query.isFetching ? "Loading…" : query.isError ? "Could not load this range; showing the last one." : ""}
      </span>
    </div>
  );

  const table = (
    <table className={TABLE} data-testid="chart-pain-table">
      <caption className="sr-only">Pain scores by day and context, 0–10</caption>
      <thead>
        <tr>
          <th scope="col" className={TH}>Day</th>
          <th scope="col" className={TH}>Stage</th>
          {PAIN_SERIES.map((k) => (
            <th key={k} scope="col" className={TH}>{PAIN_SERIES_LABELS[k]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.points
          .filter((p) => PAIN_SERIES.some((k) => p[k] !== null))
          .map((p) => (
            <tr key={p.date} data-date={p.date}>
              <th scope="row" className={cn(TD, "font-normal")}>{shortDay(p.date)}{p.run ? " (run)" : ""}</th>
              <td className={TD}>{stageAt(data, p.date)}</td>
              {PAIN_SERIES.map((k) => (
                <td key={k} className={TD} data-series={k}>{p[k] ?? "—"}</td>
              ))}
            </tr>
          ))}
      </tbody>
    </table>
  );

  return (
    <ChartFigure
      testId="chart-pain"
      image={image ? { ...image, chart: "pain", ...{ from: data.from, to: data.to } } : undefined}
      title="Pain over time"
      summary={summaryOf(data)}
      controls={controls}
      label={`Line chart of pain (0 to 10) by context, ${PAIN_RANGE_LABELS[range].toLowerCase()}: ${summaryOf(data)} Days without a log are gaps.`}
      empty={hasData ? null : "No pain scores logged in this range yet. Daily logs and runs will show here."}
      busy={query.isFetching}
      table={table}
      height={360}
    >
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
              return `${shortDay(String(d))} · ${stageAt(data, String(d))}${p?.run ? " · run day" : ""}`;
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
    </ChartFigure>
  );
}

function stageAt(d: PainChartDto, day: string): string {
  const band = d.stageBands.find((b) => b.from <= day && day <= b.to);
  return band ? `${band.stage} ${stageName(band.stage)}` : "—";
}
