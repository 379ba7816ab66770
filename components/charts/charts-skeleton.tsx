/** Placeholders the size of the three charts, so the page does not jump when they arrive. */
export function ChartsSkeleton() {
  return (
    <div role="status" className="flex animate-pulse flex-col gap-4">
      <span className="sr-only">Loading the progress charts…</span>
      {[452, 412, 560].map((h) => (
        <div key={h} className="rounded-lg border border-line bg-white p-4" style={{ height: h }}>
          <div className="h-5 w-48 rounded bg-line" />
          <div className="mt-2 h-4 w-3/4 rounded bg-surface" />
        </div>
      ))}
    </div>
  );
}
