import type { Metadata } from "next";

export const metadata: Metadata = { title: "Progress" };

export default function PatientProgressPage() {
  return (
    <section className="rounded-lg border border-line bg-white p-4">
      <h2 className="text-lg font-semibold">Progress</h2>
    </section>
  );
}
