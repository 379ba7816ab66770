"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-muted">
        The page could not be shown. Nothing you saved was lost.{error.digest ? ` Reference: ${error.digest}` : ""}
      </p>
      <button type="button" onClick={reset} className="mt-4 min-h-11 rounded-md bg-accent px-4 font-semibold text-white">
        Try again
      </button>
    </main>
  );
}
