import type { PatientHeaderDto } from "@/lib/dal/patients";
import { Badge } from "@/components/ui/badge";
import { stageName } from "@/lib/domain/injury";

const SEX: Record<PatientHeaderDto["sex"], string> = { female: "Female", male: "Male", other: "Other", unknown: "Sex not recorded" };

export function PatientHeader({ patient }: { patient: PatientHeaderDto }) {
  const injury = patient.activeInjury;
  return (
    <header className="rounded-lg border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-2xl font-bold">{patient.name}</h1>
        <p className="text-muted">
          {patient.age} y · {SEX[patient.sex]} · Record {patient.recordNumber}
        </p>
        {patient.archived ? <Badge>Archived</Badge> : null}
      </div>
      <p className="mt-2 text-lg" data-testid="injury-summary">
        {injury ? (
          <>
            {injury.description}, day {injury.day}
          </>
        ) : (
          "No active injury"
        )}
      </p>
      <div className="mt-2 flex flex-wrap gap-2 text-sm">
        {injury?.isRecurrence ? <Badge tone="caution">Recurrence</Badge> : null}
        {injury && injury.priorStrains > 0 ? (
          <Badge tone="caution">
            {injury.priorStrains} prior calf strain{injury.priorStrains === 1 ? "" : "s"}
          </Badge>
        ) : null}
        <Badge tone="accent">Stage: {stageName(patient.stage)}</Badge>
      </div>
      <p className="mt-2 text-sm text-muted">
        Therapist: {patient.primaryTherapist.name}
        {patient.careTeam.length > 0 ? ` · Care team: ${patient.careTeam.map((m) => m.name).join(", ")}` : ""}
      </p>
    </header>
  );
}
