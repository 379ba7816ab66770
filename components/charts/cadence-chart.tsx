"use client";

import dynamic from "next/dynamic";
import type { CadenceViewDto } from "@/lib/dal/cadence";
import { shortDay } from "@/lib/domain/engine/words";
import { cn } from "@/lib/cn";
import { ChartFigure, TABLE, TD, TH } from "./chart-figure";
import { DrawingPlaceholder } from "./chart-drawn";

// recharts stays out of the page's first load: the drawing comes after hydration, into the frame's box.
const CadenceChartDrawing = dynamic(() => import("./cadence-chart-drawing"), { ssr: false, loading: DrawingPlaceholder });
const BalanceChartDrawing = dynamic(() => import("./balance-chart-drawing"), { ssr: false, loading: DrawingPlaceholder });

function planWords(view: CadenceViewDto): string {
  const { plan, band } = view;
  if (!plan) return "No cadence target set at an assessment yet.";
  const baseline = plan.baselineSpm !== null ? `baseline ${plan.baselineSpm}, ` : "";
  const range = band ? ` (band +5–10%: ${band.low}–${band.high})` : "";
  return `Target ${plan.targetSpm} steps/min from the assessment of ${shortDay(plan.assessedOn)}: ${baseline}target ${plan.targetSpm}${range}.`;
}

/**
 * Cadence retraining on the Progress tab: each imported run's running cadence (steps/min)
 * against the latest assessment's target and the +5–10% band over its baseline
 * (Heiderscheit 2011), with a table alternative; and the watch's ground-contact balance
 * (left/right %) over time where it was recorded.
 */
export function CadenceChart({ view }: { view: CadenceViewDto }) {
  const { points, plan, band, balance } = view;
  const below = points.filter((p) => p.belowTarget).length;
  const judged = points.filter((p) => p.belowTarget !== null).length;
  const summary = points.length === 0 ? "No imported runs with cadence yet." : `${points.length} run${points.length === 1 ? "" : "s"} with cadence. ${planWords(view)}${judged ? ` ${below} of ${judged} since then below target.` : ""}`;
  const table = () => (
    <table className={TABLE} data-testid="chart-cadence-table">
      <caption className="sr-only">Running cadence per imported run</caption>
      <thead>
        <tr>
          <th scope="col" className={TH}>Date</th>
          <th scope="col" className={TH}>Cadence (steps/min)</th>
          <th scope="col" className={TH}>Against the target</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p, i) => (
          <tr key={`${p.date}-${i}`}>
            <th scope="row" className={cn(TD, "font-normal")}>{shortDay(p.date)}</th>
            <td className={TD}>{p.cadenceSpm}</td>
            <td className={TD}>{p.belowTarget === null ? "before the target was set" : p.belowTarget ? "below target" : "on target"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="flex flex-col gap-4">
      {view.advisory ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-caution" data-testid="cadence-advisory">
          {view.advisory}
        </p>
      ) : null}
      <ChartFigure
        testId="chart-cadence"
        title="Cadence against the target"
        summary={summary}
        label={`Line chart of running cadence per imported run against the target: ${summary}`}
        empty={points.length ? null : "No imported runs with cadence yet. Import runs from a watch on the Logs tab."}
        table={table}
      >
        <CadenceChartDrawing points={points} plan={plan} band={band} />
      </ChartFigure>
      {balance.length ? (
        <ChartFigure
          testId="chart-gct-balance"
          title="Ground-contact balance from the watch"
          summary={`Share of ground-contact time on each foot per run (50/50 is even); latest ${balance.at(-1)!.leftPct}% left, ${balance.at(-1)!.rightPct}% right. Compare with the calf asymmetry measured at assessments.`}
          label={`Line chart of the left and right feet's share of ground-contact time over ${balance.length} runs`}
          height={240}
          table={() => (
            <table className={TABLE} data-testid="chart-gct-balance-table">
              <caption className="sr-only">Ground-contact balance per run</caption>
              <thead>
                <tr>
                  <th scope="col" className={TH}>Date</th>
                  <th scope="col" className={TH}>Left %</th>
                  <th scope="col" className={TH}>Right %</th>
                  <th scope="col" className={TH}>Difference (points)</th>
                </tr>
              </thead>
              <tbody>
                {balance.map((b, i) => (
                  <tr key={`${b.date}-${i}`}>
                    <th scope="row" className={cn(TD, "font-normal")}>{shortDay(b.date)}</th>
                    <td className={TD}>{b.leftPct}</td>
                    <td className={TD}>{b.rightPct}</td>
                    <td className={TD}>{b.asymmetryPct}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        >
          <BalanceChartDrawing points={balance} />
        </ChartFigure>
      ) : null}
    </div>
  );
}
