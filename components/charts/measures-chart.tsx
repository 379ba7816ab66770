"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { MeasuresChartDto } from "@/lib/dal/charts";
import { hasMeasure, measureFields, measureSpecs, type MeasureRow, type MeasureSpec } from "@/lib/domain/chart-measures";
import { shortDay } from "@/lib/domain/engine/words";
import { cn } from "@/lib/cn";
import { ChartFigure, TABLE, TD, TH } from "./chart-figure";
import type { ChartImageContext } from "./chart-download";
import { getJson } from "@/lib/http/json-client";
import { DrawingPlaceholder } from "./chart-drawn";
import { sideStyle } from "./palette";

// recharts stays out of the page's first load: the drawings come after hydration, into each panel's box.
const MeasurePanelDrawing = dynamic(() => import("./measures-chart-drawing"), { ssr: false, loading: DrawingPlaceholder });

function MeasurePanel({ spec, rows }: { spec: MeasureSpec; rows: MeasureRow[] }) {
  const fields = measureFields(spec);
  const latest = rows.at(-1)!;
  const words = fields.map(({ field, side }) => `${side ? `${sideStyle(side).label} ` : ""}${latest[field] ?? "not measured"}`).join(", ");
  const label = `${spec.title} in ${spec.unit} at ${rows.length} assessment${rows.length === 1 ? "" : "s"}; latest (${shortDay(latest.date)}): ${words}.${spec.band ? ` Reference band: ${spec.band.label}.` : ""}${spec.references ? ` Targets: ${spec.references.map((r) => r.label).join("; ")}.` : ""}`;
  return (
    <div className="min-w-0" data-testid={`chart-measure-${spec.key}`}>
      <h4 className="text-sm font-semibold">
        {spec.title} <span className="font-normal text-muted">({spec.unit})</span>
      </h4>
      {hasMeasure(rows, spec) ? (
        <div role="img" aria-label={label} style={{ height: 210 }}>
          <MeasurePanelDrawing spec={spec} rows={rows} />
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
    queryFn: () => getJson<MeasuresChartDto>(`/api/patients/${patientId}/charts/measures`),
    initialData: initial,
  });
  const rows = data.rows;
  // The reference lines are the clinic's targets (protocol settings), sent with the data.
  const specs = measureSpecs(data.targets);
  const summary =
    rows.length === 0
      ? "No assessments recorded for this injury yet."
      : `${rows.length} assessment${rows.length === 1 ? "" : "s"} from ${shortDay(rows[0]!.date)} to ${shortDay(rows.at(-1)!.date)}. Left: solid line, circles; right: dashed line, triangles.`;
  const columns = specs.flatMap((spec) => measureFields(spec).map((f) => ({ ...f, spec })));
  const table = () => (
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
      image={image ? { ...image, patientId, chart: "measures", ...{ from: rows[0]?.date ?? "", to: rows.at(-1)?.date ?? "" } } : undefined}
      title="Assessment measures over time"
      summary={summary}
      label={`Small line charts of gait and calf measures: ${summary}`}
      empty={rows.length === 0 ? "No assessments recorded for this injury yet. Measures will show here after the first assessment." : null}
      table={table}
      plain
    >
      <div className="grid gap-4 md:grid-cols-2">
        {specs.map((spec) => (
          <MeasurePanel key={spec.key} spec={spec} rows={rows} />
        ))}
      </div>
    </ChartFigure>
  );
}
