import { defaultDir, type CaseloadQuery } from "@/lib/validation/caseload";

/** The dashboard URL for a view: only what differs from the default is written, so links stay short. */
export function caseloadHref(query: CaseloadQuery, overrides: Partial<Record<keyof CaseloadQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...query, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["q", "stage", "flag", "ready", "returned", "therapist", "sort", "dir", "page"] as const) {
    const value = merged[key];
    if (value === undefined || value === "") continue;
    if (key === "sort" && value === "flags") continue;
    if (key === "page" && Number(value) === 1) continue;
    if (key === "dir" && value === defaultDir((merged.sort as CaseloadQuery["sort"] | undefined) ?? "flags")) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `/?${s}` : "/";
}

/** The view's table filters cleared (the therapist choice and sort kept). */
export function clearedFilters(query: CaseloadQuery): CaseloadQuery {
  return { sort: query.sort, dir: query.dir, therapist: query.therapist, page: 1 };
}
