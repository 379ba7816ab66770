"use client";

import type { ConflictInfo } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import type { AssessmentFormValues } from "@/lib/validation/assessment";
import { FIELD_LABEL, FORM_FIELDS, toFormValues } from "./labels";

/** Someone saved first: what they changed since this form was opened, and the two ways on. */
export function ConflictNotice({
  conflict,
  opened,
  onUseTheirs,
  onKeepMine,
}: {
  conflict: ConflictInfo;
  opened: AssessmentFormValues;
  onUseTheirs: () => void;
  onKeepMine: () => void;
}) {
  const theirs = toFormValues(conflict.current);
  const changed = FORM_FIELDS.filter((key) => (theirs[key] ?? "") !== (opened[key] ?? ""));
  return (
    <section aria-labelledby="conflict-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="conflict">
      <h3 id="conflict-heading" className="font-semibold text-caution">
        Someone else saved this assessment after you opened it
      </h3>
      <p className="mt-1 text-sm">
        {conflict.changedBy ? `Saved by ${conflict.changedBy}. ` : ""}Nothing of yours was saved and nothing of theirs was overwritten. What they changed:
      </p>
      {changed.length > 0 ? (
        <ul className="mt-2 list-disc pl-6 text-sm">
          {changed.map((key) => (
            <li key={key}>
              {FIELD_LABEL[key]}: {opened[key] || "empty"} → {theirs[key] || "empty"}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm">Only its version changed (saved with the same values).</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" onClick={onUseTheirs}>
          Start again from their version
        </Button>
        <Button type="button" variant="secondary" onClick={onKeepMine}>
          Keep my entries
        </Button>
      </div>
    </section>
  );
}
