import type { PatientHeaderDto } from "@/lib/dal/patients";
import { Badge } from "@/components/ui/badge";
import { courseNote, expectedCourse } from "@/lib/domain/course";
import { daysBetween } from "@/lib/domain/dates";
import { stageName } from "@/lib/domain/injury";
import { RECURRENCE_CLASS_WORDS } from "@/lib/domain/recurrence";

const SEX: Record<PatientHeaderDto["sex"], string> = { female: "Female", male: "Male", other: "Other", unknown: "Sex not recorded" };

function injuryWords(patient: PatientHeaderDto): string {
  const active = patient.activeInjury;
  if (active) return `${active.description}, day ${active.day}`;
  const latest = patient.latestInjury;
  if (latest?.status === "returned") return `${latest.description}: returned to full running on ${latest.returnDate}`;
  return "No active injury";
}

/** The expected course of the shown episode and the advisory pace note beside the stage (lib/domain/course.ts). */
function course(patient: PatientHeaderDto, injury: NonNullable<PatientHeaderDto["activeInjury"]>) {
  const estimate = expectedCourse({ muscle: injury.muscle, grade: injury.grade, achilles: injury.achilles, age: patient.age, priorStrains: injury.priorStrains });
  const returnedOnDay = injury.returnDate ? daysBetween(injury.onsetDate, injury.returnDate) + 1 : null;
  return { estimate, note: courseNote(estimate, { day: injury.day, stage: patient.stage, returnedOnDay }) };
}

export function PatientHeader({ patient }: { patient: PatientHeaderDto }) {
  const injury = patient.activeInjury ?? (patient.latestInjury?.status === "returned" ? patient.latestInjury : null);
  const expected = injury ? course(patient, injury) : null;
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
      {patient.redFlag?.status === "refer" ? (
        <p className="mt-2 rounded-md border border-red-200 bg-red-50 p-2 font-semibold text-stop" role="note" data-testid="refer-before-loading">
          {patient.redFlag.words} No progression until the clearance is recorded (Details tab).
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2 text-sm">
        {injury && injury.recurrenceClass !== "none" ? <Badge tone="caution">{RECURRENCE_CLASS_WORDS[injury.recurrenceClass]}</Badge> : null}
        {patient.redFlag?.status === "cleared" ? <Badge tone="neutral">{patient.redFlag.words}</Badge> : null}
        {injury && injury.priorStrains > 0 ? (
          <Badge tone="caution">
            {injury.priorStrains} prior calf strain{injury.priorStrains === 1 ? "" : "s"}
          </Badge>
        ) : null}
        {injury ? <Badge tone="accent">Stage: {stageName(patient.stage)}</Badge> : null}
        {expected?.note && expected.note.pace !== "usual" ? (
          <Badge tone="caution" data-testid="course-pace">
            {expected.note.pace === "faster" ? "Faster than usual" : "Slower than usual"} (advisory)
          </Badge>
        ) : null}
      </div>
      {expected ? (
        <details className="mt-2 text-sm" data-testid="expected-course">
          <summary className="min-h-11 cursor-pointer py-2">
            {expected.estimate.words} {expected.note ? expected.note.words : ""}
          </summary>
          <ul className="list-disc pl-5 text-muted">
            {[...expected.estimate.basis, ...expected.estimate.notAdjusted].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="mt-2 text-sm text-muted">
        Primary therapist: {patient.primaryTherapist.name}
        {patient.careTeam.length > 0 ? ` · Care team: ${patient.careTeam.map((m) => m.name).join(", ")}` : ""}
      </p>
    </header>
  );
}
