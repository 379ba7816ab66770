import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPatientHeader } from "@/lib/dal/patients";
import { listLogEntries } from "@/lib/dal/logs";
import { requireUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/domain/dates";
import { logsPageSchema } from "@/lib/validation/logs";
import { LogList } from "@/components/logs/log-list";
import { WatchImport } from "@/components/imports/watch-import";
import { saveDailyLogAction, updateRunAction } from "./actions";

export const metadata: Metadata = { title: "Logs" };

export default async function PatientLogsPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<{ page?: string }> }) {
  const { patientId } = await params;
  const { page } = logsPageSchema.parse({ page: (await searchParams).page ?? 1 });
  const patient = await getPatientHeader(patientId);
  if (!patient) notFound();
  const user = await requireUser();
  const log = await listLogEntries(patientId, page);
  if (!log) notFound();
  const base = `/patients/${patientId}/logs`;
  return (
    <section aria-labelledby="logs-heading" className="flex flex-col gap-3 rounded-lg border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="logs-heading" className="text-lg font-semibold">
          Daily logs and runs
        </h2>
        <p className="text-sm text-muted">
          {log.total} entr{log.total === 1 ? "y" : "ies"} for the current injury, newest first. New entries: quick entry on the{" "}
          <Link href={`/patients/${patientId}`} className="font-semibold text-accent-strong underline">
            Overview
          </Link>
          .
        </p>
      </div>
      <WatchImport patientId={patientId} />
      {log.entries.length === 0 ? (
        <p className="text-muted">Nothing logged yet.</p>
      ) : (
        <LogList
          patientId={patientId}
          entries={log.entries}
          today={todayIn(user.clinicTimeZone)}
          distanceUnit={user.distanceUnit}
          timeZone={user.clinicTimeZone}
          actions={{ saveDay: saveDailyLogAction.bind(null, patientId), updateRun: updateRunAction.bind(null, patientId) }}
        />
      )}
      {log.pageCount > 1 ? (
        <nav aria-label="Log pages" className="flex items-center gap-3 text-sm">
          {log.page > 1 ? (
            <Link href={`${base}?page=${log.page - 1}`} className="font-semibold text-accent-strong underline">
              Newer
            </Link>
          ) : null}
          <span>
            Page {log.page} of {log.pageCount}
          </span>
          {log.page < log.pageCount ? (
            <Link href={`${base}?page=${log.page + 1}`} className="font-semibold text-accent-strong underline">
              Older
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
