"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/actions/result";
import type { RedFlagScreenDto } from "@/lib/dal/red-flags";
import { RED_FLAG_ITEMS } from "@/lib/domain/vocabulary";
import { CLEARANCE_NOTE_MAX, redFlagClearanceSchema } from "@/lib/validation/red-flags";
import { Button } from "@/components/ui/button";
import { RedFlagFields } from "./red-flag-fields";

export type RedFlagActions = {
  save: (input: Record<string, unknown>) => Promise<ActionResult<RedFlagScreenDto>>;
  clear: (input: Record<string, unknown>) => Promise<ActionResult<RedFlagScreenDto>>;
};

const disclosure = "rounded-md border border-line p-3 [&>summary]:min-h-11 [&>summary]:cursor-pointer [&>summary]:font-semibold [&>summary]:text-accent-strong";

/**
 * One episode's red-flag screen on the Details tab: its state in words (refer before
 * loading, cleared by whom and when, or nothing positive), the partial Wells score, the
 * screen's items to edit, and while it says "refer" the clearance form (a note is required;
 * who and when are recorded from the session).
 */
export function RedFlagPanel({ screen, actions, idPrefix }: { screen: RedFlagScreenDto; actions: RedFlagActions; idPrefix: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  // The return-to-run panel (cached by TanStack Query) reads the screen: refetch it after a change.
  const refresh = () => {
    void queryClient.invalidateQueries();
    router.refresh();
  };
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [clearError, setClearError] = useState<string | null>(null);
  const noteId = `${idPrefix}-clearance-note`;

  function save(form: HTMLFormElement) {
    const data = new FormData(form);
    const input: Record<string, unknown> = Object.fromEntries(RED_FLAG_ITEMS.map((k) => [k, data.get(k) === "on"]));
    if (screen.version !== null) input.version = screen.version;
    setSaveError(null);
    setSaved(null);
    startTransition(async () => {
      const result = await actions.save(input);
      if (result.ok) {
        setSaved("Red-flag screen saved.");
        refresh();
      } else setSaveError(result.conflict ? "Someone else saved this screen since you opened it. Reload to see their answers, then save yours again." : result.error);
    });
  }

  function clear() {
    const parsed = redFlagClearanceSchema.safeParse({ version: screen.version, note });
    if (!parsed.success) {
      setNoteError(parsed.error.issues.find((i) => i.path[0] === "note")?.message ?? "Check the note.");
      return;
    }
    setNoteError(null);
    setClearError(null);
    startTransition(async () => {
      const result = await actions.clear({ version: screen.version, note });
      if (result.ok) {
        setNote("");
        refresh();
      } else {
        setNoteError(result.fieldErrors?.note ?? null);
        setClearError(result.error);
      }
    });
  }

  return (
    <section aria-label="Red-flag screen" className="flex flex-col gap-2 rounded-md border border-line p-3" data-testid="red-flag-screen">
      <h4 className="font-semibold">Red-flag screen</h4>
      {screen.status === "refer" ? (
        <p className="font-semibold text-stop" data-testid="red-flag-status">
          {screen.words}
        </p>
      ) : screen.status === "cleared" ? (
        <p data-testid="red-flag-status">
          {screen.words} Note: <span className="whitespace-pre-wrap">{screen.clearanceNote}</span>
        </p>
      ) : (
        <p className="text-muted" data-testid="red-flag-status">
          {screen.recorded ? "Nothing positive on the screen." : "Not recorded for this episode yet."}
        </p>
      )}
      {screen.positives.length > 0 ? (
        <ul className="list-disc pl-5 text-sm">
          {screen.positives.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {screen.wells.score > 0 ? <p className="text-sm text-muted">{screen.wells.words}</p> : null}
      {screen.status === "refer" ? (
        <form
          aria-label="Record the clearance"
          noValidate
          className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            clear();
          }}
        >
          <label htmlFor={noteId} className="text-sm font-semibold">
            How the red flags were cleared (required: who examined the runner, what was found)
          </label>
          <textarea
            id={noteId}
            name="note"
            rows={3}
            maxLength={CLEARANCE_NOTE_MAX}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${noteId}-error` : undefined}
            className="rounded-md border border-line bg-white px-3 py-2 text-base text-ink aria-invalid:border-stop"
          />
          {noteError ? (
            <p id={`${noteId}-error`} className="text-sm text-stop">
              {noteError}
            </p>
          ) : null}
          {clearError && clearError !== noteError ? (
            <p role="alert" className="text-sm text-stop">
              {clearError}
            </p>
          ) : null}
          <p className="text-xs text-muted">Your name and the time are recorded with the note.</p>
          <div>
            <Button type="submit" disabled={pending}>
              Record clearance
            </Button>
          </div>
        </form>
      ) : null}
      <details className={disclosure}>
        <summary>{screen.recorded ? "Edit the red-flag screen" : "Record the red-flag screen"}</summary>
        <form
          aria-label="Red-flag screen items"
          className="mt-3 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save(e.currentTarget);
          }}
        >
          <RedFlagFields idPrefix={idPrefix} answers={screen.answers} />
          {saveError ? (
            <p role="alert" className="text-sm text-stop">
              {saveError}
            </p>
          ) : null}
          {saved ? (
            <p role="status" className="text-sm text-safe">
              {saved}
            </p>
          ) : null}
          <div>
            <Button type="submit" disabled={pending}>
              Save red-flag screen
            </Button>
          </div>
        </form>
      </details>
    </section>
  );
}
