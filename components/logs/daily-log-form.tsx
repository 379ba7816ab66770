"use client";

import { formToObject } from "@/lib/actions/result";
import type { DailyLogDto } from "@/lib/dal/logs";
import { Button } from "@/components/ui/button";
import { CheckboxField, DayField, FormMessage, NumberField, PainField, TextAreaField, type EntryFormProps } from "./fields";

export type DailyLogValues = Record<string, string | string[] | boolean | number | undefined>;

/** Values of the form as the daily-log schema reads them (blank fields left out, checkbox as a boolean). */
export function dailyLogValues(form: HTMLFormElement): DailyLogValues {
  const data = new FormData(form);
  const values: DailyLogValues = formToObject(data);
  values.compression = data.get("compression") === "on";
  return values;
}

/**
 * One day's pain by context and first-steps care. Used by the quick entry (new day) and
 * the log editor (an existing day, with its version). Typed input stays on error.
 */
export function DailyLogForm({
  idPrefix,
  initial,
  today,
  submitLabel,
  onSubmit,
  fieldErrors,
  error,
  success,
  pending,
  dateReadOnly,
  extra,
}: EntryFormProps<DailyLogValues, DailyLogDto> & {
  dateReadOnly?: boolean;
  extra?: React.ReactNode;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const fe = fieldErrors ?? {};
  return (
    <form
      noValidate
      aria-label="Daily log"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(dailyLogValues(e.currentTarget), e.currentTarget);
      }}
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <DayField id={id("logDate")} name="logDate" label="Date" defaultValue={initial?.logDate ?? today} error={fe.logDate} readOnly={dateReadOnly} required />
        <PainField id={id("painRest")} name="painRest" label="Pain at rest (0–10)" defaultValue={initial?.painRest} error={fe.painRest} />
        <PainField id={id("painDaily")} name="painDaily" label="Pain in daily activities (0–10)" defaultValue={initial?.painDaily} error={fe.painDaily} required />
        <NumberField id={id("walkMinutes")} name="walkMinutes" label="Walking (minutes)" defaultValue={initial?.walkMinutes} error={fe.walkMinutes} />
        <PainField id={id("painWalk")} name="painWalk" label="Pain while walking (0–10)" defaultValue={initial?.painWalk} error={fe.painWalk} />
        <NumberField id={id("cycleMinutes")} name="cycleMinutes" label="Cycling (minutes)" defaultValue={initial?.cycleMinutes} error={fe.cycleMinutes} />
        <PainField id={id("painCycle")} name="painCycle" label="Pain while cycling (0–10)" defaultValue={initial?.painCycle} error={fe.painCycle} />
        <NumberField id={id("swimMinutes")} name="swimMinutes" label="Swimming (minutes)" defaultValue={initial?.swimMinutes} error={fe.swimMinutes} />
        <PainField id={id("painSwim")} name="painSwim" label="Pain while swimming (0–10)" defaultValue={initial?.painSwim} error={fe.painSwim} />
        <NumberField id={id("massageSessions")} name="massageSessions" label="Self-massage (sessions)" defaultValue={initial?.massageSessions} error={fe.massageSessions} />
        <NumberField id={id("iceSessions")} name="iceSessions" label="Ice (sessions)" defaultValue={initial?.iceSessions} error={fe.iceSessions} />
        <CheckboxField id={id("compression")} name="compression" label="Compression sleeve worn" defaultChecked={initial?.compression ?? false} className="self-end" />
      </div>
      <TextAreaField id={id("note")} name="note" label="Note" defaultValue={initial?.note ?? ""} error={fe.note} maxLength={1000} />
      {initial?.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      <FormMessage error={error} success={success} />
      {extra}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

