import type { CaseloadRow } from "@/lib/dal/caseload";
import type { CheckinBadges } from "@/lib/dal/checkin-badges";
import { defaultDir, type CaseloadQuery, type CaseloadSort } from "@/lib/validation/caseload";
import { CaseloadRows } from "./caseload-rows";
import { shownRow } from "./shown-row";
import { caseloadHref } from "./url";

const COLUMNS: { sort: CaseloadSort; label: string }[] = [
  { sort: "name", label: "Patient" },
  { sort: "injury", label: "Injury" },
  { sort: "day", label: "Day" },
  { sort: "stage", label: "Stage" },
  { sort: "pain", label: "Latest pain" },
  { sort: "streak", label: "Symptom-free streak" },
  { sort: "flags", label: "Flags" },
];

/**
 * Cell padding and row rules are set once on the table rather than on each of the page's
 * 175 cells, which keeps the HTML and the RSC payload of a page small.
 */
const TABLE =
  "w-full text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_tbody>tr]:border-b [&_tbody>tr]:border-line [&_tbody>tr]:align-top [&_tbody>tr:last-child]:border-0";

function SortHeader({ column, query }: { column: (typeof COLUMNS)[number]; query: CaseloadQuery }) {
  const active = query.sort === column.sort;
  const dir = query.dir ?? defaultDir(query.sort);
  const next = active ? (dir === "asc" ? "desc" : "asc") : defaultDir(column.sort);
  const ariaSort = active ? (dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <a href={caseloadHref(query, { sort: column.sort, dir: next, page: 1 })} data-testid={`sort-${column.sort}`}>
        {column.label}
        <span aria-hidden="true" className="text-xs">{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{active ? `, sorted ${ariaSort}; activate to reverse` : ", activate to sort"}</span>
      </a>
    </th>
  );
}

export function CaseloadTable({
  rows,
  query,
  total,
  pageSize,
  checkins = {},
}: {
  rows: CaseloadRow[];
  query: CaseloadQuery;
  total: number;
  pageSize: number;
  /** The rows' check-in marks by patient id (lib/dal/checkin-badges.ts). */
  checkins?: Record<string, CheckinBadges>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (query.page - 1) * pageSize + 1;
  const last = Math.min(total, query.page * pageSize);
  const filtered = Boolean(query.q || query.stage !== undefined || query.flag || query.ready || query.returned);
  const emptyWords = filtered ? "No patients match these filters." : "No active runners on your caseload.";
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted" aria-live="polite" data-testid="caseload-count">
        {total === 0
          ? filtered
            ? "No patients match this view."
            : ""
          : first > total
            ? `Page ${query.page} is past the end: ${total} patient${total === 1 ? "" : "s"} on ${pages} page${pages === 1 ? "" : "s"}.`
            : `Showing ${first}–${last} of ${total} patient${total === 1 ? "" : "s"}`}
      </p>
      {total > 0 && first > total ? (
        <a href={caseloadHref(query, { page: pages })} className="text-sm font-semibold text-accent-strong underline">
          Go to the last page
        </a>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-line bg-white">
        <table className={TABLE} data-testid="caseload-table">
          <caption className="sr-only">Active patients: flags, stage, latest pain and symptom-free streak</caption>
          <thead className="border-b border-line bg-surface text-ink [&_a]:inline-flex [&_a]:min-h-8 [&_a]:items-center [&_a]:gap-1 [&_a]:underline-offset-2 [&_a:hover]:underline [&_th]:font-semibold">
            <tr>
              {COLUMNS.map((c) => (
                <SortHeader key={c.sort} column={c} query={query} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length} className="py-6! text-center text-muted">
                  {emptyWords}
                </td>
              </tr>
            ) : (
              <CaseloadRows rows={rows.map((r) => ({ ...shownRow(r), checkin: checkins[r.patientId] }))} />
            )}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Caseload pages" className="flex items-center gap-4 text-sm">
          {query.page > 1 ? (
            <a href={caseloadHref(query, { page: query.page - 1 })} className="font-semibold text-accent-strong underline">
              Previous page
            </a>
          ) : null}
          <span>
            Page {query.page} of {pages}
          </span>
          {query.page < pages ? (
            <a href={caseloadHref(query, { page: query.page + 1 })} className="font-semibold text-accent-strong underline">
              Next page
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
