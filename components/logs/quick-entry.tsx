"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ConflictInfo } from "@/lib/actions/result";
import type { DailyLogDto, RunDto } from "@/lib/dal/logs";
import { cn } from "@/lib/cn";
import { isIsoDay } from "@/lib/domain/dates";
import { parseDecimal, parseDistance, parseDuration } from "@/lib/validation/parse";
import type { DistanceUnit } from "@/lib/domain/vocabulary";
import { Button } from "@/components/ui/button";
import { postJson, queryKeys, RefusedError, type ClientEntry, type ClientPage } from "./api";
import { DailyLogForm, type DailyLogValues } from "./daily-log-form";
import { dayLabel } from "./entry-words";
import { RunForm, type RunValues } from "./run-form";

type Feedback = { error?: string; fieldErrors?: Record<string, string>; conflict?: ConflictInfo; success?: string };

// The optimistic row reads the fields as the server will (a decimal comma, mm:ss, "mi").
const num = (v: unknown) => {
  const r = parseDecimal(v);
  return r.ok && r.value !== undefined ? r.value : null;
};
const minutes = (v: unknown) => {
  const r = parseDuration(v);
  return r.ok && r.value !== undefined ? r.value / 60 : null;
};
const km = (v: unknown, unit: unknown) => {
  const r = parseDistance(v, unit === "mi" ? "mi" : "km");
  return r.ok && r.value !== undefined ? r.value / 1000 : null;
};

/** A stand-in row for the list while the server saves it. */
function optimisticEntry(kind: "day" | "run", values: Record<string, unknown>): ClientEntry {
  const id = `pending-${Date.now()}`;
  if (kind === "day") {
    const log = {
      id,
      injuryId: "",
      logDate: String(values.logDate ?? ""),
      painRest: num(values.painRest),
      painDaily: num(values.painDaily),
      walkMinutes: num(values.walkMinutes),
      painWalk: num(values.painWalk),
      cycleMinutes: num(values.cycleMinutes),
      painCycle: num(values.painCycle),
      swimMinutes: num(values.swimMinutes),
      painSwim: num(values.painSwim),
      massageSessions: num(values.massageSessions),
      iceSessions: num(values.iceSessions),
      compression: Boolean(values.compression),
      note: null,
      source: "clinic",
      receivedAt: null,
      version: 0,
      updatedAt: "",
      enteredByName: null,
    } satisfies DailyLogDto;
    return { type: "day", date: log.logDate, log, pending: true };
  }
  const run = {
    id,
    injuryId: "",
    runDate: String(values.runDate ?? ""),
    kind: values.kind === "continuous" ? "continuous" : "walk_run",
    walkMinutes: minutes(values.walkMinutes),
    runMinutes: minutes(values.runMinutes),
    repetitions: num(values.repetitions),
    continuousMinutes: minutes(values.continuousMinutes),
    distanceKm: km(values.distanceKm, values.distanceUnit),
    painDuring: num(values.painDuring) ?? 0,
    painNextMorning: num(values.painNextMorning),
    surface: null,
    note: null,
    source: "clinic",
    receivedAt: null,
    version: 0,
    updatedAt: "",
    enteredByName: null,
  } satisfies RunDto;
  return { type: "run", date: run.runDate, run, pending: true };
}

/**
 * Quick entry of today's log or a run on the Overview. The entry shows in the list at
 * once; the readiness panel refreshes when the server has saved it; a refusal rolls the
 * entry back and says why beside the fields.
 */
