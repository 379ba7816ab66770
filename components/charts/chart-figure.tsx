"use client";

import { useCallback, useId, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { ChartDownload, type ChartImageContext } from "./chart-download";
import { ChartDrawnProvider } from "./chart-drawn";
import type { ChartImageKind } from "@/lib/export/file-names";

/**
 * The frame every chart shares: a title and a one-line summary in words, optional
 * controls, the chart itself as an image with an accessible name, and a "Show as table"
 * toggle with the same values. The frame is rendered on the server; the drawing inside it
 * (recharts) arrives in the browser after hydration, into a box of the final height, and the
 * image downloads wait until it is drawn (they copy the chart as drawn).
 */
export function ChartFigure({
  testId,
  title,
  summary,
  controls,
  label,
  empty,
  busy,
  table,
  children,
  height = 320,
  plain = false,
  image,
}: {
  testId: string;
  title: string;
  summary: React.ReactNode;
  controls?: React.ReactNode;
  /** The chart's accessible name: what it shows, in words. */
  label: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  busy?: boolean;
  /** The values as a table, built only when it is shown (a 3-year chart has a thousand rows). */
  table: () => React.ReactNode;
  children: React.ReactNode;
  height?: number;
  /** The children carry their own accessible names (small multiples); no image wrapper. */
  plain?: boolean;
  /** Offers PNG and SVG downloads of the chart, captioned with the patient and the dates shown. */
  image?: ChartImageContext & { patientId: string; chart: ChartImageKind; from: string; to: string };
}) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const markDrawn = useCallback(() => setDrawn(true), []);
  return (
    <figure data-testid={testId} aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-3 rounded-lg border border-line bg-white p-4">
      <figcaption className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h3>
          <p className="text-sm text-muted">{summary}</p>
        </div>
        {empty ? null : (
          <div className="flex flex-wrap items-center gap-2">
          {image ? (
            <ChartDownload
              target={chartRef}
              patientId={image.patientId}
              ready={drawn}
              meta={{ title, chart: image.chart, patientName: image.patientName, recordNumber: image.recordNumber, from: image.from, to: image.to }}
            />
          ) : null}
          <button
            type="button"
            aria-pressed={showTable}
            aria-controls={empty ? undefined : `${id}-table`}
            onClick={() => setShowTable((v) => !v)}
            className="min-h-11 rounded-md border border-line bg-white px-3 text-sm font-semibold hover:bg-surface"
          >
            {showTable ? "Hide table" : "Show as table"}
          </button>
          </div>
        )}
      </figcaption>
      {controls}
      {empty ? (
        <p className="flex items-center justify-center rounded-md border border-dashed border-line bg-surface p-6 text-center text-muted" style={{ minHeight: 120 }} data-testid={`${testId}-empty`}>
          {empty}
        </p>
      ) : plain ? (
        <div ref={chartRef} className={cn("bg-white transition-opacity", busy && "opacity-60")}>
          <ChartDrawnProvider value={markDrawn}>{children}</ChartDrawnProvider>
        </div>
      ) : (
        <div ref={chartRef} role="img" aria-label={label} className={cn("relative w-full bg-white transition-opacity", busy && "opacity-60")} style={{ height }} aria-busy={busy || !drawn || undefined}>
          <ChartDrawnProvider value={markDrawn}>{children}</ChartDrawnProvider>
        </div>
      )}
      {empty ? null : (
        // Focusable so keyboard users can scroll a long table.
        <div id={`${id}-table`} hidden={!showTable} tabIndex={0} role="region" aria-label={`${title}: table`} className="max-h-96 overflow-auto rounded-md border border-line">
          {showTable ? table() : null}
        </div>
      )}
    </figure>
  );
}

export const TABLE = "w-full text-left text-sm tabular-nums";
export const TH = "sticky top-0 border-b border-line bg-surface px-2 py-1 font-semibold";
export const TD = "border-b border-line px-2 py-1";
