import type { ActionResult } from "@/lib/actions/result";
import type { InjuryEpisodeDto } from "@/lib/dal/injuries";
import { Badge } from "@/components/ui/badge";
import { ACTIVITY_LABEL } from "@/lib/validation/injury";
import { InjuryForm } from "./injury-form";
import { InjuryStatusForm } from "./injury-status-form";
import { RedFlagPanel, type RedFlagActions } from "./red-flag-panel";
import type { RedFlagScreenDto } from "@/lib/dal/red-flags";
import { RECURRENCE_CLASS_WORDS } from "@/lib/domain/recurrence";
import type { Saved } from "./versioned-form";

type Act = (form: FormData) => Promise<ActionResult<Saved | undefined>>;
export type EpisodeActions = { update: (injuryId: string) => Act; markReturned: (injuryId: string) => Act; close: (injuryId: string) => Act };

const STATUS: Record<InjuryEpisodeDto["status"], { label: string; tone: "accent" | "safe" | "neutral" }> = {
  active: { label: "Active", tone: "accent" },
  returned: { label: "Returned", tone: "safe" },
  closed: { label: "Closed", tone: "neutral" },
};

const disclosure = "rounded-md border border-line p-3 [&>summary]:min-h-11 [&>summary]:cursor-pointer [&>summary]:font-semibold [&>summary]:text-accent-strong";

/** The patient's injury episodes, newest first, each with its edit and status forms. */
export function InjuryEpisodes({
  episodes,
  today,
  dateOfBirth,
  actions,
  redFlags,
  redFlagActions,
}: {
  episodes: InjuryEpisodeDto[];
  today: string;
  dateOfBirth: string;
  actions: EpisodeActions;
  /** Each episode's red-flag screen by injury id, with its save and clear actions (absent: not shown). */
  redFlags?: Record<string, RedFlagScreenDto>;
  redFlagActions?: (injuryId: string) => RedFlagActions;
}) {
  if (episodes.length === 0) return <p className="text-muted">No injury episodes recorded yet.</p>;
  return (
    <ol className="flex flex-col gap-4" aria-label="Injury episodes">
      {episodes.map((e) => (
        <li key={e.id} className="rounded-md border border-line p-3" data-testid="injury-episode">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold">{e.description}</h3>
            <Badge tone={STATUS[e.status].tone}>{STATUS[e.status].label}</Badge>
            {e.recurrenceClass !== "none" ? <Badge tone="caution">{RECURRENCE_CLASS_WORDS[e.recurrenceClass]}</Badge> : null}
            {redFlags?.[e.id]?.status === "refer" ? <Badge tone="stop">Refer before loading</Badge> : null}
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">Onset</dt>
            <dd>
              {e.onsetDate}
              {e.status === "active" ? ` (day ${e.day})` : ""}
            </dd>
            {e.returnDate ? (
              <>
                <dt className="text-muted">Returned to full running</dt>
                <dd>{e.returnDate}</dd>
              </>
            ) : null}
            {e.closedDate ? (
              <>
                <dt className="text-muted">Closed</dt>
                <dd>{e.closedDate}</dd>
              </>
            ) : null}
            <dt className="text-muted">Doing</dt>
            <dd>{e.activity ? ACTIVITY_LABEL[e.activity] : "Not recorded"}</dd>
            <dt className="text-muted">Previous calf strains</dt>
            <dd>{e.priorStrains}</dd>
            <dt className="text-muted">Recurrence</dt>
            <dd data-testid="recurrence-words">{e.recurrenceWords}</dd>
            <dt className="text-muted">Re-injury watch window</dt>
            <dd data-testid="watch-window-words">{e.watchWindowWords}</dd>
            {e.mechanism ? (
              <>
                <dt className="text-muted">How it happened</dt>
                <dd className="whitespace-pre-wrap break-words">{e.mechanism}</dd>
              </>
            ) : null}
          </dl>
          <div className="mt-3 flex flex-col gap-3">
            {redFlags?.[e.id] && redFlagActions ? <RedFlagPanel screen={redFlags[e.id]!} actions={redFlagActions(e.id)} idPrefix={`rf-${e.id}`} /> : null}
            <details className={disclosure}>
              <summary>Edit this episode</summary>
              <div className="mt-3">
                <InjuryForm idPrefix={`edit-${e.id}`} today={today} dateOfBirth={dateOfBirth} initialValues={e.values} initialVersion={e.version} action={actions.update(e.id)} />
              </div>
            </details>
            {e.status !== "closed" ? (
              <details className={disclosure}>
                <summary>{e.status === "active" ? "Mark as returned or close" : "Close this episode"}</summary>
                <div className="mt-3 flex flex-col gap-4">
                  {e.status === "active" ? (
                    <InjuryStatusForm kind="return" idPrefix={`return-${e.id}`} today={today} onsetDate={e.onsetDate} version={e.version} action={actions.markReturned(e.id)} />
                  ) : null}
                  <InjuryStatusForm kind="close" idPrefix={`close-${e.id}`} today={today} onsetDate={e.onsetDate} version={e.version} action={actions.close(e.id)} />
                </div>
              </details>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

export { disclosure as disclosureClass };
