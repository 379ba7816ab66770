"use client";

/** An error inside the signed-in app: the header and navigation stay, with a way to retry. */
export function SegmentError({ what, error, reset }: { what: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="rounded-lg border border-line bg-white p-6">
      <h2 className="text-lg font-bold">{what} could not be shown</h2>
      <p className="mt-2 text-muted">Nothing you saved was lost. Try again, or go back to the caseload.{error.digest ? ` Reference: ${error.digest}` : ""}</p>
      <button type="button" onClick={reset} className="mt-4 min-h-11 rounded-md bg-accent px-4 font-semibold text-white">
        Try again
      </button>
    </section>
  );
}
