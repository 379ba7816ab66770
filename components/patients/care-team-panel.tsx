"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { SelectField } from "./fields";

type Person = { id: string; name: string };
type Act = (form: FormData) => Promise<ActionResult>;

/**
 * Who looks after the runner. The primary therapist (or an admin) adds and removes
 * colleagues; only an admin hands the runner to another primary therapist.
 */
export function CareTeamPanel({
  primary,
  members,
  candidates,
  therapists,
  canEdit,
  canChangePrimary,
  patientVersion,
  addAction,
  removeAction,
  changePrimaryAction,
}: {
  primary: Person;
  members: Person[];
  candidates: Person[];
  therapists: Person[];
  canEdit: boolean;
  canChangePrimary: boolean;
  patientVersion: number;
  addAction: Act;
  removeAction: Act;
  changePrimaryAction: Act;
}) {
  const router = useRouter();
  const [error, setError] = useState<{ where: string; text: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(where: string, action: Act, form: FormData, done: string) {
    setPending(true);
    setError(null);
    setStatus(null);
    try {
      const result = await action(form);
      if (result.ok) {
        setStatus(done);
        router.refresh();
      } else {
        setError({ where, text: result.conflict ? "Someone else changed this patient. The page is refreshed; please try again." : (result.fieldErrors?.userId ?? result.error) });
        if (result.conflict) router.refresh();
      }
    } catch {
      setError({ where, text: "The change did not reach the server. Please try again." });
    } finally {
      setPending(false);
    }
  }

  const onForm = (where: string, action: Act, done: string) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit(where, action, new FormData(event.currentTarget), done);
  };

  const errorFor = (where: string) => (error?.where === where ? error.text : undefined);

  return (
    <div className="flex flex-col gap-4">
      <p>
        <span className="font-semibold">Primary therapist:</span> {primary.name}
      </p>
      <div>
        <h3 className="font-semibold">Also on the care team</h3>
        {members.length === 0 ? (
          <p className="text-muted">Nobody else is on the care team.</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-1">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3">
                <span>{m.name}</span>
                {canEdit ? (
                  <form onSubmit={onForm(`remove-${m.id}`, removeAction, `${m.name} removed from the care team.`)}>
                    <input type="hidden" name="userId" value={m.id} />
                    <Button type="submit" variant="secondary" disabled={pending} aria-label={`Remove ${m.name} from the care team`}>
                      Remove
                    </Button>
                  </form>
                ) : null}
                {errorFor(`remove-${m.id}`) ? <span className="text-sm text-stop">{errorFor(`remove-${m.id}`)}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {canEdit && candidates.length > 0 ? (
        <form onSubmit={onForm("add", addAction, "Added to the care team.")} className="flex flex-wrap items-end gap-3" aria-label="Add to the care team">
          <SelectField id="care-team-add" name="userId" label="Add a colleague to the care team" options={candidates.map((c) => ({ value: c.id, label: c.name }))} error={errorFor("add")} />
          <Button type="submit" variant="secondary" disabled={pending}>
            Add
          </Button>
        </form>
      ) : null}
      {canChangePrimary ? (
        <form onSubmit={onForm("primary", changePrimaryAction, "Primary therapist changed.")} className="flex flex-wrap items-end gap-3" aria-label="Change the primary therapist">
          <input type="hidden" name="version" value={patientVersion} />
          <SelectField
            id="primary-therapist"
            name="userId"
            label="Primary therapist"
            options={therapists.map((t) => ({ value: t.id, label: t.name }))}
            defaultValue={primary.id}
            error={errorFor("primary")}
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            Change primary therapist
          </Button>
        </form>
      ) : null}
      {!canEdit ? <p className="text-sm text-muted">The primary therapist or a clinic admin can change the care team.</p> : null}
      <p role="status" className="text-sm text-safe">
        {status}
      </p>
    </div>
  );
}
