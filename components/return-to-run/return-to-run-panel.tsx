"use client";

import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReturnToRunDto } from "@/lib/dal/stages";
import { stageName } from "@/lib/domain/injury";
import { shortDay } from "@/lib/domain/engine/words";
import { Badge } from "@/components/ui/badge";
import { getJson, queryKeys } from "@/components/logs/api";
import { CriteriaList } from "./criteria-list";
import { FlagHistory, FlagList } from "./flag-list";
import { StageActions, type StageActionFns } from "./stage-actions";
import { StageHistory } from "./stage-history";
import { StageLadder } from "./stage-ladder";

function painTone(pain: number | null, bands: ReturnToRunDto["painBands"]) {
  if (pain === null) return "neutral" as const;
  return pain > bands.stopAbove ? ("stop" as const) : pain > bands.safeMax ? ("caution" as const) : ("safe" as const);
}

/**
 * Where the runner stands: the stage ladder, the next stage's criteria in words, flags
 * with reasons, the next step and the stage history. Refreshes after each quick entry.
 */
export function ReturnToRunPanel({ initial, actions }: { initial: ReturnToRunDto; actions: StageActionFns }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const key = queryKeys.panel(initial.patientId);
  const { data: panel, isFetching } = useQuery({
    queryKey: key,
    queryFn: () => getJson<ReturnToRunDto>(`/api/patients/${initial.patientId}/return-to-run`),
    initialData: initial,
  });

  if (!panel.injury) {
    return (
      <section aria-labelledby="rtr-heading" className="rounded-lg border border-line bg-white p-4">
        <h2 id="rtr-heading" className="text-lg font-semibold">
          Return to run
        </h2>
        <p className="mt-2 text-muted">No open injury episode: add one in Details to follow the return to running.</p>
      </section>
    );
  }

  const nextName = panel.nextStage !== null ? stageName(panel.nextStage) : null;
  return (
    <section aria-labelledby="rtr-heading" aria-busy={isFetching} className="flex flex-col gap-4 rounded-lg border border-line bg-white p-4" data-testid="return-to-run">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="rtr-heading" className="text-lg font-semibold">
          Return to run
        </h2>
        <Badge tone="accent">
          Stage {panel.stage}: {panel.stageName}
        </Badge>
        <p role="status" className="text-sm font-semibold" data-testid="readiness">
          {panel.readyToProgress && nextName ? (
            <span className="text-safe">Ready for {nextName.toLowerCase()}</span>
          ) : nextName ? (
            <span className="text-muted">Not yet ready for {nextName.toLowerCase()}</span>
          ) : (
            <span className="text-muted">Returned to full training</span>
          )}
        </p>
      </div>
      <StageLadder stages={panel.stages} current={panel.stage} />
      <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
        <div>
          <dt className="text-muted">Symptom-free streak</dt>
          <dd className="font-semibold">
            {panel.symptomFreeStreak} logged day{panel.symptomFreeStreak === 1 ? "" : "s"}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Latest pain</dt>
          <dd>
            {panel.latestPain === null ? (
              "Not logged"
            ) : (
              <Badge tone={painTone(panel.latestPain, panel.painBands)}>
                {panel.latestPain}/10 on {panel.latestPainDate ? shortDay(panel.latestPainDate) : ""}
              </Badge>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Last log</dt>
          <dd className="font-semibold">{panel.lastLogDate ? shortDay(panel.lastLogDate) : "None yet"}</dd>
        </div>
        <div>
          <dt className="text-muted">In this stage since</dt>
          <dd className="font-semibold">{panel.stageSince ? shortDay(panel.stageSince) : "—"}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted">
        The streak counts logged days with every pain score at 0, up to today or yesterday. One day not logged is bridged; two in a row end it.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-2">
          <h3 className="text-base font-semibold">{nextName ? `To move on to ${nextName}` : "Watch window"}</h3>
          {panel.criteria.length > 0 ? <CriteriaList criteria={panel.criteria} label={`Criteria for ${nextName}`} /> : <p className="text-sm text-muted">No further stage.</p>}
        </div>
        <div className="flex flex-col gap-2">
          <h3 className="text-base font-semibold">Flags</h3>
          <FlagList flags={panel.flags} />
          <FlagHistory flags={panel.flagHistory ?? []} />
        </div>
      </div>
      <div className="rounded-md border border-accent-soft bg-accent-soft p-3" data-testid="next-step">
        <h3 className="text-base font-semibold text-accent-strong">Next step</h3>
        <p className="text-ink">{panel.nextStep}</p>
        {(panel.pending ?? []).length > 0 ? (
          <ul aria-label="Scores needed" className="mt-1 list-disc pl-5 text-sm text-ink" data-testid="pending-scores">
            {(panel.pending ?? []).map((p) => (
              <li key={`${p.runDate}-${p.missing}`}>{p.words}</li>
            ))}
          </ul>
        ) : null}
        {panel.ladder ? (
          <p className="text-sm text-muted">
            Walk-run ladder: step {panel.ladder.step + 1} of 5 ({panel.ladder.words}).
          </p>
        ) : null}
      </div>
      <StageActions
        panel={panel}
        actions={actions}
        onChanged={(next) => {
          queryClient.setQueryData(key, next);
          router.refresh();
        }}
      />
      <div className="flex flex-col gap-2">
        <h3 className="text-base font-semibold">Stage history</h3>
        <StageHistory history={panel.history} />
      </div>
    </section>
  );
}
