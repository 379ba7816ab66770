import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "./fields";

const STATUS_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "archived", label: "Archived" },
  { value: "all", label: "All" },
];
const SORT_OPTIONS = [
  { value: "name", label: "Name" },
  { value: "activity", label: "Last activity" },
  { value: "onset", label: "Injury onset (newest first)" },
];

/** A plain GET form: the list's state lives in the URL, so it can be bookmarked and shared. */
export function PatientListFilters({
  q,
  status,
  sort,
  therapistId,
  therapists,
}: {
  q: string;
  status: string;
  sort: string;
  therapistId: string;
  therapists: { id: string; name: string }[] | null;
}) {
  return (
    <form method="get" action="/patients" role="search" aria-label="Find patients" className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-white p-3">
      <Field id="q" name="q" type="search" label="Name or record number" defaultValue={q} className="min-w-56 flex-1" maxLength={100} />
      <SelectField id="status" name="status" label="Show" options={STATUS_OPTIONS} defaultValue={status} />
      <SelectField id="sort" name="sort" label="Sort by" options={SORT_OPTIONS} defaultValue={sort} />
      {therapists ? (
        <SelectField id="therapist" name="therapist" label="Therapist" options={therapists.map((t) => ({ value: t.id, label: t.name }))} placeholder="All therapists" defaultValue={therapistId} />
      ) : null}
      <Button type="submit">Search</Button>
    </form>
  );
}
