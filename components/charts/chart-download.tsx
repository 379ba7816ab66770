"use client";

import { useState } from "react";
import { chartImages, type ChartImageMeta } from "@/lib/export/chart-image";
import { saveBlob } from "@/lib/export/save-blob";

/** Who and when a chart image is for: its caption and file name. */
export type ChartImageContext = { patientName: string; recordNumber: string; today: string };

/**
 * "Download PNG" and "Download SVG" for the chart drawn in `target`, offered once it is
 * drawn (`ready`). Before saving, the download is recorded in the audit trail by
 * `POST …/export/chart`, which answers the file name; nothing is saved if that fails.
 */
export function ChartDownload({ target, patientId, meta, ready }: { target: React.RefObject<HTMLElement | null>; patientId: string; meta: ChartImageMeta; ready: boolean }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function download(format: "png" | "svg") {
    if (!target.current || !ready) return;
    setBusy(true);
    setMessage(null);
    try {
      const images = await chartImages(target.current, meta);
      const res = await fetch(`/api/patients/${encodeURIComponent(patientId)}/export/chart`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ chart: meta.chart, format, from: meta.from, to: meta.to }),
        cache: "no-store",
      });
      const body = (await res.json().catch(() => null)) as { ok: boolean; data?: { fileName: string }; error?: string } | null;
      if (!res.ok || !body?.data) {
        setMessage(body?.error ?? "The image could not be recorded, so it was not saved. Please try again.");
        return;
      }
      saveBlob(images[format], body.data.fileName);
      setMessage(`Downloaded ${body.data.fileName}.`);
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
