import type { Metadata } from "next";
import Link from "next/link";
import { auditFilterOptions, listAuditEvents } from "@/lib/dal/audit-log";
import { auditActionLabel } from "@/lib/domain/audit-words";
import { auditFilterProblems, auditFilterSchema } from "@/lib/validation/audit";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const firstValues = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = auditFilterSchema.parse(firstValues);
  const problems = auditFilterProblems(firstValues);
  const [{ rows, total, page, pageSize }, { people, actions }] = await Promise.all([listAuditEvents(filter), auditFilterOptions()]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const query = (overrides: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, ...overrides })) if (v !== undefined && v !== "") params.set(k, String(v));
    return params.toString();
  };
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Audit log</h1>
        <Link href="/admin" className="text-sm font-semibold text-accent-strong underline">
          Back to accounts
        </Link>
      </div>
      <form method="get" className="grid gap-3 rounded-lg border border-line bg-white p-4 md:grid-cols-3 lg:grid-cols-6 md:items-end" aria-label="Filter the audit log">
        <div className="flex flex-col gap-1">
          <label htmlFor="f-user" className="text-sm font-medium">Person</label>
          <select id="f-user" name="userId" defaultValue={filter.userId ?? ""} className="min-h-11 rounded-md border border-line bg-white px-2">
            <option value="">Anyone</option>
            {people.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-runner" className="text-sm font-medium">Runner</label>
          <input id="f-runner" type="search" name="runner" defaultValue={filter.runner ?? ""} placeholder="Name or record number" maxLength={80} className="min-h-11 rounded-md border border-line bg-white px-2" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-action" className="text-sm font-medium">Action</label>
          <select id="f-action" name="action" defaultValue={filter.action ?? ""} className="min-h-11 rounded-md border border-line bg-white px-2">
            <option value="">Any</option>
            {actions
              .map((a) => ({ code: a, label: auditActionLabel(a) }))
              .sort((x, y) => x.label.localeCompare(y.label))
              .map((a) => (
                <option key={a.code} value={a.code}>{a.label}</option>
              ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-from" className="text-sm font-medium">From (UTC day)</label>
          <input id="f-from" type="date" name="from" defaultValue={filter.from ?? ""} className="min-h-11 rounded-md border border-line bg-white px-2" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-to" className="text-sm font-medium">To (UTC day)</label>
          <input id="f-to" type="date" name="to" defaultValue={filter.to ?? ""} className="min-h-11 rounded-md border border-line bg-white px-2" />
        </div>
        {filter.patientId ? <input type="hidden" name="patientId" value={filter.patientId} /> : null}
        <Button type="submit">Filter</Button>
      </form>
      {problems.length > 0 ? (
        <div role="alert" className="rounded-md border border-caution bg-white p-3 text-sm">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p>
          {total} event{total === 1 ? "" : "s"}
          {filter.patientId ? " for one patient" : ""} · {page > pages ? `page ${page} is past the last page (${pages})` : `page ${page} of ${pages}`}
        </p>
        <a href={`/api/admin/audit?${query({ page: undefined })}`} className="font-semibold text-accent-strong underline" download>
          Download CSV
        </a>
      </div>
      <div className="overflow-x-auto rounded-lg border border-line bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead className="border-b border-line bg-surface text-muted">
            <tr>
              <th scope="col" className="px-3 py-2">When (UTC)</th>
              <th scope="col" className="px-3 py-2">What happened</th>
              <th scope="col" className="px-3 py-2">Runner</th>
              <th scope="col" className="px-3 py-2">Address</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-3 py-6 text-center text-muted">No events match these filters.</td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.id} className="border-b border-line last:border-0 align-top">
                  <td className="whitespace-nowrap px-3 py-2">{r.at.replace("T", " ").slice(0, 19)}</td>
                  <td className="px-3 py-2" data-testid="audit-description">{r.description}</td>
                  <td className="px-3 py-2">
                    {r.patientId && r.patientRecord ? (
                      <Link
                        href={`/admin/audit?${query({ patientId: r.patientId, runner: undefined, page: 1 })}`}
                        className="text-accent-strong underline"
                        aria-label={`Only events about ${r.patientName ?? r.patientRecord}`}
                      >
                        {r.patientRecord}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{r.ip ?? "—"}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {page > 1 ? <Link href={`/admin/audit?${query({ page: page - 1 })}`} className="font-semibold text-accent-strong underline">Newer</Link> : null}
        {page < pages ? <Link href={`/admin/audit?${query({ page: page + 1 })}`} className="font-semibold text-accent-strong underline">Older</Link> : null}
      </nav>
    </div>
  );
}
