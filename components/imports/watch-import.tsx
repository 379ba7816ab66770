"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { queryKeys } from "@/components/logs/api";
import { dayLabel } from "@/components/logs/entry-words";
import type { ImportReviewFile, ImportReviewItem } from "@/lib/dal/imports";
import { painScore, requiredInt } from "@/lib/validation/fields";
import { MAX_IMPORT_CHOICES, type ImportChoiceInput } from "@/lib/validation/imports";
import { reviewFile, saveFile } from "./import-api";
import { describeCadence, describePlannedRun } from "./review-words";

type Row = { chosen: boolean; painDuring: string; painNextMorning: string; confirmDate: boolean };
type Reviewed = { file: File; review: ImportReviewFile };

const painDuringSchema = requiredInt("Pain during the run", 0, 10);
const painMorningSchema = painScore("Pain next morning");
const ACCEPT = ".fit,.tcx,.gpx,.gz,.zip";

function statusBadge(item: ImportReviewItem) {
  switch (item.status.kind) {
    case "new":
      return <Badge tone="safe">New</Badge>;
    case "date_check":
      return <Badge tone="caution">Check the date</Badge>;
    case "duplicate":
      return <Badge tone="neutral">Already logged</Badge>;
    case "skipped":
      return <Badge tone="neutral">Skipped</Badge>;
  }
}

/**
 * Import runs from watch files on the Logs tab: pick or drop files, review each activity as
 * the run entry it will become (duplicates and non-runs marked and left out), give the pain
 * during each chosen run, confirm. Each file goes to the server in its own request.
 */
