import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listPatients, type PatientListQuery } from "@/lib/dal/patients";
import { PATIENT_LIST_SORTS, PATIENT_LIST_STATUSES } from "@/lib/dal/patient-list";
import { listClinicUsers } from "@/lib/dal/users";
import { PatientListFilters } from "@/components/patients/patient-list-filters";
import { PatientListTable } from "@/components/patients/patient-list-table";
import { Pagination } from "@/components/patients/pagination";

export const metadata: Metadata = { title: "Patients" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const user = await requireUser();
  const query: Required<Omit<PatientListQuery, "pageSize">> = {
    q: (one(params.q) ?? "").slice(0, 100),
    status: pick(one(params.status), PATIENT_LIST_STATUSES, "active"),
    sort: pick(one(params.sort), PATIENT_LIST_SORTS, "name"),
    therapistId: user.role === "admin" ? (one(params.therapist) ?? "") : "",
    page: Number.parseInt(one(params.page) ?? "1", 10) || 1,
  };
  const [result, therapists] = await Promise.all([
    listPatients(query),
    user.role === "admin" ? listClinicUsers().then((users) => users.filter((u) => u.role === "therapist")) : Promise.resolve(null),
  ]);
  const hrefFor = (page: number) => {
    const next = new URLSearchParams();
    if (query.q) next.set("q", query.q);
    if (query.status !== "active") next.set("status", query.status);
    if (query.sort !== "name") next.set("sort", query.sort);
    if (query.therapistId) next.set("therapist", query.therapistId);
    if (page > 1) next.set("page", String(page));
    const s = next.toString();
    return s ? `/patients?${s}` : "/patients";
  };
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Patients</h1>
        <Link href="/patients/new" className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 text-sm font-semibold text-white hover:bg-accent-strong">
          New patient
        </Link>
      </div>
      <PatientListFilters q={query.q} status={query.status} sort={query.sort} therapistId={query.therapistId} therapists={therapists} />
      <p role="status" className="text-sm text-muted">
        {result.total === 0
          ? "No patients match."
          : `${result.total} patient${result.total === 1 ? "" : "s"}${result.pageCount > 1 ? `, page ${result.page} of ${result.pageCount}` : ""}`}
      </p>
      {result.rows.length > 0 ? <PatientListTable rows={result.rows} /> : null}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
    </div>
  );
}
