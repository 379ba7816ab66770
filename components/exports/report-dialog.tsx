"use client";

import { useRef, useState } from "react";
import { FileText } from "lucide-react";
import { Button } from "@/components/ui/button";
import { fileNameFromDisposition } from "@/lib/export/links";
import { REPORT_CHARTS, type ReportChartKey } from "@/lib/export/report-charts";
import { saveBlob } from "@/lib/export/save-blob";

const TEXT_MAX = 4000;
type Errors = Partial<Record<"size" | "variant" | "charts" | "impression" | "plan", string>>;

/**
 * The export dialog of the letter: progress report or discharge letter, paper size, the
 * charts to include, and the therapist's clinical impression and plan (kept with the
 * export's audit row). Sent as JSON to `POST …/export/pdf`; the PDF downloads, and the
 * server's messages show beside their fields with everything typed kept.
 */
export function ReportDialog({ patientId }: { patientId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [variant, setVariant] = useState<"progress" | "discharge">("progress");
  const [size, setSize] = useState<"a4" | "letter">("a4");
  const [charts, setCharts] = useState<ReportChartKey[]>(["pain", "volume", "heelRaises", "kneeToWall"]);
  const [impression, setImpression] = useState("");
  const [plan, setPlan] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const local: Errors = {};
    if (impression.length > TEXT_MAX) local.impression = `Use at most ${TEXT_MAX} characters.`;
    if (plan.length > TEXT_MAX) local.plan = `Use at most ${TEXT_MAX} characters.`;
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/patients/${encodeURIComponent(patientId)}/export/pdf`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ size, variant, charts, impression, plan }),
        cache: "no-store",
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string; fieldErrors?: Record<string, string> } | null;
        const fe = body?.fieldErrors ?? {};
        const next: Errors = {};
        for (const [k, v] of Object.entries(fe)) next[k.split(".")[0] as keyof Errors] = v;
        setErrors(next);
        setMessage(body?.error ?? (res.status === 404 ? "This patient was not found." : "The letter could not be made. Please try again."));
        return;
      }
      const name = fileNameFromDisposition(res.headers.get("Content-Disposition")) ?? "letter.pdf";
      saveBlob(await res.blob(), name);
      setMessage(`Downloaded ${name}.`);
    } catch {
      setMessage("The letter could not be downloaded: check the connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  const described = (key: keyof Errors) => (errors[key] ? `report-${key}-error` : undefined);
  const errorText = (key: keyof Errors) =>
    errors[key] ? (
      <p id={`report-${key}-error`} className="text-sm text-stop">
        {errors[key]}
      </p>
    ) : null;

  return (
    <>
      <Button type="button" variant="secondary" onClick={() => dialog.current?.showModal()} className="justify-start">
        <FileText aria-hidden="true" className="size-4" />
        Letter with impression and plan…
      </Button>
      <dialog ref={dialog} aria-labelledby="report-dialog-title" className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-line p-0 backdrop:bg-black/40">
        <form onSubmit={submit} className="flex max-h-[85vh] flex-col gap-4 overflow-y-auto p-5" noValidate>
          <h2 id="report-dialog-title" className="text-lg font-semibold">
            Letter to the referring doctor (PDF)
          </h2>
          <fieldset className="flex flex-col gap-1" aria-describedby={described("variant")}>
            <legend className="text-sm font-medium">Letter</legend>
            <div className="flex flex-wrap gap-4">
              {(
                [
                  ["progress", "Progress report"],
                  ["discharge", "Discharge letter (runner has returned)"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="inline-flex min-h-11 items-center gap-2 text-sm">
                  <input type="radio" name="variant" value={value} checked={variant === value} onChange={() => setVariant(value)} />
                  {label}
                </label>
              ))}
            </div>
            {errorText("variant")}
          </fieldset>
          <fieldset className="flex flex-col gap-1" aria-describedby={described("size")}>
            <legend className="text-sm font-medium">Paper</legend>
            <div className="flex flex-wrap gap-4">
              {(
                [
                  ["a4", "A4"],
                  ["letter", "US Letter"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="inline-flex min-h-11 items-center gap-2 text-sm">
                  <input type="radio" name="size" value={value} checked={size === value} onChange={() => setSize(value)} />
                  {label}
                </label>
              ))}
            </div>
            {errorText("size")}
          </fieldset>
          <fieldset className="flex flex-col gap-1" aria-describedby={described("charts")}>
            <legend className="text-sm font-medium">Charts to include</legend>
            <div className="grid gap-x-4 sm:grid-cols-2">
              {REPORT_CHARTS.map((c) => (
                <label key={c.key} className="inline-flex min-h-11 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="charts"
                    value={c.key}
                    checked={charts.includes(c.key)}
                    onChange={(e) => setCharts((now) => (e.target.checked ? [...now, c.key] : now.filter((k) => k !== c.key)))}
                  />
                  {c.label}
                </label>
              ))}
            </div>
            {errorText("charts")}
          </fieldset>
          {(
            [
              ["impression", "Clinical impression", impression, setImpression],
              ["plan", "Plan", plan, setPlan],
            ] as const
          ).map(([key, label, value, set]) => (
            <div key={key} className="flex flex-col gap-1">
              <label htmlFor={`report-${key}`} className="text-sm font-medium">
                {label} <span className="font-normal text-muted">(optional, printed as typed)</span>
              </label>
              <textarea
                id={`report-${key}`}
                name={key}
                rows={4}
                value={value}
                onChange={(e) => set(e.target.value)}
                aria-invalid={errors[key] ? true : undefined}
                aria-describedby={[described(key), `report-${key}-count`].filter(Boolean).join(" ")}
                className="rounded-md border border-line bg-white px-3 py-2 text-base aria-invalid:border-stop"
              />
              <p id={`report-${key}-count`} className="text-xs text-muted">
                {value.length} / {TEXT_MAX} characters
              </p>
              {errorText(key)}
            </div>
          ))}
          <p role="status" className="min-h-5 text-sm">
            {message}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Close
            </Button>
            <Button type="submit" disabled={busy} aria-busy={busy}>
              {busy ? "Making the letter…" : "Download PDF"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
