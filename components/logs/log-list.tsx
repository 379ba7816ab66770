"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import type { ActionResult, ConflictInfo } from "@/lib/actions/result";
import type { DailyLogDto, LogEntryDto, RunDto } from "@/lib/dal/logs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { queryKeys } from "./api";
import { DailyLogForm } from "./daily-log-form";
import { dayLabel, describeCare, describeDay, describeRun, describeWatch } from "./entry-words";
import type { DistanceUnit } from "@/lib/domain/vocabulary";
import { RunForm } from "./run-form";
import { CorrectionNote, RunnerMark } from "./entry-provenance";

export type LogActionFns = {
  saveDay: (input: unknown) => Promise<ActionResult<DailyLogDto>>;
  updateRun: (runId: string, input: unknown) => Promise<ActionResult<RunDto>>;
};

type Feedback = { error?: string; fieldErrors?: Record<string, string>; conflict?: ConflictInfo };

function EntryEditor({ entry, today, actions, onDone, distanceUnit }: { entry: LogEntryDto; today: string; actions: LogActionFns; onDone: () => void; distanceUnit: DistanceUnit }) {
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>({});
  // After a conflict the form reloads with the stored values and version, so the user sees what changed.
  const [base, setBase] = useState<Partial<DailyLogDto> | Partial<RunDto>>(entry.type === "day" ? entry.log : entry.run);
  const [formKey, setFormKey] = useState(0);

  function handle(result: ActionResult<unknown>) {
    if (result.ok) onDone();
    else setFeedback({ error: result.error, fieldErrors: result.fieldErrors, conflict: result.conflict });
  }
  const conflictNote = feedback.conflict ? (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span>Someone saved this entry after you opened it.</span>
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          setBase(feedback.conflict!.current as Partial<DailyLogDto>);
          setFeedback({});
          setFormKey((k) => k + 1);
        }}
      >
        Show the saved version
      </Button>
    </div>
  ) : null;

  if (entry.type === "day") {
    return (
      <DailyLogForm
        key={formKey}
        idPrefix={`edit-${entry.log.id}`}
        initial={base as Partial<DailyLogDto>}
        today={today}
        dateReadOnly
        submitLabel="Save changes"
        pending={pending}
        error={feedback.error}
        fieldErrors={feedback.fieldErrors}
        extra={conflictNote}
        onSubmit={(values) => startTransition(async () => handle(await actions.saveDay(values)))}
      />
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <RunForm
        key={formKey}
        idPrefix={`edit-${entry.run.id}`}
        initial={base as Partial<RunDto>}
        today={today}
        submitLabel="Save changes"
        pending={pending}
        error={feedback.error}
        fieldErrors={feedback.fieldErrors}
        distanceUnit={distanceUnit}
        onSubmit={(values) => startTransition(async () => handle(await actions.updateRun(entry.run.id, values)))}
      />
      {conflictNote}
    </div>
  );
}

/** The full log, newest first; each daily log or run can be opened for editing. */
export function LogList({
  patientId,
  entries,
  today,
  actions,
  distanceUnit = "km",
  timeZone,
}: {
  patientId: string;
  entries: LogEntryDto[];
  today: string;
  actions: LogActionFns;
  distanceUnit?: DistanceUnit;
  /** The clinic's time zone, for when a runner's entry arrived or was corrected. */
  timeZone: string;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const router = useRouter();
  const queryClient = useQueryClient();
  return (
    <ul className="divide-y divide-line rounded-md border border-line bg-white" aria-label="Daily logs and runs">
      {entries.map((e) => {
        const id = e.type === "day" ? e.log.id : e.run.id;
        const isOpen = open === id;
        const title = `${e.type === "day" ? "Daily log" : "Run"}, ${dayLabel(e.date)}`;
        return (
          <li key={id} className="flex flex-col gap-2 px-3 py-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="text-sm">
                <span className="font-semibold">{dayLabel(e.date)}</span>{" "}
                <Badge tone={e.type === "run" ? "accent" : "neutral"}>{e.type === "run" ? "Run" : "Daily log"}</Badge>{" "}
                <RunnerMark entry={e.type === "day" ? e.log : e.run} timeZone={timeZone} />
                <span className="block">{e.type === "day" ? describeDay(e.log) : describeRun(e.run, distanceUnit)}</span>
                {e.type === "run" && e.run.watch ? <span className="block text-muted">{describeWatch(e.run.watch)}</span> : null}
                {e.type === "day" && describeCare(e.log) ? <span className="block text-muted">{describeCare(e.log)}</span> : null}
                {(e.type === "day" ? e.log.note : e.run.note) ? <span className="block text-muted">Note: {e.type === "day" ? e.log.note : e.run.note}</span> : null}
                <CorrectionNote entry={e.type === "day" ? e.log : e.run} kind={e.type} timeZone={timeZone} distanceUnit={distanceUnit} />
              </div>
              <Button type="button" variant="secondary" aria-expanded={isOpen} aria-label={isOpen ? `Close ${title}` : `Edit ${title}`} onClick={() => setOpen(isOpen ? null : id)}>
                {isOpen ? "Close" : "Edit"}
              </Button>
            </div>
            {isOpen ? (
              <EntryEditor
                distanceUnit={distanceUnit}
                entry={e}
                today={today}
                actions={actions}
                onDone={() => {
                  setOpen(null);
                  void queryClient.invalidateQueries({ queryKey: queryKeys.panel(patientId) });
                  void queryClient.invalidateQueries({ queryKey: queryKeys.recent(patientId) });
                  void queryClient.invalidateQueries({ queryKey: queryKeys.charts(patientId) });
                  router.refresh();
                }}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
