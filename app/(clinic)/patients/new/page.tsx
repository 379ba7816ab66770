import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/domain/dates";
import { PatientForm } from "@/components/patients/patient-form";
import { Card } from "@/components/ui/card";
import { createPatientAction } from "./actions";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const user = await requireUser();
  return (
    <div className="flex flex-col gap-4">
      <p>
        <Link href="/patients" className="text-sm font-semibold text-accent-strong underline">
          Back to patients
        </Link>
      </p>
      <h1 className="text-2xl font-bold">New patient</h1>
      <p className="text-muted">You become the primary therapist. Add the injury episode on the next page.</p>
      <Card>
        <PatientForm today={todayIn(user.clinicTimeZone)} action={createPatientAction} />
      </Card>
    </div>
  );
}
