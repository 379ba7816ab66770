import type { Metadata } from "next";

export const metadata: Metadata = { title: "Logs" };

export default function PatientLogsPage() {
  return (
    <section className="rounded-lg border border-line bg-white p-4">
      <h2 className="text-lg font-semibold">Logs</h2>
    </section>
  );
}
