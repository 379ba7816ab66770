import type { PatientHeaderDto } from "@/lib/dal/patients";
import { Badge } from "@/components/ui/badge";
import { stageName } from "@/lib/domain/injury";

const SEX: Record<PatientHeaderDto["sex"], string> = { female: "Female", male: "Male", other: "Other", unknown: "Sex not recorded" };

function injuryWords(patient: PatientHeaderDto): string {
  const active = patient.activeInjury;
  if (active) return `${active.description}, day ${active.day}`;
  const latest = patient.latestInjury;
  if (latest?.status === "returned") return `${latest.description}: returned to full running on ${latest.returnDate}`;
  return "No active injury";
}

export function PatientHeader({ patient }: { patient: PatientHeaderDto }) {
  const injury = patient.activeInjury ?? (patient.latestInjury?.status === "returned" ? patient.latestInjury : null);
  return (
    <header className="rounded-lg border border-line bg-white p-4" data-testid="patient-header">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-2xl font-bold">{patient.name}</h1>
        <p className="text-muted">
          {patient.age} years · {SEX[patient.sex]} · Record {patient.recordNumber}
        </p>
        {patient.archived ? <Badge>Archived</Badge> : null}
      </div>
      <p className="mt-2 text-lg" data-testid="injury-summary">
        {injuryWords(patient)}
      </p>
      <div className="mt-2 flex flex-wrap gap-2 text-sm">
        {injury?.isRecurrence ? <Badge tone="caution">Recurrence: same side within 12 months</Badge> : null}
        {injury && injury.priorStrains > 0 ? (
          <Badge tone="caution">
            {injury.priorStrains} prior calf strain{injury.priorStrains === 1 ? "" : "s"}
          </Badge>
        ) : null}
        {injury ? <Badge tone="accent">Stage: {stageName(patient.stage)}</Badge> : null}
      </div>
      <p className="mt-2 text-sm text-muted">
        Primary therapist: {patient.primaryTherapist.name}
        {patient.careTeam.length > 0 ? ` · Care team: ${patient.careTeam.map((m) => m.name).join(", ")}` : ""}
      </p>
    </header>
  );
}
