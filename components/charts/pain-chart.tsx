"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { PainChartDto } from "@/lib/dal/charts";
import { PAIN_RANGE_LABELS, PAIN_RANGES, PAIN_SERIES, PAIN_SERIES_LABELS, type PainRange } from "@/lib/domain/chart-pain";
import { stageWordsOn } from "@/lib/domain/chart-stages";
import { shortDay } from "@/lib/domain/engine/words";
import { cn } from "@/lib/cn";
import { ChartFigure, TABLE, TD, TH } from "./chart-figure";
import type { ChartImageContext } from "./chart-download";
import { DrawingPlaceholder } from "./chart-drawn";
import { getJson } from "@/lib/http/json-client";

// recharts stays out of the page's first load: the drawing comes after hydration, into the frame's box.
const PainChartDrawing = dynamic(() => import("./pain-chart-drawing"), { ssr: false, loading: DrawingPlaceholder });

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
    queryFn: () => getJson<PainChartDto>(`/api/patients/${patientId}/charts/pain?range=${range}`),
    initialData: range === initial.range ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? initial;
  const summary = summaryOf(data);
  const hasData = data.points.some((p) => PAIN_SERIES.some((k) => p[k] !== null));

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

  const table = () => (
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
              <td className={TD}>{stageWordsOn(data.stageBands, p.date)}</td>
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
      image={image ? { ...image, patientId, chart: "pain", ...{ from: data.from, to: data.to } } : undefined}
      title="Pain over time"
      summary={summary}
      controls={controls}
      label={`Line chart of pain (0 to 10) by context, ${PAIN_RANGE_LABELS[range].toLowerCase()}: ${summary} Days without a log are gaps.`}
      empty={hasData ? null : "No pain scores logged in this range yet. Daily logs and runs will show here."}
      busy={query.isFetching}
      table={table}
      height={360}
    >
      <PainChartDrawing data={data} />
    </ChartFigure>
  );
}

