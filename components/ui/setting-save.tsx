import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";

/**
 * The end of a one-setting form (a select or a number saved by a server action): the save
 * button, then the refusal (the field's message, else the general one) as an alert with
 * `errorId` for the field's `aria-describedby`, or "Saved." as a status.
 */
export function SettingSave({ state, pending, label, field, errorId }: { state: ActionResult<undefined> | null; pending: boolean; label: string; field: string; errorId: string }) {
  return (
    <>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
      {state && !state.ok ? (
        <p id={errorId} role="alert" className="text-sm text-stop">
          {state.fieldErrors?.[field] ?? state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-safe">
          Saved.
        </p>
      ) : null}
    </>
  );
}
