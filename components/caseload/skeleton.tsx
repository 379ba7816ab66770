/** Placeholders with the dashboard's shape, so nothing jumps when the data arrives. */
export function CaseloadSkeleton() {
  return (
    <div className="flex animate-pulse flex-col gap-4" role="status">
      <span className="sr-only">Loading the caseload…</span>
      <div className="h-5 w-72 rounded bg-line" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-[88px] rounded-lg border border-line bg-white" />
        ))}
      </div>
      <div className="h-[92px] rounded-lg border border-line bg-white" />
      <div className="flex flex-col gap-px overflow-hidden rounded-lg border border-line bg-line">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-12 bg-white" />
        ))}
      </div>
    </div>
  );
}