export function QuickEntry({ patientId, today, distanceUnit = "km" }: { patientId: string; today: string; distanceUnit?: DistanceUnit }) {
  const [tab, setTab] = useState<"day" | "run">("day");
  const [feedback, setFeedback] = useState<Feedback>({});
  const lastDay = useRef<{ values: DailyLogValues; form: HTMLFormElement } | null>(null);
  const queryClient = useQueryClient();
  const router = useRouter();

  const mutation = useMutation({
    mutationFn: ({ kind, values }: { kind: "day" | "run"; values: Record<string, unknown>; form: HTMLFormElement }) =>
      postJson<DailyLogDto | RunDto>(`/api/patients/${patientId}/${kind === "day" ? "daily-logs" : "runs"}`, values),
    onMutate: async ({ kind, values }) => {
      setFeedback({});
      const key = queryKeys.recent(patientId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ClientPage>(key);
      // No stand-in row for a day that does not exist: the server's message says why.
      if (previous && isIsoDay(String(kind === "day" ? values.logDate : values.runDate))) {
        const entry = optimisticEntry(kind, values);
        const entries = [...previous.entries, entry].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
        queryClient.setQueryData<ClientPage>(key, { ...previous, entries: entries.slice(0, Math.max(previous.entries.length, 6)) });
      }
      return { previous };
    },
    onError: (err, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.recent(patientId), context.previous);
      if (err instanceof RefusedError && err.result.conflict) {
        const day = String(err.result.conflict.current.logDate ?? "");
        setFeedback({ error: `A daily log for ${dayLabel(day)} is already saved; nothing was changed.`, conflict: err.result.conflict });
      } else if (err instanceof RefusedError) setFeedback({ error: err.result.error, fieldErrors: err.result.fieldErrors });
      else setFeedback({ error: "Nothing was saved: the server could not be reached." });
    },
    onSuccess: (_data, { kind, values, form }) => {
      const date = String(kind === "day" ? values.logDate : values.runDate);
      setFeedback({ success: `${kind === "day" ? "Daily log" : "Run"} saved for ${dayLabel(date)}. The return-to-run panel is up to date.` });
      form.reset();
      lastDay.current = null;
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.recent(patientId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.panel(patientId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.charts(patientId) }),
      ]);
      router.refresh();
    },
  });

  const conflictDay = feedback.conflict ? String(feedback.conflict.current.logDate ?? "") : null;

  return (
    <section aria-labelledby="quick-entry-heading" className="flex flex-col gap-3">
      <h3 id="quick-entry-heading" className="text-base font-semibold">
        Quick entry
      </h3>
      <div role="group" aria-label="What to log" className="flex gap-2">
        {(["day", "run"] as const).map((t) => (
          <button
            key={t}
            type="button"
            aria-pressed={tab === t}
            onClick={() => {
              setTab(t);
              setFeedback({});
            }}
            className={cn("min-h-11 rounded-md border px-4 text-sm font-semibold", tab === t ? "border-accent bg-accent-soft text-accent-strong" : "border-line bg-white text-ink")}
          >
            {t === "day" ? "Daily log" : "Run"}
          </button>
        ))}
      </div>
      {tab === "day" ? (
        <DailyLogForm
          idPrefix="quick-day"
          today={today}
          submitLabel="Save daily log"
          pending={mutation.isPending}
          error={feedback.error}
          success={feedback.success}
          fieldErrors={feedback.fieldErrors}
          onSubmit={(values, form) => {
            lastDay.current = { values, form };
            mutation.mutate({ kind: "day", values, form });
          }}
          extra={
            feedback.conflict && conflictDay ? (
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span>Replace it with what you typed?</span>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => {
                    const last = lastDay.current;
                    if (!last) return;
                    mutation.mutate({ kind: "day", values: { ...last.values, version: feedback.conflict!.currentVersion }, form: last.form });
                  }}
                >
                  Replace the saved day
                </Button>
              </div>
            ) : null
          }
        />
      ) : (
        <RunForm
          idPrefix="quick-run"
          today={today}
          submitLabel="Save run"
          pending={mutation.isPending}
          error={feedback.error}
          success={feedback.success}
          fieldErrors={feedback.fieldErrors}
          distanceUnit={distanceUnit}
          onSubmit={(values: RunValues, form) => mutation.mutate({ kind: "run", values, form })}
        />
      )}
    </section>
  );
}
