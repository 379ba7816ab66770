import Link from "next/link";

export default function PatientNotFound() {
  return (
    <div className="rounded-lg border border-line bg-white p-6">
      <h1 className="text-xl font-bold">Patient not found</h1>
      <p className="mt-2 text-muted">There is no patient with this link on your caseload.</p>
      <Link href="/" className="mt-4 inline-block font-semibold text-accent-strong underline">
        Back to the caseload
      </Link>
    </div>
  );
}
