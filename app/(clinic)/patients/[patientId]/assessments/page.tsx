import type { Metadata } from "next";

export const metadata: Metadata = { title: "Assessments" };

export default function PatientAssessmentsPage() {
  return (
    <section className="rounded-lg border border-line bg-white p-4">
      <h2 className="text-lg font-semibold">Assessments</h2>
    </section>
  );
}
