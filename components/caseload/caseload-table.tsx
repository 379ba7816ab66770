import Link from "next/link";
import type { CaseloadRow } from "@/lib/dal/caseload";
import { defaultDir, type CaseloadQuery, type CaseloadSort } from "@/lib/validation/caseload";
import { Badge } from "@/components/ui/badge";
import { flagLabel, flagLevel } from "./flag-labels";
import { PainValue } from "./pain-value";
import { StagePill } from "./stage-pill";
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

function SortHeader({ column, query }: { column: (typeof COLUMNS)[number]; query: CaseloadQuery }) {
  const active = query.sort === column.sort;
  const dir = query.dir ?? defaultDir(query.sort);
  const next = active ? (dir === "asc" ? "desc" : "asc") : defaultDir(column.sort);
  const ariaSort = active ? (dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className="px-3 py-2 font-semibold">
      <Link href={caseloadHref(query, { sort: column.sort, dir: next, page: 1 })} className="inline-flex min-h-8 items-center gap-1 underline-offset-2 hover:underline" data-testid={`sort-${column.sort}`}>
        {column.label}
        <span aria-hidden="true" className="text-xs">{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{active ? `, sorted ${ariaSort}; activate to reverse` : ", activate to sort"}</span>
      </Link>
    </th>
  );
}

export function CaseloadTable({ rows, query, total, pageSize }: { rows: CaseloadRow[]; query: CaseloadQuery; total: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (query.page - 1) * pageSize + 1;
  const last = Math.min(total, query.page * pageSize);
  const filtered = Boolean(query.q || query.stage !== undefined || query.flag || query.ready || query.returned);
  const emptyWords = filtered ? "No patients match these filters." : "No active runners on your caseload.";
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted" aria-live="polite" data-testid="caseload-count">
        {total === 0 ? (filtered ? "No patients match this view." : "") : `Showing ${first}–${last} of ${total} patient${total === 1 ? "" : "s"}`}
      </p>
      <div className="overflow-x-auto rounded-lg border border-line bg-white">
        <table className="w-full text-left text-sm" data-testid="caseload-table">
          <caption className="sr-only">Active patients: flags, stage, latest pain and symptom-free streak</caption>
          <thead className="border-b border-line bg-surface text-ink">
            <tr>
              {COLUMNS.map((c) => (
                <SortHeader key={c.sort} column={c} query={query} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length} className="px-3 py-6 text-center text-muted">
                  {emptyWords}
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.patientId} className="border-b border-line align-top last:border-0" data-testid="caseload-row">
                  <td className="px-3 py-2">
                    <Link href={`/patients/${r.patientId}`} className="font-semibold text-accent-strong underline-offset-2 hover:underline">
                      {r.name}
                    </Link>
                    <span className="block text-xs text-muted">{r.recordNumber}</span>
                  </td>
                  <td className="px-3 py-2">{r.injury}</td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">Day {r.day}</td>
                  <td className="px-3 py-2">
                    <StagePill stage={r.stage} name={r.stageName} />
                    {r.readyToProgress ? <span className="mt-1 block text-xs font-semibold text-safe">Ready to progress</span> : null}
                  </td>
                  <td className="px-3 py-2" data-testid="latest-pain">
                    <PainValue value={r.latestPain} date={r.latestPainDate} />
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    {r.streak} day{r.streak === 1 ? "" : "s"}
                  </td>
                  <td className="px-3 py-2" data-testid="flags">
                    {r.flags.length === 0 ? (
                      <span className="text-muted">None</span>
                    ) : (
                      <ul className="flex flex-wrap gap-1">
                        {r.flags.map((f) => (
                          <li key={f}>
                            <Badge tone={flagLevel(f)} data-flag={f}>
                              {flagLabel(f)}
                            </Badge>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Caseload pages" className="flex items-center gap-4 text-sm">
          {query.page > 1 ? (
            <Link href={caseloadHref(query, { page: query.page - 1 })} className="font-semibold text-accent-strong underline">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {query.page} of {pages}
          </span>
          {query.page < pages ? (
            <Link href={caseloadHref(query, { page: query.page + 1 })} className="font-semibold text-accent-strong underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
