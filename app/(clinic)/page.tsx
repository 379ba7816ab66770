import type { Metadata } from "next";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { getCaseloadPage } from "@/lib/dal/caseload";
import { getCheckinBadges } from "@/lib/dal/checkin-badges";
import { listClinicColleagues } from "@/lib/dal/users";
import { caseloadQuerySchema, type CaseloadQuery } from "@/lib/validation/caseload";
import { CaseloadFilters } from "@/components/caseload/filters";
import { CaseloadTable } from "@/components/caseload/caseload-table";
import { CaseloadSkeleton } from "@/components/caseload/skeleton";
import { SoftNav } from "@/components/caseload/soft-nav";
import { Tiles } from "@/components/caseload/tiles";

export const metadata: Metadata = { title: "Caseload" };

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = caseloadQuerySchema.parse(await searchParams);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Caseload</h1>
      {/* Keyed by the view, so a new filter shows the skeleton in place instead of stale rows. */}
      <Suspense key={JSON.stringify(query)} fallback={<CaseloadSkeleton />}>
        <CaseloadView query={query} />
      </Suspense>
    </div>
  );
}

async function CaseloadView({ query }: { query: CaseloadQuery }) {
  const user = await requireUser();
  const [page, colleagues] = await Promise.all([getCaseloadPage(query), user.role === "admin" ? listClinicColleagues() : Promise.resolve(null)]);
  // The check-in marks of this page's rows only (one query over at most the page's ids).
  const checkins = await getCheckinBadges(page.rows.map((r) => r.patientId));
  const therapists = colleagues?.filter((c) => c.role === "therapist") ?? null;
  const chosen = query.therapist && query.therapist !== "all" ? therapists?.find((t) => t.id === query.therapist)?.name : null;
  const who = user.role === "admin" ? (chosen ? `${chosen}'s caseload` : "Every therapist's caseload") : "Your caseload";
  return (
    <SoftNav className="flex flex-col gap-4">
      <p className="-mt-2 text-sm text-muted">{who}: active runners, flagged first unless you sort otherwise.</p>
      <Tiles tiles={page.tiles} query={query} />
      <CaseloadFilters query={query} therapists={therapists} />
      <CaseloadTable rows={page.rows} query={query} total={page.total} pageSize={page.pageSize} checkins={checkins} />
    </SoftNav>
  );
}
