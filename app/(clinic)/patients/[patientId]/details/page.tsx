import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getCareTeam } from "@/lib/dal/care-team";
import { listPatientInjuries } from "@/lib/dal/injuries";
import { listRedFlagScreens } from "@/lib/dal/red-flags";
import { getPatientRecord } from "@/lib/dal/patients";
import { todayIn } from "@/lib/domain/dates";
import { ArchiveToggle } from "@/components/patients/archive-toggle";
import { CareTeamPanel } from "@/components/patients/care-team-panel";
import { InjuryEpisodes, disclosureClass } from "@/components/patients/injury-episodes";
import { InjuryForm } from "@/components/patients/injury-form";
import { PatientForm } from "@/components/patients/patient-form";
import { Card } from "@/components/ui/card";
import {
  addCareTeamAction,
  changePrimaryAction,
  closeInjuryAction,
  createInjuryAction,
  removeCareTeamAction,
  returnInjuryAction,
  setArchivedAction,
  updateInjuryAction,
  updatePatientAction,
} from "./actions";
import { clearRedFlagsAction, saveRedFlagScreenAction } from "./red-flag-actions";

export const metadata: Metadata = { title: "Details" };

export default async function PatientDetailsPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const user = await requireUser();
  const [record, episodes, team, redFlags] = await Promise.all([getPatientRecord(patientId), listPatientInjuries(patientId), getCareTeam(patientId), listRedFlagScreens(patientId)]);
  if (!record || !episodes || !team || !redFlags) notFound();
  const today = todayIn(user.clinicTimeZone);
  const open = episodes.find((e) => e.status === "active");
  const dateOfBirth = record.values.dateOfBirth;
  return (
    <div className="flex flex-col gap-4">
      <Card aria-labelledby="episodes-heading">
        <h2 id="episodes-heading" className="mb-3 text-lg font-semibold">
          Injury episodes
        </h2>
        <InjuryEpisodes
          episodes={episodes}
          today={today}
          dateOfBirth={dateOfBirth}
          actions={{
            update: (injuryId) => updateInjuryAction.bind(null, patientId, injuryId),
            markReturned: (injuryId) => returnInjuryAction.bind(null, patientId, injuryId),
            close: (injuryId) => closeInjuryAction.bind(null, patientId, injuryId),
          }}
          redFlags={redFlags}
          redFlagActions={(injuryId) => ({ save: saveRedFlagScreenAction.bind(null, patientId, injuryId), clear: clearRedFlagsAction.bind(null, patientId, injuryId) })}
        />
        {record.archived ? null : (
          <details className={`${disclosureClass} mt-4`} open={episodes.length === 0}>
            <summary>Add an injury episode</summary>
            <div className="mt-3">
              <InjuryForm
                idPrefix="new-injury"
                today={today}
                dateOfBirth={dateOfBirth}
                action={createInjuryAction.bind(null, patientId)}
                openEpisode={open ? { description: open.description, onsetDate: open.onsetDate } : null}
              />
            </div>
          </details>
        )}
      </Card>
      <Card aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-3 text-lg font-semibold">
          Demographics, contact and running profile
        </h2>
        <PatientForm today={today} initialValues={record.values} initialVersion={record.version} action={updatePatientAction.bind(null, patientId)} />
      </Card>
      <Card aria-labelledby="team-heading">
        <h2 id="team-heading" className="mb-3 text-lg font-semibold">
          Care team
        </h2>
        <CareTeamPanel
          primary={team.primaryTherapist}
          members={team.members}
          candidates={team.candidates}
          therapists={team.therapists}
          canEdit={team.canEdit}
          canChangePrimary={team.canChangePrimary}
          patientVersion={team.patientVersion}
          addAction={addCareTeamAction.bind(null, patientId)}
          removeAction={removeCareTeamAction.bind(null, patientId)}
          changePrimaryAction={changePrimaryAction.bind(null, patientId)}
        />
      </Card>
      <Card aria-labelledby="archive-heading">
        <h2 id="archive-heading" className="mb-3 text-lg font-semibold">
          {record.archived ? "Archived" : "Archive"}
        </h2>
        <ArchiveToggle archived={record.archived} action={setArchivedAction.bind(null, patientId)} />
      </Card>
    </div>
  );
}
