"use client";

import { useState } from "react";
import { chartImageFileName, chartImages, type ChartImageMeta } from "@/lib/export/chart-image";
import { saveBlob } from "@/lib/export/save-blob";

/** Who and when a chart image is for: its caption and file name. */
export type ChartImageContext = { patientName: string; recordNumber: string; today: string };

/** "Download PNG" and "Download SVG" for the chart drawn in `target`, offered once it is drawn (`ready`). */
export function ChartDownload({ target, meta, today, ready }: { target: React.RefObject<HTMLElement | null>; meta: ChartImageMeta; today: string; ready: boolean }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function download(format: "png" | "svg") {
    if (!target.current || !ready) return;
    setBusy(true);
    setMessage(null);
    try {
      const images = await chartImages(target.current, meta);
      const name = chartImageFileName(meta.recordNumber, meta.chart, today, format);
      saveBlob(images[format], name);
      setMessage(`Downloaded ${name}.`);
    } catch {
      setMessage("The image could not be made. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {(["png", "svg"] as const).map((format) => (
        <button
          key={format}
          type="button"
          disabled={busy || !ready}
          onClick={() => download(format)}
          className="min-h-11 rounded-md border border-line bg-white px-3 text-sm font-semibold hover:bg-surface disabled:opacity-60"
          aria-label={`Download ${meta.title} as ${format.toUpperCase()}`}
        >
          Download {format.toUpperCase()}
        </button>
      ))}
      <span className="sr-only" aria-live="polite">
        {message}
      </span>
    </div>
  );
}
