"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { DistanceUnit } from "@/lib/domain/vocabulary";
import { Badge } from "@/components/ui/badge";
import { getJson, queryKeys, RECENT_SIZE, type ClientPage } from "./api";
import { dayLabel, describeDay, describeRun } from "./entry-words";
import { RunnerMark } from "./entry-provenance";

/** The latest daily logs and runs; a new entry shows here at once, marked while it saves. */
export function RecentEntries({ patientId, initial, distanceUnit = "km", timeZone }: { patientId: string; initial: ClientPage; distanceUnit?: DistanceUnit; timeZone: string }) {
  const { data } = useQuery({
    queryKey: queryKeys.recent(patientId),
    queryFn: () => getJson<ClientPage>(`/api/patients/${patientId}/logs?page=1&size=${RECENT_SIZE}`),
    initialData: initial,
  });
  return (
    <section aria-labelledby="recent-heading" className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id="recent-heading" className="text-base font-semibold">
          Latest entries
        </h3>
        <Link href={`/patients/${patientId}/logs`} className="text-sm font-semibold text-accent-strong underline">
          Full log
        </Link>
      </div>
      {data.entries.length === 0 ? (
        <p className="text-sm text-muted">Nothing logged yet for this injury.</p>
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line" data-testid="recent-entries">
          {data.entries.map((e) => (
            <li key={e.type === "day" ? `d-${e.log.id}` : `r-${e.run.id}`} className="flex flex-wrap items-baseline gap-x-2 px-3 py-2 text-sm">
              <span className="font-semibold">{dayLabel(e.date)}</span>
              <Badge tone={e.type === "run" ? "accent" : "neutral"}>{e.type === "run" ? "Run" : "Daily log"}</Badge>
              <RunnerMark entry={e.type === "day" ? e.log : e.run} timeZone={timeZone} />
              <span>{e.type === "day" ? describeDay(e.log) : describeRun(e.run, distanceUnit)}</span>
              {e.pending ? <span className="text-muted">Saving…</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
