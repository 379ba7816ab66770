import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-bold">Not found</h1>
      <p className="mt-2 text-muted">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-4 inline-block font-semibold text-accent-strong underline">
        Back to the caseload
      </Link>
    </main>
  );
}
