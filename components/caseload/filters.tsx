import { STAGE_NAMES } from "@/lib/domain/injury";
import type { CaseloadQuery } from "@/lib/validation/caseload";
import { Button } from "@/components/ui/button";
import { FLAG_OPTIONS } from "./flag-labels";
import { caseloadHref, clearedFilters } from "./url";

const SELECT = "min-h-11 rounded-md border border-line bg-white px-2 text-base";

/**
 * A plain GET form: the view lives in the URL (reload and share keep it) and works
 * without JavaScript. The admin's therapist choice sits beside the filters.
 */
export function CaseloadFilters({ query, therapists }: { query: CaseloadQuery; therapists: { id: string; name: string }[] | null }) {
  return (
    <form method="get" action="/" role="search" aria-label="Filter the caseload" className="grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
      <div className="flex flex-col gap-1">
        <label htmlFor="f-q" className="text-sm font-medium">Search by name or record number</label>
        <input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} className="min-h-11 rounded-md border border-line bg-white px-3 text-base" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-stage" className="text-sm font-medium">Stage</label>
        <select id="f-stage" name="stage" defaultValue={query.stage ?? ""} className={SELECT}>
          <option value="">Any stage</option>
          {STAGE_NAMES.map((name, i) => (
            <option key={name} value={i}>{`${i} ${name}`}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-flag" className="text-sm font-medium">Flag</label>
        <select id="f-flag" name="flag" defaultValue={query.flag ?? ""} className={SELECT}>
          <option value="">Any or none</option>
          <option value="any">Any flag</option>
          {FLAG_OPTIONS.map((f) => (
            <option key={f.code} value={f.code}>{f.label}</option>
          ))}
        </select>
      </div>
      {therapists ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="f-therapist" className="text-sm font-medium">Therapist</label>
          <select id="f-therapist" name="therapist" defaultValue={query.therapist ?? "all"} className={SELECT}>
            <option value="all">All therapists</option>
            {therapists.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      {query.ready ? <input type="hidden" name="ready" value={query.ready} /> : null}
      {query.returned ? <input type="hidden" name="returned" value={query.returned} /> : null}
      {query.sort !== "flags" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="flex items-center gap-3">
        <Button type="submit">Apply</Button>
        <a href={caseloadHref(clearedFilters(query))} className="text-sm font-semibold text-accent-strong underline">
          Clear
        </a>
      </div>
    </form>
  );
}
