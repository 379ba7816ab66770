import type { Metadata } from "next";

export const metadata: Metadata = { title: "Details" };

export default function PatientDetailsPage() {
  return (
    <section className="rounded-lg border border-line bg-white p-4">
      <h2 className="text-lg font-semibold">Details</h2>
    </section>
  );
}