export function WatchImport({ patientId }: { patientId: string }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const queryClient = useQueryClient();
  const [reviewed, setReviewed] = useState<Reviewed[]>([]);
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<"reading" | "saving" | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);

  async function review(files: File[]) {
    if (files.length === 0) return;
    setBusy("reading");
    setMessage(null);
    setErrors({});
    const out: Reviewed[] = [];
    for (const file of files) out.push({ file, review: await reviewFile(patientId, file) });
    const nextRows: Record<string, Row> = {};
    for (const { review } of out) for (const item of review.items) nextRows[item.key] = { chosen: item.status.kind === "new", painDuring: "", painNextMorning: "", confirmDate: false };
    setReviewed(out);
    setRows(nextRows);
    setBusy(null);
  }

  const update = (key: string, patch: Partial<Row>) => setRows((r) => ({ ...r, [key]: { ...r[key]!, ...patch } }));

  async function confirm() {
    const nextErrors: Record<string, string> = {};
    const perFile: { file: File; choices: ImportChoiceInput[] }[] = [];
    for (const { file, review } of reviewed) {
      const choices: ImportChoiceInput[] = [];
      for (const item of review.items) {
        const row = rows[item.key];
        if (!row?.chosen) continue;
        const during = painDuringSchema.safeParse(row.painDuring);
        const morning = painMorningSchema.safeParse(row.painNextMorning);
        if (!during.success) nextErrors[`${item.key}.painDuring`] = during.error.issues[0]?.message ?? "Give the pain during the run (0–10).";
        if (!morning.success) nextErrors[`${item.key}.painNextMorning`] = morning.error.issues[0]?.message ?? "Pain next morning must be 0–10.";
        if (item.status.kind === "date_check" && !row.confirmDate) nextErrors[`${item.key}.confirmDate`] = "Confirm this date to import the run.";
        if (during.success && morning.success) choices.push({ key: item.key, painDuring: during.data as number, painNextMorning: (morning.data as number | undefined) ?? null, confirmDate: row.confirmDate || undefined });
      }
      if (choices.length) perFile.push({ file, choices });
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length) {
      setMessage({ tone: "error", text: "Please correct the highlighted fields. Nothing was imported." });
      return;
    }
    const tooMany = perFile.find((f) => f.choices.length > MAX_IMPORT_CHOICES);
    if (tooMany) {
      setMessage({ tone: "error", text: `${tooMany.file.name}: import at most ${MAX_IMPORT_CHOICES} runs at a time. Untick some, import, then import the rest from the same file.` });
      return;
    }
    if (perFile.length === 0) {
      setMessage({ tone: "error", text: "Choose at least one run to import." });
      return;
    }
    setBusy("saving");
    let created = 0;
    const problems: string[] = [];
    for (const { file, choices } of perFile) {
      const result = await saveFile(patientId, file, choices);
      if (result.ok) {
        created += result.data.created.length;
        problems.push(...result.data.skipped.map((s) => `${file.name}: ${s.message}`));
      } else problems.push(`${file.name}: ${result.error}`);
    }
    setBusy(null);
    setReviewed([]);
    setRows({});
    if (inputRef.current) inputRef.current.value = "";
    const text = `${created} run${created === 1 ? "" : "s"} imported. Add the pain next morning with Edit on each run below.${problems.length ? ` Not imported: ${problems.join("; ")}` : ""}`;
    setMessage({ tone: problems.length && created === 0 ? "error" : "ok", text });
    void queryClient.invalidateQueries({ queryKey: queryKeys.panel(patientId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.recent(patientId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.charts(patientId) });
    router.refresh();
  }

  const anyItems = reviewed.some((r) => r.review.items.length > 0);

  return (
    <section aria-labelledby={`${inputId}-heading`} className="flex flex-col gap-3 rounded-md border border-line p-3">
      <h3 id={`${inputId}-heading`} className="font-semibold">
        Import runs from a watch
      </h3>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void review(Array.from(e.dataTransfer.files));
        }}
        className={`flex flex-col gap-2 rounded-md border-2 border-dashed p-4 ${dragging ? "border-accent-strong bg-accent-soft" : "border-line"}`}
      >
        <label htmlFor={inputId} className="text-sm font-medium">
          Drop files here or choose them: FIT, TCX or GPX (also .gz), or a Strava export (.zip)
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          disabled={busy !== null}
          onChange={(e) => void review(Array.from(e.currentTarget.files ?? []))}
          className="text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-line file:bg-white file:px-3"
        />
      </div>
      <p role="status" aria-live="polite" className="text-sm">
        {busy === "reading" ? "Reading the files…" : busy === "saving" ? "Importing…" : null}
      </p>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-stop" : "text-sm text-safe"}>
          {message.text}
        </p>
      ) : null}
      {reviewed.map(({ file, review }) => (
        <div key={`${file.name}-${file.size}-${file.lastModified}`} className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">{review.fileName}</h4>
          {review.error ? (
            <p role="alert" className="text-sm text-stop">
              {review.error}
            </p>
          ) : review.items.length === 0 ? (
            <p className="text-sm text-muted">No activities in this file.</p>
          ) : (
            <ul className="flex flex-col gap-2" aria-label={`Activities in ${review.fileName}`}>
              {review.items.map((item) => (
                <ReviewRow key={item.key} item={item} row={rows[item.key]!} errors={errors} onChange={(patch) => update(item.key, patch)} />
              ))}
            </ul>
          )}
        </div>
      ))}
      {anyItems ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={() => void confirm()} disabled={busy !== null}>
            Import the chosen runs
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setReviewed([]);
              setRows({});
              setErrors({});
              if (inputRef.current) inputRef.current.value = "";
            }}
          >
            Cancel
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function ReviewRow({ item, row, errors, onChange }: { item: ImportReviewItem; row: Row; errors: Record<string, string>; onChange: (patch: Partial<Row>) => void }) {
  const id = `import-${item.key.replace(":", "-")}`;
  const importable = item.status.kind === "new" || item.status.kind === "date_check";
  const title = `${dayLabel(item.run.runDate)}, ${describePlannedRun(item.run)}`;
  const err = (field: string) => errors[`${item.key}.${field}`];
  return (
    <li className="flex flex-col gap-2 rounded-md border border-line p-2 text-sm">
      <div className="flex flex-wrap items-start gap-2">
        <input id={`${id}-chosen`} type="checkbox" className="mt-1 size-5" checked={row.chosen} disabled={!importable} onChange={(e) => onChange({ chosen: e.currentTarget.checked })} />
        <label htmlFor={`${id}-chosen`} className="flex-1">
          <span className="font-semibold">{title}</span> {statusBadge(item)}
          <span className="block text-muted">
            Cadence {describeCadence(item.avgCadenceSpm)}
            {item.avgHeartRate ? `, heart rate ${item.avgHeartRate} bpm` : ""}
            {item.device ? `, ${item.device}` : ""}
          </span>
          {item.status.kind !== "new" ? <span className="block">{item.status.message}</span> : null}
          {importable && item.sameDayNote ? <span className="block text-caution">{item.sameDayNote}</span> : null}
        </label>
      </div>
      {importable && row.chosen ? (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          <PainInput id={`${id}-during`} label="Pain during the run (0–10)" value={row.painDuring} error={err("painDuring")} onChange={(v) => onChange({ painDuring: v })} />
          <PainInput id={`${id}-morning`} label="Pain next morning (0–10, optional)" value={row.painNextMorning} error={err("painNextMorning")} onChange={(v) => onChange({ painNextMorning: v })} />
          {item.status.kind === "date_check" ? (
            <div className="sm:col-span-2">
              <label className="flex items-center gap-2">
                <input type="checkbox" className="size-5" checked={row.confirmDate} onChange={(e) => onChange({ confirmDate: e.currentTarget.checked })} aria-describedby={err("confirmDate") ? `${id}-confirm-error` : undefined} />
                The date {dayLabel(item.run.runDate)} is right
              </label>
              {err("confirmDate") ? (
                <p id={`${id}-confirm-error`} className="text-stop">
                  {err("confirmDate")}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function PainInput({ id, label, value, error, onChange }: { id: string; label: string; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="min-h-11 w-24 rounded-md border border-line bg-white px-3 text-base aria-invalid:border-stop"
      />
      {error ? (
        <p id={`${id}-error`} className="text-stop">
          {error}
        </p>
      ) : null}
    </div>
  );
}
