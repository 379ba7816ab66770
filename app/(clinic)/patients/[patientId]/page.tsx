import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPatientHeader } from "@/lib/dal/patients";
import { requireUser } from "@/lib/auth/session";
import { getReturnToRun } from "@/lib/dal/stages";
import { listLogEntries } from "@/lib/dal/logs";
import { ReturnToRunPanel } from "@/components/return-to-run/return-to-run-panel";
import { QuickEntry } from "@/components/logs/quick-entry";
import { RecentEntries } from "@/components/logs/recent-entries";
import { RECENT_SIZE } from "@/components/logs/api";
import { getPainChart } from "@/lib/dal/charts";
import { PainChart } from "@/components/charts/pain-chart";
import { confirmProgressionAction, overrideStageAction, stepBackAction } from "./actions";
import { checkinLinkState } from "@/lib/dal/checkin-links";
import { CheckinPanel } from "@/components/checkin/checkin-panel";
import { createCheckinLinkAction, revokeCheckinLinkAction } from "./checkin-actions";

export const metadata: Metadata = { title: "Patient overview" };

export default async function PatientOverviewPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const [patient, user] = await Promise.all([getPatientHeader(patientId), requireUser()]);
  if (!patient) notFound();
  const [panel, recent, pain, checkin] = await Promise.all([
    getReturnToRun(patientId),
    listLogEntries(patientId, 1, RECENT_SIZE),
    getPainChart(patientId, "6w"),
    checkinLinkState(patientId),
  ]);
  if (!panel || !recent || !pain || !checkin) notFound();
  return (
    <div className="flex flex-col gap-4">
      <ReturnToRunPanel
        initial={panel}
        actions={{
          confirm: confirmProgressionAction.bind(null, patientId),
          override: overrideStageAction.bind(null, patientId),
          stepBack: stepBackAction.bind(null, patientId),
        }}
      />
      {panel.injury ? (
        <section aria-label="Logging" className="grid gap-4 rounded-lg border border-line bg-white p-4 lg:grid-cols-[3fr_2fr]">
          <QuickEntry patientId={patientId} today={panel.today} distanceUnit={user.distanceUnit} />
          <RecentEntries patientId={patientId} initial={recent} distanceUnit={user.distanceUnit} timeZone={user.clinicTimeZone} />
        </section>
      ) : null}
      <CheckinPanel
        state={checkin}
        timeZone={user.clinicTimeZone}
        actions={{ create: createCheckinLinkAction.bind(null, patientId), revoke: revokeCheckinLinkAction.bind(null, patientId) }}
      />
      {/* The pain chart refreshes with each quick entry (its query is invalidated on save). */}
      <PainChart patientId={patientId} initial={pain} />
    </div>
  );
}
